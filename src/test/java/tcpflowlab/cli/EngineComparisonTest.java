package tcpflowlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(rows.get(0).model().reset() && rows.get(0).kernel().reset(), "the story resets in both:\n" + table);
        assertTrue(!rows.get(1).kernel().reset() && !rows.get(3).kernel().reset(), "the cures do not:\n" + table);
    }
}
