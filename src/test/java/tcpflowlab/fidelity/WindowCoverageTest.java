package tcpflowlab.fidelity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowCoverageTest {

    /** {@code n} ACKs advertising {@code window}, appended to {@code into}. */
    private static List<Long> acks(List<Long> into, long window, int n) {
        into.addAll(Collections.nCopies(n, window));
        return into;
    }

    private static List<Long> windows(long... pairs) {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            acks(all, pairs[i], (int) pairs[i + 1]);
        }
        return all;
    }

    @Test
    void exactlyNinetyPercentIsCoveredByOneValue() {
        WindowCoverage c = WindowCoverage.of(windows(16384, 9, 0, 1), windows(16384, 1));
        assertEquals(List.of(16384L), c.covering());
    }

    @Test
    void justBelowNinetyPercentTakesTheNextValue() {
        WindowCoverage c = WindowCoverage.of(windows(16384, 89, 0, 6, 8192, 5), windows(16384, 1));
        assertEquals(List.of(16384L, 0L), c.covering(), "89 %, then the next most frequent (6 %) reaches 95 %");
    }

    @Test
    void equallyFrequentValuesAreTakenSmallerWindowFirst() {
        // 8192 and 16384 each on half the ACKs, as the kernel does with 4 KiB reads: both are needed.
        WindowCoverage half = WindowCoverage.of(windows(16384, 5, 8192, 5), windows(8192, 1));
        assertEquals(List.of(8192L, 16384L), half.covering());
        // A tie at the margin: 85 of 100 on 4096, then 5 each on 0, 8192 and 12288: one more is needed, the smaller.
        WindowCoverage margin = WindowCoverage.of(windows(4096, 85, 8192, 5, 0, 5, 12288, 5), windows(0, 1));
        assertEquals(List.of(4096L, 0L), margin.covering());
        assertTrue(margin.passes());
        assertFalse(WindowCoverage.of(windows(4096, 85, 8192, 5, 0, 5, 12288, 5), windows(8192, 1)).passes(),
                "8192 lost the tie, so the Model's 8192 is not covered");
    }

    @Test
    void theModelPassesAtExactlyEightyPercentAndFailsJustBelow() {
        List<Long> kernel = windows(8192, 50, 16384, 50);
        WindowCoverage exactly = WindowCoverage.of(kernel, windows(8192, 40, 16384, 40, 0, 20));
        assertEquals(80.0, exactly.modelPercent(), 1e-9);
        assertTrue(exactly.passes());
        WindowCoverage below = WindowCoverage.of(kernel, windows(8192, 79, 0, 21));
        assertFalse(below.passes());
        assertEquals(79, below.modelAcksCovered());
    }

    @Test
    void aModelClosingTheWindowAtEveryReadFails() {
        WindowCoverage c = WindowCoverage.of(windows(8192, 582, 16384, 582), windows(0, 500, 4096, 500));
        assertFalse(c.passes());
        assertEquals(0.0, c.modelPercent());
        assertTrue(c.report().contains("kernel: 8192 B x 582 (50 %), 16384 B x 582 (50 %)"), c.report());
        assertTrue(c.report().contains("Model:  0 B x 500 (50 %), 4096 B x 500 (50 %)"), c.report());
    }

    @Test
    void noKernelAcksIsABrokenRecordingAndNoModelAcksFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WindowCoverage.of(List.of(), windows(8192, 3)));
        assertTrue(e.getMessage().contains("no ACKs"), e.getMessage());
        WindowCoverage silent = WindowCoverage.of(windows(8192, 3), List.of());
        assertFalse(silent.passes());
        assertEquals(0.0, silent.modelPercent());
        assertTrue(silent.report().contains("Model:  no ACKs"), silent.report());
    }

    @Test
    void theHistogramCountsMostFrequentFirstAndSummarisesItsTail() {
        WindowHistogram h = WindowHistogram.of(windows(1, 1, 2, 3, 3, 2, 4, 1));
        assertEquals(List.of(new WindowHistogram.Bin(2, 3), new WindowHistogram.Bin(3, 2),
                new WindowHistogram.Bin(1, 1), new WindowHistogram.Bin(4, 1)), h.bins());
        assertEquals(7, h.total());
        assertEquals("2 B x 3 (43 %), 3 B x 2 (29 %), and 2 more values", h.top(2));
        assertEquals(4, h.acksWithin(List.of(1L, 2L)));
    }
}
