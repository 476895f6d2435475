package tcpflowlab.cli;

import org.junit.jupiter.api.Test;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.sim.Scenarios;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The printed summary names both kinds of loss on lines of their own. */
class SummaryLossesTest {
    private static RunSummary summary(String preset) {
        ModelEngine engine = new ModelEngine(Scenarios.preset(preset, "run.durationS=10"), List.of(), Scenarios.CODEC);
        engine.runToEnd();
        return engine.summary();
    }

    @Test
    void dropNamesItsDroppedMessagesAndNothingLostOnReset() {
        RunSummary s = summary("drop");
        String text = SummaryText.format(s, 0);
        assertTrue(s.messagesDropped() > 0);
        assertTrue(text.contains(String.format(Locale.ROOT, "dropped (DROP)           %,d messages%n", s.messagesDropped())), text);
        assertTrue(text.contains("lost (never read)        0 B (0 messages)"), text);
    }

    @Test
    void theStoryNamesWhatItsResetsLostAndDropsNothing() {
        RunSummary s = summary("seed-buggy");
        String text = SummaryText.format(s, 0);
        assertTrue(text.contains(String.format(Locale.ROOT, "dropped (DROP)           0 messages%n")), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "(%,d messages)", s.messagesLost())) && s.messagesLost() > 0, text);
    }
}
