package tcpflowlab.lesson;

import tcpflowlab.scenario.ScenarioField;

import java.util.Objects;

/** A knob a lesson step turns: the field and its typed value (as {@link ScenarioField#parse} gives it). */
public record KnobSetting(ScenarioField field, Object value) {
    public KnobSetting {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
    }
}
