package tcpflowlab.sim;

import tcpflowlab.sim.app.AppClock;

/**
 * The virtual clock and the event queue. Time is in nanoseconds since the run started and
 * moves only when an event is taken from the queue (or an application advances it inline
 * over calls nothing else can observe, see {@link #advanceTo}). Single-threaded by design.
 */
public final class Simulator implements AppClock {
    private static final long NO_TAG = Long.MIN_VALUE;

    private final EventQueue queue = new EventQueue();
    private long now;
    private long eventsProcessed;
    /** Told each time the clock moves on; null when nothing asks. */
    private ClockWatch clockWatch;

    /** Sees the clock move: the state after the last event at {@code from} held until {@code to}. */
    public interface ClockWatch {
        void advancing(long from, long to);
    }

    /** Installs the one watcher of the clock (null: none). */
    public void watchClock(ClockWatch watch) {
        this.clockWatch = watch;
    }

    private void moveTo(long t) {
        if (t != now && clockWatch != null) {
            clockWatch.advancing(now, t);
        }
        now = t;
    }

    @Override
    public long now() {
        return now;
    }

    public long eventsProcessed() {
        return eventsProcessed;
    }

    public int pendingEvents() {
        return queue.size();
    }

    /** Time of the next queued event, or {@link Long#MAX_VALUE} when none is queued. */
    public long nextEventTime() {
        return queue.peekTime();
    }

    @Override
    public void schedule(long at, SimEvent event) {
        if (at < now) {
            throw new IllegalArgumentException("cannot schedule in the past: " + at + " < " + now);
        }
        queue.add(at, event, NO_TAG);
    }

    @Override
    public void after(long delayNanos, SimEvent event) {
        schedule(now + delayNanos, event);
    }

    void scheduleTimer(long at, SimTimer timer, long generation) {
        if (at < now) {
            throw new IllegalArgumentException("cannot arm a timer in the past: " + at + " < " + now);
        }
        queue.add(at, timer, generation);
    }

    /**
     * Moves the clock forward without an event. Allowed only up to (not past) the next queued
     * event, so nothing can observe the skipped interval: this is how an application loop that
     * repeats the same call runs without one queued event per call.
     */
    public void advanceTo(long t) {
        if (t < now || t > queue.peekTime()) {
            throw new IllegalStateException("advanceTo(" + t + ") outside [" + now + ", "
                    + queue.peekTime() + "]");
        }
        moveTo(t);
    }

    /** Processes the next event; false when the queue is empty. */
    public boolean runNext() {
        if (queue.isEmpty()) {
            return false;
        }
        moveTo(queue.peekTime());
        queue.poll();
        Object action = queue.polledAction();
        eventsProcessed++;
        if (action instanceof SimTimer timer) {
            timer.expire(queue.polledTag());
        } else {
            ((SimEvent) action).fire();
        }
        return true;
    }

    /** Processes every event due at or before {@code t}, then sets the clock to {@code t}. */
    public void runUntil(long t) {
        while (queue.peekTime() <= t) {
            runNext();
        }
        if (t > now) {
            moveTo(t);
        }
    }
}
