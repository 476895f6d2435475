package tcpflowlab.spill;

/**
 * The client's side of the SPILL protocol, in either engine: reassembles frames from whatever
 * pieces the reads return, delivers each sequence once and in order, drops duplicates (a
 * replay after a reconnect re-sends what was not acknowledged), and counts any gap (there must
 * never be one). State survives reconnects; only a partial frame is dropped with its connection.
 */
public final class FrameReceiver {
    private final Frames.Decoder decoder = new Frames.Decoder();
    private volatile long lastSeen;
    private volatile long delivered;
    private volatile long duplicates;
    private volatile long gaps;

    public void feed(byte[] buf, int off, int len) {
        decoder.feed(buf, off, len, (seq, payload) -> {
            if (seq <= lastSeen) {
                duplicates++;
                return;
            }
            if (seq != lastSeen + 1) {
                gaps++;
            }
            lastSeen = seq;
            delivered++;
        });
    }

    /** A new connection: a partial frame of the old one is gone with it. */
    public void newConnection() {
        decoder.reset();
    }

    /** The acknowledgement to send: the last sequence received, or null before the first. */
    public byte[] ack() {
        return lastSeen == 0 ? null : Frames.ack(lastSeen);
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
}
