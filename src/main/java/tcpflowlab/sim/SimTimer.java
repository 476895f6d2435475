package tcpflowlab.sim;

/**
 * A restartable, cancellable timer (persist, delayed ACK, an application's sleep). Instead of
 * removing a cancelled entry from the heap, each arming gets a new generation and an expiry
 * whose generation is stale is ignored: cancel and re-arm cost O(1).
 */
public final class SimTimer {
    private final Simulator sim;
    private final SimEvent action;
    private long generation;
    private boolean armed;
    private long expiry;

    public SimTimer(Simulator sim, SimEvent action) {
        this.sim = sim;
        this.action = action;
    }

    /** Arms (or re-arms) the timer to expire at the absolute virtual time {@code at}. */
    public void armAt(long at) {
        generation++;
        armed = true;
        expiry = at;
        sim.scheduleTimer(at, this, generation);
    }

    public void armAfter(long delayNanos) {
        armAt(sim.now() + delayNanos);
    }

    public void cancel() {
        if (armed) {
            generation++;
            armed = false;
        }
    }

    public boolean isArmed() {
        return armed;
    }

    /** When the armed timer will expire. */
    public long expiry() {
        return expiry;
    }

    void expire(long tag) {
        if (armed && tag == generation) {
            armed = false;
            action.fire();
        }
    }
}
