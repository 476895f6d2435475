package tcpflowlab.engine;

import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioField;

/**
 * The settings of a running scenario that may be changed while it runs. Setters may be
 * called from any thread at any time; a change is validated at once (an invalid value throws
 * {@code InvalidScenarioException} naming the field, the value and the allowed range), takes
 * effect at the next application-level socket call and is recorded as a KNOB_CHANGED event.
 * Values are typed (what {@link ScenarioField#parse} returns), so text typed by a person is
 * parsed once, by the view that received it, and never again on the way to the engine.
 */
public interface Knobs {
    /**
     * Validates and queues a change of {@code field} to {@code value}: an Integer, Long, Double,
     * Boolean or enum constant as the field's type says. A value equal to the one already
     * projected is no change and is not queued.
     */
    void set(ScenarioField field, Object value);

    /** The scenario as it will be once the queued changes are applied. */
    Scenario projected();

    default void setReadSize(int bytes) {
        set(ScenarioField.CLIENT_READ_SIZE, bytes);
    }

    default void setProcessingDelayMs(double millis) {
        set(ScenarioField.CLIENT_PROCESSING_DELAY, millis);
    }
}
