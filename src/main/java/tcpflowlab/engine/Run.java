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
     * While paused (or before starting), runs until {@code condition} is met, then stays paused:
     * the one way to step through a run, in whatever unit a lesson needs. Examples:
     * <pre>{@code
     * run.runUntil(StopCondition.nextEvent());                      // the next row of the event log
     * run.runUntil(StopCondition.nextSegment());                    // the next arrow on the ladder
     * run.runUntil(StopCondition.nextEventOrSegment());             // whichever comes first
     * run.runUntil(StopCondition.after(10_000_000));                // 10 ms of run time
     * run.runUntil(StopCondition.nextEventOf(EventKind.ZERO_WINDOW, Side.CLIENT));
     * run.runUntil(StopCondition.at(5_000_000_000L));               // to t = 5 s
     * }</pre>
     * The Model stops exactly: at the run time of the first event or segment that matches (every
     * other engine event of that same instant is processed too, so the views show the instant
     * whole and the next step moves time forward), or at the condition's deadline to the
     * nanosecond; the events are the same as in a run that was never stopped. It may take a
     * while (the next RST can be minutes of run time away): call it off the UI thread; it gives
     * up when the run is stopped or resumed meanwhile. The Live engine cannot stop its kernel
     * and returns false at once.
     *
     * @return true when the condition was met; false when the run ended first, was stopped or
     *         resumed meanwhile, was not paused, or the engine cannot step
     */
    boolean runUntil(StopCondition condition);

    /** {@link #runUntil} the next event in the log (the Step button's default). */
    default boolean step() {
        return runUntil(StopCondition.nextEvent());
    }

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
