package tcpflowlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import tcpflowlab.engine.Outcome;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Model against the real kernel (loopback), for the story and one cure; the full set of
 * variants is the {@code compare} command's, too slow for every build.
 */
class EngineComparisonTest {
    @Test
    @Timeout(120)
    void modelAndKernelAgreeOnOutcomeAndTimeToEagain() throws Exception {
        List<EngineComparison.Variant> subset = List.of(EngineComparison.VARIANTS.get(0), EngineComparison.VARIANTS.get(3));
        List<EngineComparison.Row> rows = EngineComparison.run(3, subset);
        String table = EngineComparison.table(rows);
        assertEquals(2, rows.size());
        for (EngineComparison.Row r : rows) {
            assertTrue(r.classesAgree(), "outcome classes differ:\n" + table);
            double ratio = r.eagainRatio();
            if (!Double.isNaN(ratio)) {
                assertTrue(ratio > 1 / EngineComparison.EAGAIN_FACTOR && ratio < EngineComparison.EAGAIN_FACTOR,
                        "time to first EAGAIN off by more than the documented factor:\n" + table);
            }
        }
        assertEquals(Outcome.RESET, rows.get(0).model().outcome(), "the story resets in the Model:\n" + table);
        assertEquals(Outcome.RESET, rows.get(0).kernel().outcome(), "and on the kernel:\n" + table);
        // Whether the kernel advertises an exact zero window, and probes it, before the reset
        // varies from run to run on its own wire (the compare table shows both): the outcome
        // classes and the time to EAGAIN are what the engines must agree on every time.
        assertNotEquals(Outcome.RESET, rows.get(1).kernel().outcome(), "the cure does not reset:\n" + table);
        assertFalse(rows.get(0).model().samples().isEmpty() || rows.get(0).kernel().samples().isEmpty(),
                "both engines' samples are kept for the overlay chart");
        assertTrue(table.contains("| 1 | fixed read, CLOSE (the story) | RESET / RESET |"), table);
    }

    @Test
    void theTableGrewToTheIssuesRegimes() {
        assertTrue(EngineComparison.VARIANTS.size() >= 8);
        assertEquals(EngineComparison.VARIANT_COUNT, EngineComparison.VARIANTS.size(), "the help text's count");
        var codec = new tcpflowlab.scenario.ScenarioCodec();
        for (EngineComparison.Variant v : EngineComparison.VARIANTS) {
            // every variant's fields are real fields with allowed values, and the run length is the caller's
            assertEquals(2.5, EngineComparison.scenario(codec, v, 2.5).run().durationS(), v.name());
        }
        List<String> names = EngineComparison.VARIANTS.stream().map(EngineComparison.Variant::name).toList();
        for (String regime : List.of("DROP", "small buffers", "Nagle off", "autotuning", "SPILL")) {
            assertTrue(names.stream().anyMatch(n -> n.contains(regime)), regime + " in " + names);
        }
    }
}
