package tcpflowlab.live.host;

import java.util.function.LongSupplier;

/**
 * A Live run's clock: wall-clock nanoseconds since the run started, minus the time spent
 * paused. While paused it stands still, so the run's time display and every timestamp stop
 * too, and a timer due during the pause fires after Resume, shifted by the paused time.
 * <p>
 * Pause is a handshake: after {@link #pause}, {@link #awaitHeld} returns once every event loop
 * has reached its hold point (between two application callbacks), so from then on no
 * application makes another socket call until {@link #resume}.
 */
public final class RunClock {
    private final LongSupplier nanoTime;
    private final long start;
    private final int loops;
    private volatile boolean paused;
    private volatile long pausedAt;
    private volatile long pausedTotal;
    private int held;

    public RunClock(LongSupplier nanoTime, int loops) {
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.loops = loops;
    }

    public RunClock(int loops) {
        this(System::nanoTime, loops);
    }

    /** Lock-free: the send loop reads it once per call. */
    public long now() {
        if (paused) {
            return pausedAt - start - pausedTotal;
        }
        return nanoTime.getAsLong() - start - pausedTotal;
    }

    public boolean isPaused() {
        return paused;
    }

    /** Stops the clock; the loops hold at their next hold point (wake them to get there soon). */
    public synchronized void pause() {
        if (!paused) {
            pausedAt = nanoTime.getAsLong();
            paused = true;
        }
    }

    /**
     * Waits (at most {@code timeoutMillis}) until every loop holds or has ended.
     *
     * @return true when they all do
     */
    public synchronized boolean awaitHeld(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (paused && held < loops) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        return paused;
    }

    /** Starts the clock again where it stopped and releases the loops. */
    public synchronized void resume() {
        if (paused) {
            pausedTotal += nanoTime.getAsLong() - pausedAt;
            paused = false;
            notifyAll();
        }
    }

    /** A loop's hold point: returns when not paused (or {@code released} says to go on). */
    void hold(java.util.function.BooleanSupplier released) throws InterruptedException {
        synchronized (this) {
            if (!paused) {
                return;
            }
            held++;
            notifyAll();
            try {
                while (paused && !released.getAsBoolean()) {
                    wait(50);
                }
            } finally {
                held--;
            }
        }
    }

    /** A loop that has ended counts as holding, so a pause never waits for it. */
    synchronized void loopEnded() {
        held++;
        notifyAll();
    }
}
