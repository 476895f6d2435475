package tcpflowlab.engine;

import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Scenario;

import java.util.List;
import java.util.Objects;

/**
 * A moment of a Model run: the scenario it started from, the knob changes that took effect up
 * to then, and the run time. Enough to recompute the run to that instant exactly, since the
 * Model is deterministic: what rewind-and-branch and a moment file carry.
 *
 * @param scenario the scenario as the run started (before any knob change)
 * @param changes  the knob changes that took effect at or before {@code atNanos}, in order
 * @param atNanos  the run time of the moment, 0 to the scenario's duration
 */
public record Moment(Scenario scenario, List<KnobChangeAt> changes, long atNanos) {
    public Moment {
        Objects.requireNonNull(scenario, "scenario");
        changes = List.copyOf(changes);
        long end = endNanos(scenario);
        if (atNanos < 0 || atNanos > end) {
            throw new InvalidScenarioException("the moment's time " + atNanos / 1e9 + " s is outside the run: it must be"
                    + " 0 to " + scenario.run().durationS() + " s (run.durationS)");
        }
        for (KnobChangeAt c : changes) {
            if (c.atNanos() > atNanos) {
                throw new InvalidScenarioException("a change of " + c.field().path() + " at " + c.atNanos() / 1e9
                        + " s comes after the moment (" + atNanos / 1e9 + " s)");
            }
        }
    }

    /** The run time at which {@code scenario} ends. */
    public static long endNanos(Scenario scenario) {
        return Math.round(scenario.run().durationS() * 1e9);
    }
}
