package tcpflowlab.engine;

/**
 * A run of a scenario by one engine. Control methods may be called from any thread.
 * Time is nanoseconds since the run started: virtual for the Model, wall-clock for the Live engine.
 * Build one with {@link Engines}.
 */
public interface Run extends AutoCloseable {
    /** Starts the run on the engine's own thread. */
    void start();

    void pause();

    void resume();

    /**
     * While paused, advances to the next event and processes it (model only).
     *
     * @return false when there is nothing more to do or the engine cannot step
     */
    boolean step();

    /** Ends the run; idempotent. */
    void stop();

    /**
     * Speed relative to the wall clock (1.0 = real time); {@link Double#POSITIVE_INFINITY}
     * runs as fast as possible. Ignored by engines that run in real time.
     */
    void setSpeed(double factor);

    double speed();

    RunState state();

    long timeNanos();

    Knobs knobs();

    /**
     * Why the run failed (a port in use, an exception in the engine ...), in words for the
     * user, when {@link #state()} is FAILED; null otherwise.
     */
    String failure();

    /** What the run has come to so far; complete once it has ended. May be called from any thread. */
    RunSummary summary();

    /** Blocks until the run is finished or stopped, or the timeout passes. */
    boolean awaitEnd(long timeoutMillis) throws InterruptedException;

    @Override
    default void close() {
        stop();
    }
}
