package tcpflowlab.sim.tcp;

/**
 * Bytes of a stream addressed by their absolute stream offset, kept between a low and a high
 * offset in a power-of-two array that grows on demand. The send and receive buffers both
 * store their bytes here; they differ in what their offsets mean.
 */
final class ByteRing {
    private byte[] data = new byte[256];
    private int mask = data.length - 1;
    private long low;
    private long high;

    long low() {
        return low;
    }

    long high() {
        return high;
    }

    long size() {
        return high - low;
    }

    void append(byte[] src, int off, int len) {
        ensureRoom(size() + len);
        int pos = (int) (high & mask);
        int first = Math.min(len, data.length - pos);
        System.arraycopy(src, off, data, pos, first);
        if (first < len) {
            System.arraycopy(src, off + first, data, 0, len - first);
        }
        high += len;
    }

    /** Appends {@code len} bytes taken from another ring at {@code srcOffset}. */
    void appendFrom(ByteRing src, long srcOffset, int len) {
        ensureRoom(size() + len);
        int done = 0;
        while (done < len) {
            int srcPos = (int) ((srcOffset + done) & src.mask);
            int dstPos = (int) ((high + done) & mask);
            int n = Math.min(len - done, Math.min(src.data.length - srcPos, data.length - dstPos));
            System.arraycopy(src.data, srcPos, data, dstPos, n);
            done += n;
        }
        high += len;
    }

    /** Copies bytes at absolute offsets [offset, offset + len) out; they must still be held. */
    void copy(long offset, byte[] dst, int dstOff, int len) {
        if (offset < low || offset + len > high) {
            throw new IllegalArgumentException("bytes [" + offset + ", " + (offset + len)
                    + ") not held; held [" + low + ", " + high + ")");
        }
        int pos = (int) (offset & mask);
        int first = Math.min(len, data.length - pos);
        System.arraycopy(data, pos, dst, dstOff, first);
        if (first < len) {
            System.arraycopy(data, 0, dst, dstOff + first, len - first);
        }
    }

    /** Forgets bytes below {@code offset}. */
    void releaseTo(long offset) {
        if (offset < low || offset > high) {
            throw new IllegalArgumentException("release to " + offset + " outside [" + low + ", " + high + "]");
        }
        low = offset;
    }

    private void ensureRoom(long needed) {
        if (needed <= data.length) {
            return;
        }
        if (needed > (1 << 30)) {
            throw new IllegalStateException("stream buffer over 1 GiB");
        }
        int n = data.length;
        while (n < needed) {
            n <<= 1;
        }
        byte[] bigger = new byte[n];
        int len = (int) size();
        // Copy piecewise so every byte lands where the new mask puts its offset.
        for (int done = 0; done < len; ) {
            int s = (int) ((low + done) & mask);
            int d = (int) ((low + done) & (n - 1));
            int k = Math.min(len - done, Math.min(data.length - s, n - d));
            System.arraycopy(data, s, bigger, d, k);
            done += k;
        }
        data = bigger;
        mask = n - 1;
    }
}
