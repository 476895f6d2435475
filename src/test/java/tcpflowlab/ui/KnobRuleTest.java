package tcpflowlab.ui;

import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.ScenarioField;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Refusals in the knob panel's words. */
class KnobRuleTest {
    @Test
    void aRefusalNamesTheLabelTheValueAndTheRule() {
        assertEquals("Read size: 4.5 is not allowed; 1 .. 1048576 B, whole numbers only",
                KnobRule.refusal(ScenarioField.CLIENT_READ_SIZE, " 4.5 "));
        assertEquals("Processing delay: an empty field is not allowed; a number, 0 .. 2000 ms",
                KnobRule.refusal(ScenarioField.CLIENT_PROCESSING_DELAY, ""));
        assertEquals("Overflow policy: x is not allowed; one of CLOSE, BLOCK, DROP, SPILL",
                KnobRule.refusal(ScenarioField.SERVER_OVERFLOW_POLICY, "x"));
    }

    @Test
    void keysInACheckMessageBecomeLabelsWholeKeysOnly() {
        // client.reconnect is a key of its own and the start of client.reconnectBackoffMs
        assertEquals("Longest reconnect delay = 50 is not allowed: it must be at least first reconnect delay (100 ms)",
                KnobRule.inLabels("client.reconnectBackoffMaxMs = 50 is not allowed: it must be at least "
                        + "client.reconnectBackoffMs (100 ms)"));
        assertEquals("Reconnect is off", KnobRule.inLabels("client.reconnect is off"));
    }
}
