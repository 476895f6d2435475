package tcpflowlab.sim.tcp;

/**
 * The receive window a receiver offers, with receiver-side silly-window avoidance
 * (RFC 1122 4.2.3.3, as Linux does it): the right edge of the offered window only moves
 * forward once the free space has grown by at least min(MSS, buffer / 2), so reading a few
 * bytes does not reopen a closed window, and it never moves back, so an offered window never
 * shrinks. Windows are whole multiples of the window-scale unit, as on the wire.
 */
public final class AdvertisedWindow {
    private final int windowScale;
    private long rightEdge;

    AdvertisedWindow(int windowScale) {
        this.windowScale = windowScale;
    }

    public int windowScale() {
        return windowScale;
    }

    /** The window that {@link #offer} would advertise now, without committing to it. */
    long wouldOffer(long rcvNxt, long free, long capacity, long rcvMss) {
        long largest = 65_535L << windowScale;
        long rounded = Math.min(largest, (free >> windowScale) << windowScale);
        long current = Math.max(0, rightEdge - rcvNxt);
        long threshold = Math.max(1, Math.min(rcvMss, capacity / 2));
        if (rcvNxt + rounded >= rightEdge + threshold) {
            return rounded;
        }
        return current;
    }

    /** Chooses the window for an outgoing segment and records its right edge. */
    long offer(long rcvNxt, long free, long capacity, long rcvMss) {
        long window = wouldOffer(rcvNxt, free, capacity, rcvMss);
        rightEdge = Math.max(rightEdge, rcvNxt + window);
        return rightEdge - rcvNxt;
    }

    /** The window currently offered (right edge minus the next expected byte). */
    long current(long rcvNxt) {
        return Math.max(0, rightEdge - rcvNxt);
    }

    /**
     * Linux's tcp_cleanup_rbuf() rule for sending a window update after the application read:
     * only when the window currently offered is at most half the buffer and the new one would
     * be at least twice as large (and not zero).
     */
    boolean updateWorthSending(long rcvNxt, long free, long capacity, long rcvMss) {
        long current = current(rcvNxt);
        if (2 * current > capacity) {
            return false;
        }
        long next = wouldOffer(rcvNxt, free, capacity, rcvMss);
        return next > 0 && next >= 2 * current && next > current;
    }

    /** Smallest shift that lets a 16-bit window field express {@code maxSpace} (RFC 7323). */
    static int scaleFor(long maxSpace) {
        int s = 0;
        while (s < 14 && (maxSpace >> s) > 65_535) {
            s++;
        }
        return s;
    }
}
