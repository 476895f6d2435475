package tcpflowlab.sim;

import tcpflowlab.sim.app.AppClock;
import tcpflowlab.sim.app.AppContext;

/**
 * An application's context on the virtual clock: the Model's devices behind {@link AppContext}.
 * A socket call costs the scenario's {@code callCostNs} (nothing else makes virtual time pass),
 * and a loop of calls nothing can observe runs inline or is counted at once.
 */
public interface ModelAppContext extends AppContext {
    Simulator sim();

    @Override
    default AppClock clock() {
        return sim();
    }

    @Override
    default long callCost(long configuredNanos) {
        return configuredNanos;
    }

    /**
     * The first run time an application loop may not reach inline: the next queued event, or
     * sooner while the run is being stepped, so a step stops where it should and not inside a loop.
     */
    default long inlineLimit() {
        return sim().nextEventTime();
    }

    @Override
    default long skipRepeats(long period) {
        Simulator sim = sim();
        long now = sim.now();
        long more = Math.max(0, (inlineLimit() - now - 1) / period);
        if (more > 0) {
            sim.advanceTo(now + more * period);
        }
        return more;
    }

    @Override
    default boolean continueInline(long next) {
        Simulator sim = sim();
        if (next < inlineLimit()) {
            sim.advanceTo(next);
            beforeCall();
            return true;
        }
        return false;
    }
}
