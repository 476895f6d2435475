package tcpflowlab.sim.tcp;

/**
 * The receive window a receiver offers, chosen the way Linux 6.x chooses it for every
 * outgoing segment.
 *
 * <ul>
 *   <li><b>Which window</b> ({@code __tcp_select_window()}): the free space (memory turned into
 *       window by {@link ReceiveSpace}), at most {@code rcv_ssthresh}. Without window scaling it
 *       is rounded down to the receiver's estimate of the peer's MSS, and the window already
 *       offered is kept while it is within one MSS of the free space; with scaling it is rounded
 *       up to the scale unit.
 *   <li><b>When zero</b>: only when the free space is below half the full space and also below
 *       the MSS estimate or a sixteenth of the buffer. A reader that frees a few bytes does not
 *       reopen a closed window (receiver silly-window avoidance, RFC 1122 4.2.3.3).
 *   <li><b>Never shrinks</b> ({@code tcp_select_window()}): a smaller choice keeps the right edge
 *       already offered.
 * </ul>
 * The state is {@code rcv_wnd} and {@code rcv_wup}: the window last offered and the sequence
 * it was offered at.
 */
public final class AdvertisedWindow {
    private final int windowScale;
    private long rcvWnd;
    private long rcvWup;

    AdvertisedWindow(int windowScale) {
        this.windowScale = windowScale;
    }

    public int windowScale() {
        return windowScale;
    }

    /** The largest window the 16-bit field can carry with this scale. */
    long largest() {
        return 65_535L << windowScale;
    }

    /** Records the window a SYN or SYN-ACK offered (tcp_select_initial_window()). */
    void initial(long window) {
        rcvWnd = window;
        rcvWup = 0;
    }

    /**
     * __tcp_select_window(): the window Linux would choose now, without committing to it.
     *
     * @param freeSpace tcp_space(): the window the free memory can carry
     * @param fullSpace tcp_full_space(): the window the whole buffer can carry
     * @param windowClamp the largest window this socket may offer
     * @param rcvSsthresh the window's current growth limit
     * @param rcvMss the estimate of the peer's segment size
     */
    long choose(long freeSpace, long fullSpace, long windowClamp, long rcvSsthresh, long rcvMss) {
        long full = Math.min(windowClamp, fullSpace);
        long mss = rcvMss;
        if (mss > full) {
            mss = full;
            if (mss <= 0) {
                return 0;
            }
        }
        long free = freeSpace;
        if (closesBelowHalf(freeSpace, fullSpace, windowClamp)) {
            free = (free >> windowScale) << windowScale;
            if (free < (fullSpace >> 4) || free < mss) {
                return 0;
            }
        }
        free = Math.min(free, rcvSsthresh);
        if (windowScale > 0) {
            long unit = 1L << windowScale;
            return (free + unit - 1) & -unit;
        }
        long window = rcvWnd;
        if (window <= free - mss || window > free) {
            return (free / mss) * mss;
        }
        if (mss == full && free > window + (full >> 1)) {
            return free;
        }
        return window;
    }

    /** Whether the free space is below half the full space: where the window may close, and quick ACKs end. */
    static boolean closesBelowHalf(long freeSpace, long fullSpace, long windowClamp) {
        return freeSpace < (Math.min(windowClamp, fullSpace) >> 1);
    }

    /**
     * tcp_select_window(): commits to the window for an outgoing segment (never shrinking the
     * right edge already offered) and returns it in bytes, as the peer will read it.
     */
    long offer(long rcvNxt, long chosen) {
        long current = current(rcvNxt);
        long window = chosen;
        if (window < current) {
            long unit = 1L << windowScale;
            window = (current + unit - 1) & -unit;
        }
        window = Math.min(window, largest());
        rcvWnd = window;
        rcvWup = rcvNxt;
        return (window >> windowScale) << windowScale;
    }

    /** tcp_receive_window(): what is left of the window last offered. */
    long current(long rcvNxt) {
        return Math.max(0, rcvWup + rcvWnd - rcvNxt);
    }

    /** rcv_wnd: the window last offered. */
    long offered() {
        return rcvWnd;
    }

    /** rcv_wup: the sequence the last window was offered at. */
    long offeredAt() {
        return rcvWup;
    }

    /** The right edge of the window last offered: the peer may send up to here. */
    long rightEdge() {
        return rcvWup + rcvWnd;
    }

    /** Smallest shift that lets a 16-bit window field express {@code maxSpace} (RFC 7323; Linux: ilog2(space) - 15). */
    static int scaleFor(long maxSpace) {
        int s = 0;
        while (s < 14 && (maxSpace >> s) > 65_535) {
            s++;
        }
        return s;
    }
}
