package tcpflowlab.sim.tcp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** icsk_ack.rcv_mss: the receiver's estimate of the peer's segment size (tcp_measure_rcv_mss()). */
class RcvMssEstimateTest {
    @Test
    void theFirstGuessIsConservative() {
        RcvMssEstimate e = new RcvMssEstimate(65_483);
        e.initialize(65_483, 16_384);
        assertEquals(536, e.value(), "at most TCP_MSS_DEFAULT");
        e.initialize(65_483, 100);
        assertEquals(88, e.value(), "at least TCP_MIN_MSS");
    }

    @Test
    void aLargerSegmentRaisesItAtOnceAndAsksForANewOverheadMeasure() {
        RcvMssEstimate e = new RcvMssEstimate(65_483);
        e.initialize(65_483, 16_384);
        assertTrue(e.observe(8_192, true));
        assertEquals(8_192, e.value());
        assertTrue(e.pushed(), "a full segment with PSH ends a write");
        assertFalse(e.observe(8_192, false), "same size: nothing to re-measure");
        assertFalse(e.pushed());
    }

    @Test
    void itIsNeverMoreThanTheMssAnnounced() {
        RcvMssEstimate e = new RcvMssEstimate(1_460);
        e.observe(30_000, false);
        assertEquals(1_460, e.value());
    }

    @Test
    void smallerSegmentsLowerItOnlyWhenTwoInARowAgreeAndLookFull() {
        RcvMssEstimate e = new RcvMssEstimate(65_483);
        e.observe(8_192, false);
        e.observe(300, false);
        e.observe(300, true);
        assertEquals(8_192, e.value(), "300 B with PSH is the end of a write, not a full segment");
        e.observe(1_000, true);
        e.observe(1_000, true);
        assertEquals(1_000, e.value(), "above TCP_MSS_DEFAULT a segment counts as full even with PSH");
        RcvMssEstimate f = new RcvMssEstimate(65_483);
        f.observe(8_192, false);
        f.observe(1_000, false);
        assertEquals(8_192, f.value(), "one is not enough");
        f.observe(1_000, false);
        assertEquals(1_000, f.value(), "two in a row of the same size");
        f.observe(100, true);
        assertEquals(1_000, f.value(), "a short pushed write is not a full segment");
        assertTrue(f.pushed());
    }
}
