package tcpflowlab.sim.tcp;

/**
 * The send buffer (SO_SNDBUF): bytes the application wrote that are not yet acknowledged,
 * both unsent and in flight, like {@code tx_queue} in /proc/net/tcp. Offsets count stream
 * bytes from 0; {@code una <= nxt <= end}.
 * <p>
 * Segments in flight read their payload from here when they arrive instead of carrying a
 * copy: nothing is lost or retransmitted in the model, so the bytes are still held until the
 * ACK that follows the segment's arrival. {@link #purge()} after a reset keeps the stored bytes
 * for that reason, while counting them as gone.
 */
public final class SendBuffer {
    private final ByteRing ring = new ByteRing();
    private long capacity;
    private long una;
    private long nxt;

    SendBuffer(long capacity) {
        this.capacity = capacity;
    }

    public long capacity() {
        return capacity;
    }

    void setCapacity(long capacity) {
        this.capacity = capacity;
    }

    /** Bytes queued: unsent plus unacknowledged. */
    public long used() {
        return ring.high() - una;
    }

    public long free() {
        return Math.max(0, capacity - used());
    }

    public long unsent() {
        return ring.high() - nxt;
    }

    public long inFlight() {
        return nxt - una;
    }

    public long una() {
        return una;
    }

    public long nxt() {
        return nxt;
    }

    /** Offset just past the last byte written. */
    public long end() {
        return ring.high();
    }

    /**
     * Accepts a write; returns how many bytes were taken. Like Linux's tcp_sendmsg(), the
     * limit is checked only when a new segment would be started: while any space is left, a
     * write of at most {@code segmentSize} bytes is taken whole (so the queue may overshoot the
     * capacity by less than one segment), and a larger write is taken up to the free space.
     */
    int append(byte[] src, int off, int len, long segmentSize) {
        long free = free();
        if (free <= 0) {
            return 0;
        }
        int n = len <= segmentSize ? len : (int) Math.min(len, free);
        ring.append(src, off, n);
        return n;
    }

    void markSent(long newNxt) {
        if (newNxt < nxt || newNxt > end()) {
            throw new IllegalArgumentException("nxt " + newNxt + " outside [" + nxt + ", " + end() + "]");
        }
        nxt = newNxt;
    }

    /** An acknowledgement up to (not including) {@code offset}; returns bytes newly acked. */
    long acknowledge(long offset) {
        long upTo = Math.min(offset, nxt);
        if (upTo <= una) {
            return 0;
        }
        long acked = upTo - una;
        una = upTo;
        ring.releaseTo(una);
        return acked;
    }

    /** Discards everything queued (reset or abortive close). */
    void purge() {
        una = end();
        nxt = end();
    }

    void copy(long offset, byte[] dst, int dstOff, int len) {
        ring.copy(offset, dst, dstOff, len);
    }

    ByteRing ring() {
        return ring;
    }
}
