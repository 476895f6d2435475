package tcpflowlab.ui;

import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.sweep.SweepAxis;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One knob row of the Sweep view as the user filled it in: a number's FROM, TO, COUNT and
 * scale, or the values ticked for an enum or a boolean. It becomes the same {@code FIELD=SPEC}
 * text the CLI's {@code --vary} takes, so the app checks it with the CLI's rules and messages.
 *
 * @param ticked the values ticked, for an enum or boolean field (ignored for numbers)
 */
record SweepAxisForm(ScenarioField field, String from, String to, String count, boolean log, List<String> ticked) {
    /**
     * Fields a sweep does not vary: the duration has its own box, and the sampling period only
     * changes how finely a cell is watched, not what happens in it.
     */
    private static final Set<ScenarioField> NOT_SWEPT = EnumSet.of(ScenarioField.RUN_DURATION,
            ScenarioField.RUN_SAMPLE_PERIOD);

    SweepAxisForm {
        ticked = List.copyOf(ticked);
    }

    static SweepAxisForm numbers(ScenarioField field, String from, String to, String count, boolean log) {
        return new SweepAxisForm(field, from, to, count, log, List.of());
    }

    static SweepAxisForm values(ScenarioField field, List<String> ticked) {
        return new SweepAxisForm(field, "", "", "", false, ticked);
    }

    /** The knobs the Sweep view offers, in the field table's order. */
    static List<ScenarioField> sweepable() {
        return EnumSet.complementOf(EnumSet.copyOf(NOT_SWEPT)).stream().toList();
    }

    /** The values a checklist offers for an enum or boolean field; empty for a number. */
    static List<String> choices(ScenarioField field) {
        return switch (field.type()) {
            case BOOLEAN -> List.of("true", "false");
            case ENUM -> field.enumConstantNames();
            default -> List.of();
        };
    }

    /** {@code client.readSize=10..65536:log:12} or {@code client.strategy=DRAIN,FIXED_READ}. */
    String assignment() {
        if (field.isNumeric()) {
            return field.path() + "=" + from.trim() + ".." + to.trim() + ":" + (log ? "log:" : "") + count.trim();
        }
        return field.path() + "=" + String.join(",", ticked);
    }

    /** The axis, checked as {@code --vary} checks it; a refusal names the field, the value and the range. */
    SweepAxis axis() {
        if (!field.isNumeric() && ticked.isEmpty()) {
            throw new InvalidScenarioException(field.path() + ": tick at least one value (" + field.allowed() + ")");
        }
        return SweepAxis.parse(assignment());
    }
}
