package tcpflowlab.sim.app;

import tcpflowlab.sim.SimEvent;

/**
 * The clock and timers an application runs on: virtual time in the Model, a real-time event
 * loop in the Live engine. Times are nanoseconds since the run started; an event scheduled for
 * a time already past runs as soon as the engine gets to it.
 */
public interface AppClock {
    long now();

    /** Runs the event once, at (not before) {@code at}. */
    void schedule(long at, SimEvent event);

    default void after(long delayNanos, SimEvent event) {
        schedule(now() + delayNanos, event);
    }
}
