package tcpflowlab.sim.tcp;

/**
 * The receive buffer (SO_RCVBUF): bytes the kernel received in order that the application
 * has not read yet, like {@code rx_queue} in /proc/net/tcp. Capacity is the payload it can
 * hold, which is what the advertised window can cover.
 */
public final class ReceiveBuffer {
    private final ByteRing ring = new ByteRing();
    private long capacity;

    ReceiveBuffer(long capacity) {
        this.capacity = capacity;
    }

    public long capacity() {
        return capacity;
    }

    void setCapacity(long capacity) {
        this.capacity = capacity;
    }

    public long used() {
        return ring.size();
    }

    public long free() {
        return Math.max(0, capacity - used());
    }

    /** Stream offset of the next byte to arrive in order (rcv_nxt, in bytes). */
    public long receivedEnd() {
        return ring.high();
    }

    /** Stream offset of the next byte the application will read. */
    public long readOffset() {
        return ring.low();
    }

    void deliver(SendBuffer source, long offset, int len) {
        ring.appendFrom(source.ring(), offset, len);
    }

    int read(byte[] dst, int off, int max) {
        int n = (int) Math.min(max, used());
        if (n > 0) {
            ring.copy(ring.low(), dst, off, n);
            ring.releaseTo(ring.low() + n);
        }
        return n;
    }
}
