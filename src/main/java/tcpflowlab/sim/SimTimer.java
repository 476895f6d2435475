package tcpflowlab.sim;

/**
 * A restartable, cancellable timer (persist, delayed ACK, an application's sleep).
 *
 * <p>Timers like the delayed ACK are cancelled and re-armed for every other segment, far more
 * often than they fire. Removing an entry from the event heap would cost O(log n), and leaving
 * each arming's entry behind fills the heap with dead entries (a 40 ms delayed ACK at a million
 * segments a second left tens of thousands, and the heap's cost grew with them). So a timer
 * keeps at most one live entry: cancelling leaves it queued, re-arming for a later time keeps
 * it, and when it comes due it fires, re-queues itself for the later expiry, or does nothing
 * if the timer was cancelled. Only arming for an earlier time than the queued entry queues a
 * new one (the old one is then recognised as stale by its generation). Expiry times are exact.
 */
public final class SimTimer {
    private final Simulator sim;
    private final SimEvent action;
    private long generation;
    private boolean armed;
    private long expiry;
    /** When this timer's live heap entry is due, or -1 when it has none. */
    private long queuedAt = -1;

    public SimTimer(Simulator sim, SimEvent action) {
        this.sim = sim;
        this.action = action;
    }

    /** Arms (or re-arms) the timer to expire at the absolute virtual time {@code at}. */
    public void armAt(long at) {
        armed = true;
        expiry = at;
        if (queuedAt >= 0 && queuedAt <= at) {
            return; // the queued entry comes first and re-queues itself for this expiry
        }
        queue(at);
    }

    public void armAfter(long delayNanos) {
        armAt(sim.now() + delayNanos);
    }

    public void cancel() {
        armed = false;
    }

    public boolean isArmed() {
        return armed;
    }

    /** When the armed timer will expire. */
    public long expiry() {
        return expiry;
    }

    private void queue(long at) {
        generation++;
        queuedAt = at;
        sim.scheduleTimer(at, this, generation);
    }

    void expire(long tag) {
        if (tag != generation) {
            return;
        }
        queuedAt = -1;
        if (!armed) {
            return;
        }
        if (expiry > sim.now()) {
            queue(expiry);
            return;
        }
        armed = false;
        action.fire();
    }
}
