package tcpflowlab.spill;

/**
 * The client's side of the SPILL protocol, in either engine: reassembles frames from whatever
 * pieces the reads return, delivers each sequence once and in order, drops duplicates (a
 * replay after a reconnect re-sends what was not acknowledged), and counts and reports any gap
 * (there must never be one). State survives reconnects; only a partial frame is dropped with its
 * connection. A stream that cannot be read as frames (a length out of range, from a hostile or
 * broken server) is reported to the caller, which closes that connection and connects again.
 */
public final class FrameReceiver {
    /** Hears about sequences that never arrived, so the client can say so. */
    public interface GapListener {
        void gap(long firstMissing, long lastMissing);
    }

    private final Frames.Decoder decoder = new Frames.Decoder();
    private final GapListener gapListener;
    private volatile long lastSeen;
    private volatile long delivered;
    private volatile long duplicates;
    private volatile long gaps;
    private volatile long malformed;
    /** The highest sequence received on the current connection, duplicates included. */
    private long connectionHighest;
    private boolean broken;

    public FrameReceiver() {
        this((first, last) -> { });
    }

    public FrameReceiver(GapListener gapListener) {
        this.gapListener = gapListener;
    }

    /**
     * Feeds bytes of the current connection.
     *
     * @return null, or why this connection's stream cannot be read any further (the frames
     *         before the damage are delivered; the caller closes the connection)
     */
    public String feed(byte[] buf, int off, int len) {
        if (broken) {
            return null; // already reported; the caller is closing this connection
        }
        try {
            decoder.feed(buf, off, len, this::onFrame);
            return null;
        } catch (Frames.MalformedFrameException e) {
            broken = true;
            malformed++;
            return e.getMessage();
        }
    }

    private void onFrame(long seq, byte[] payload) {
        connectionHighest = Math.max(connectionHighest, seq);
        if (seq <= lastSeen) {
            duplicates++;
            return;
        }
        if (seq != lastSeen + 1) {
            // Counted and said, never passed over as if nothing were missing.
            gaps++;
            gapListener.gap(lastSeen + 1, seq - 1);
        }
        lastSeen = seq;
        delivered++;
    }

    /** A new connection: a partial frame of the old one is gone with it. */
    public void newConnection() {
        decoder.reset();
        connectionHighest = 0;
        broken = false;
    }

    /**
     * The acknowledgement to send, or null before the first frame on this connection: the last
     * sequence the client has, but never above what this connection carried (a server accepts
     * only acknowledgements of what it sent on the connection; the client has everything up to
     * either, as it receives in order).
     */
    public byte[] ack() {
        long a = Math.min(lastSeen, connectionHighest);
        return a <= 0 ? null : Frames.ack(a);
    }

    public long lastSeen() {
        return lastSeen;
    }

    public long delivered() {
        return delivered;
    }

    public long duplicates() {
        return duplicates;
    }

    public long gaps() {
        return gaps;
    }

    /** Connections dropped because their stream could not be read as frames. */
    public long malformed() {
        return malformed;
    }
}
