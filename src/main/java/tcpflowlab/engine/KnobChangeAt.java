package tcpflowlab.engine;

import tcpflowlab.scenario.ScenarioField;

import java.util.Objects;

/**
 * A knob change as the Model applied it: where in the run it took effect, exactly enough to
 * apply it again at the same point of a recomputed run (rewind and branch, a moment file).
 * Several application calls can happen at one virtual instant (the server's send loop and the
 * client's recv, a call cost of 0), so the instant alone is not enough: {@code callAtInstant}
 * says which of that instant's socket calls saw the change.
 *
 * @param atNanos       the run time at which it took effect
 * @param callAtInstant 0 for the first application-level socket call at that instant, 1 for the next ...
 * @param field         the knob
 * @param value         its new value, typed as {@link ScenarioField#parse} returns it
 */
public record KnobChangeAt(long atNanos, int callAtInstant, ScenarioField field, Object value) {
    public KnobChangeAt {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        if (atNanos < 0 || callAtInstant < 0) {
            throw new IllegalArgumentException("a knob change happens at run time 0 or later, at call 0 or later; got "
                    + atNanos + " ns, call " + callAtInstant);
        }
    }

    /** Whether it is due at the {@code call}-th socket call of run time {@code now} (or was missed before). */
    public boolean dueAt(long now, int call) {
        return now > atNanos || (now == atNanos && call >= callAtInstant);
    }
}
