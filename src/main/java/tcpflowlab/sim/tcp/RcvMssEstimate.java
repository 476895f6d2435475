package tcpflowlab.sim.tcp;

/**
 * The receiver's estimate of the segment size its peer sends ({@code icsk_ack.rcv_mss},
 * {@code tcp_measure_rcv_mss()}). It decides when an ACK is due ("more than one full frame
 * received") and the unit a window without scaling is rounded to, so a peer that sends
 * 8 KiB segments sees windows of 8 and 16 KiB.
 */
final class RcvMssEstimate {
    /** TCP_MSS_DEFAULT: the initial estimate is at most this. */
    static final int MSS_DEFAULT = 536;
    /** TCP_MIN_MSS: and at least this. */
    static final int MIN_MSS = 88;

    private final long advmss;
    private long rcvMss;
    private long lastSegmentSize;
    private boolean pushed;

    RcvMssEstimate(long advmss) {
        this.advmss = advmss;
        this.rcvMss = MSS_DEFAULT;
    }

    /** tcp_initialize_rcv_mss(): a conservative first guess from what both ends announced. */
    void initialize(long mss, long rcvWnd) {
        long hint = Math.min(Math.min(advmss, mss), rcvWnd / 2);
        rcvMss = Math.max(Math.min(hint, MSS_DEFAULT), MIN_MSS);
    }

    /**
     * Learns from an arriving data segment.
     *
     * @return whether the segment was at least the estimate and of a different size, which is
     * when Linux re-measures its overhead share
     */
    boolean observe(int length, boolean push) {
        long lss = lastSegmentSize;
        lastSegmentSize = 0;
        if (length >= rcvMss) {
            boolean changed = length != rcvMss;
            rcvMss = Math.min(length, advmss);
            // A full segment with PSH likely ends a write: ACK once the reader has drained it.
            pushed = push;
            return changed;
        }
        // A smaller segment counts only if it is full-sized by the peer's own account (no PSH,
        // or large), and only when two in a row agree, so one short write does not shrink it.
        if (length >= MSS_DEFAULT || (length >= MIN_MSS && !push)) {
            lastSegmentSize = length;
            if (length == lss) {
                rcvMss = length;
                pushed = false;
                return false;
            }
        }
        pushed = true;
        return false;
    }

    /** Whether the last segment observed sets ICSK_ACK_PUSHED: a short or pushed segment is the end of a write. */
    boolean pushed() {
        return pushed;
    }

    long value() {
        return rcvMss;
    }
}
