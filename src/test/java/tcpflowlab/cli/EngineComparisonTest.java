package tcpflowlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import tcpflowlab.engine.Outcome;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Model against the real kernel (loopback), for the story and its cures. */
class EngineComparisonTest {
    @Test
    @Timeout(120)
    void modelAndKernelAgreeOnOutcomeAndTimeToEagain() throws Exception {
        List<EngineComparison.Row> rows = EngineComparison.run(3);
        String table = EngineComparison.table(rows);
        assertEquals(4, rows.size());
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
        assertNotEquals(Outcome.RESET, rows.get(1).kernel().outcome(), "the cures do not:\n" + table);
        assertNotEquals(Outcome.RESET, rows.get(3).kernel().outcome(), "the cures do not:\n" + table);
        assertFalse(rows.get(0).model().samples().isEmpty() || rows.get(0).kernel().samples().isEmpty(),
                "both engines' samples are kept for the overlay chart");
    }
}
