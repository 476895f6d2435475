package tcpflowlab.telemetry;

import java.util.Map;

/**
 * The settings of a running scenario that may be changed while it runs. Setters may be
 * called from any thread at any time; a change is validated at once (an invalid value throws
 * {@link IllegalArgumentException} naming the field, the value and the allowed range), takes
 * effect at the next application-level socket call and is recorded as a KNOB_CHANGED event.
 * Keys are the scenario's field paths, for example {@code client.readSize}.
 */
public interface Knobs {
    /** Parses, validates and queues a change. */
    void set(String key, String value);

    /** The values as they will be once queued changes are applied, as text, by key. */
    Map<String, String> current();

    default void setReadSize(int bytes) {
        set("client.readSize", Integer.toString(bytes));
    }

    default void setProcessingDelayMs(double millis) {
        set("client.processingDelayMs", Double.toString(millis));
    }
}
