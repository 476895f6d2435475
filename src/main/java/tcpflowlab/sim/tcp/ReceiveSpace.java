package tcpflowlab.sim.tcp;

/**
 * How much of the receive buffer ({@code sk_rcvbuf}, memory) Linux offers as window, and the
 * two limits on the window that grow during a connection: the window clamp and
 * {@code rcv_ssthresh}.
 *
 * <ul>
 *   <li><b>Overhead share</b> ({@code scaling_ratio}, Linux 6.x): window = memory x ratio / 256,
 *       {@code tcp_win_from_space()}. The ratio starts at 50 % and is re-measured from a
 *       segment's payload over its true size whenever the receiver's MSS estimate changes
 *       ({@code tcp_measure_rcv_mss()}), which also moves the window clamp
 *       ({@code tcp_set_window_clamp()}).
 *   <li><b>rcv_ssthresh</b>: the window starts at the initial window and may only grow as
 *       segments with little overhead arrive ({@code tcp_grow_window()}), up to the free space.
 * </ul>
 */
final class ReceiveSpace {
    /** TCP_RMEM_TO_WIN_SCALE: the ratio is a fraction of 256. */
    static final int RMEM_TO_WIN_SCALE = 8;
    /** TCP_DEFAULT_SCALING_RATIO: half the memory, until a segment has been measured. */
    static final int DEFAULT_SCALING_RATIO = 1 << (RMEM_TO_WIN_SCALE - 1);
    /** SOCK_MIN_RCVBUF / 2: the smallest window clamp tcp_set_window_clamp() sets. */
    static final long MIN_WINDOW_CLAMP = 2_304 / 2;
    /** tcp_event_data_recv() grows rcv_ssthresh only for segments of at least this many bytes. */
    static final int GROW_MIN_SEGMENT = 128;

    private final boolean measured;
    private final long advmss;
    private final long rmemMax;
    private long rcvbuf;
    private int scalingRatio;
    private long windowClamp;
    private long rcvSsthresh;

    /**
     * @param rcvbuf sk_rcvbuf, bytes of memory
     * @param linuxOverhead measure the overhead share as Linux does; false offers the whole
     *                      buffer (a textbook receiver whose buffer holds payload only)
     * @param advmss the MSS this end announced
     * @param rmemMax tcp_rmem[2], the limit for tcp_grow_window()'s test
     */
    ReceiveSpace(long rcvbuf, boolean linuxOverhead, long advmss, long rmemMax) {
        this.rcvbuf = rcvbuf;
        this.measured = linuxOverhead;
        this.scalingRatio = linuxOverhead ? DEFAULT_SCALING_RATIO : 1 << RMEM_TO_WIN_SCALE;
        this.advmss = advmss;
        this.rmemMax = rmemMax;
        this.windowClamp = fullSpace();
    }

    /** tcp_win_from_space(): the window a given amount of memory can carry. */
    long winFromSpace(long space) {
        return space <= 0 ? 0 : (space * scalingRatio) >> RMEM_TO_WIN_SCALE;
    }

    /** tcp_space(): the window the free memory could carry now. */
    long space(long rmemAlloc) {
        return winFromSpace(rcvbuf - rmemAlloc);
    }

    /** tcp_full_space(): the window the whole buffer could carry. */
    long fullSpace() {
        return winFromSpace(rcvbuf);
    }

    /**
     * tcp_select_initial_window() for a socket whose buffer the application set: the window
     * clamp is the full space, the initial window that rounded to a multiple of the MSS and at
     * most 65535 (a SYN's window is never scaled), and rcv_ssthresh starts there.
     *
     * @return the initial window
     */
    long initialWindow(long mss) {
        long space = Math.min(windowClamp, fullSpace());
        if (space > mss) {
            space = (space / mss) * mss;
        }
        long window = Math.min(space, 65_535);
        rcvSsthresh = window;
        return window;
    }

    /**
     * tcp_measure_rcv_mss()'s ratio update: called when a segment changed the MSS estimate.
     * A new ratio moves the window clamp to the new full space (tcp_set_window_clamp()).
     */
    void measure(int length, long truesize) {
        if (!measured || truesize <= 0) {
            return;
        }
        int ratio = (int) Math.max(1, Math.min(255, ((long) length << RMEM_TO_WIN_SCALE) / truesize));
        if (ratio == scalingRatio) {
            return;
        }
        scalingRatio = ratio;
        setWindowClamp(fullSpace());
    }

    /** tcp_set_window_clamp(): a larger clamp lets rcv_ssthresh follow to the current window. */
    private void setWindowClamp(long clamp, long rcvWnd) {
        long next = Math.max(MIN_WINDOW_CLAMP, clamp);
        if (next == windowClamp) {
            return;
        }
        long old = windowClamp;
        windowClamp = next;
        if (next < old) {
            rcvSsthresh = Math.min(rcvSsthresh, next);
        } else {
            rcvSsthresh = Math.max(rcvSsthresh, Math.min(rcvWnd, next));
        }
    }

    private void setWindowClamp(long clamp) {
        setWindowClamp(clamp, 0);
    }

    /**
     * tcp_grow_window(), after a segment of {@code length} bytes and true size {@code truesize}
     * was queued: rcv_ssthresh grows towards min(window clamp, free space) when segments like
     * this one will fit the buffer. Returns whether it grew (Linux then asks for a quick ACK).
     */
    boolean grow(int length, long truesize, long rmemAlloc, long rcvMss) {
        if (length < GROW_MIN_SEGMENT) {
            return false;
        }
        long room = Math.min(windowClamp, space(rmemAlloc)) - rcvSsthresh;
        if (room <= 0) {
            return false;
        }
        long increment;
        if (winFromSpace(truesize) <= length) {
            increment = 2 * advmss;
        } else {
            increment = growForOverhead(length, truesize, rcvMss);
        }
        if (increment == 0) {
            return false;
        }
        increment = Math.max(increment, 2L * length);
        rcvSsthresh += Math.min(room, increment);
        return true;
    }

    /** __tcp_grow_window(): segments with much overhead may still grow a small window. */
    private long growForOverhead(int length, long truesize, long rcvMss) {
        long half = winFromSpace(truesize) >> 1;
        long window = winFromSpace(rmemMax) >> 1;
        while (rcvSsthresh <= window) {
            if (half <= length) {
                return 2 * rcvMss;
            }
            half >>= 1;
            window >>= 1;
        }
        return 0;
    }

    /** Autotuning made the buffer larger: the clamp follows (tcp_rcv_space_adjust()). */
    void setRcvbuf(long bytes, long rcvWnd) {
        rcvbuf = bytes;
        setWindowClamp(fullSpace(), rcvWnd);
    }

    long rcvbuf() {
        return rcvbuf;
    }

    int scalingRatio() {
        return scalingRatio;
    }

    long windowClamp() {
        return windowClamp;
    }

    long rcvSsthresh() {
        return rcvSsthresh;
    }
}
