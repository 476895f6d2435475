package tcpflowlab.sim.tcp;

import tcpflowlab.sim.SimEvent;
import tcpflowlab.sim.SimTimer;
import tcpflowlab.sim.Simulator;

/**
 * The persist timer: armed when the sender has data it cannot send and nothing in flight
 * (so no ACK will come to tell it the window opened). Each expiry sends a zero-window probe
 * and doubles the interval, up to 120 s; an ACK that lets data go again resets the backoff.
 * The intervals are base * 2^k for the k-th probe (k = 0, 1, ...): 1, 2, 4, 8, 16 times base
 * (Linux's tcp_probe0_when() with icsk_backoff starting at 0). A loopback capture of the story's
 * small-buffer case on Linux 6.18 (client SO_RCVBUF 4096 reading 10 B every 0.5 s and replying)
 * showed 0.216, 0.456, 0.864, 1.728, 3.424 s after the zero window, with base = max(RTO, 200 ms).
 */
public final class PersistTimer {
    static final long MAX_INTERVAL = 120_000_000_000L;
    private static final int MAX_BACKOFF = 15;

    private final SimTimer timer;
    private int backoff;
    private int probesSent;

    PersistTimer(Simulator sim, SimEvent onExpiry) {
        this.timer = new SimTimer(sim, onExpiry);
    }

    boolean isArmed() {
        return timer.isArmed();
    }

    /** Arms the timer unless it is already running; returns the interval used, or -1. */
    long armIfIdle(long base) {
        if (timer.isArmed()) {
            return -1;
        }
        long interval = interval(base);
        timer.armAfter(interval);
        return interval;
    }

    /** After a probe: back off and re-arm. Returns the next interval. */
    long probeSent(long base) {
        probesSent++;
        if (backoff < MAX_BACKOFF) {
            backoff++;
        }
        long interval = interval(base);
        timer.armAfter(interval);
        return interval;
    }

    /** The window opened (or the connection ended): stop and forget the backoff. */
    void reset() {
        timer.cancel();
        backoff = 0;
    }

    int backoff() {
        return backoff;
    }

    int probesSent() {
        return probesSent;
    }

    private long interval(long base) {
        return Math.min(MAX_INTERVAL, base << backoff);
    }
}
