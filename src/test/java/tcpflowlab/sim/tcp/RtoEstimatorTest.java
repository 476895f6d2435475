package tcpflowlab.sim.tcp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6298's estimator with Linux's floor: RTO = SRTT + max(4 * RTTVAR, rto_min), initially 1 s, at most 120 s. */
class RtoEstimatorTest {
    private static final long MS = 1_000_000L;
    private static final long RTO_MIN = 200 * MS;

    @Test
    void beforeAnySampleTheRtoIsOneSecond() {
        RtoEstimator e = new RtoEstimator(RTO_MIN);
        assertEquals(1000 * MS, e.rto());
        assertEquals(0, e.srtt());
        assertEquals(1000 * MS, e.probeBase());
    }

    @Test
    void theFirstSampleSetsSrttToItAndRttvarToHalfOfIt() {
        RtoEstimator e = new RtoEstimator(RTO_MIN);
        e.sample(100 * MS);
        assertEquals(100 * MS, e.srtt());
        assertEquals(100 * MS + Math.max(4 * 50 * MS, RTO_MIN), e.rto());
    }

    @Test
    void laterSamplesMoveSrttByAnEighthAndRttvarByAQuarterOfTheError() {
        RtoEstimator e = new RtoEstimator(RTO_MIN);
        e.sample(100 * MS); // srtt 100, rttvar 50
        e.sample(200 * MS); // err 100: srtt 112.5, rttvar 50 + (100 - 50) / 4 = 62.5
        assertEquals(112_500_000L, e.srtt());
        assertEquals(112_500_000L + 250 * MS, e.rto());
        e.sample(112_500_000L); // err 0: srtt stays, rttvar 62.5 * 3 / 4 = 46.875, 4 x that < rto_min
        assertEquals(112_500_000L, e.srtt());
        assertEquals(112_500_000L + RTO_MIN, e.rto());
    }

    @Test
    void onLoopbackTheRtoIsAboutRtoMinWhichIsAlsoThePersistBase() {
        RtoEstimator e = new RtoEstimator(RTO_MIN);
        e.sample(20_000); // 20 us
        assertEquals(20_000 + RTO_MIN, e.rto());
        assertEquals(e.rto(), e.probeBase());
    }

    @Test
    void aNegativeSampleIsIgnored() {
        RtoEstimator e = new RtoEstimator(RTO_MIN);
        e.sample(-5);
        assertEquals(1000 * MS, e.rto());
        assertEquals(0, e.srtt());
    }

    @Test
    void theRtoStopsAtOneHundredTwentySeconds() {
        RtoEstimator e = new RtoEstimator(RTO_MIN);
        e.sample(100_000 * MS);
        assertEquals(RtoEstimator.MAX_RTO, e.rto());
        assertEquals(120_000 * MS, RtoEstimator.MAX_RTO);
    }

    /** Whatever the samples: rto_min <= RTO <= 120 s, the persist base is at least rto_min, SRTT within the samples' range. */
    @Property(tries = 300)
    void theRtoStaysWithinItsBoundsAndSrttWithinTheSamples(
            @ForAll @Size(min = 1, max = 50) List<@LongRange(min = 0, max = 200_000_000_000L) Long> samples) {
        RtoEstimator e = new RtoEstimator(RTO_MIN);
        long lo = Long.MAX_VALUE;
        long hi = 0;
        for (long s : samples) {
            e.sample(s);
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
            assertTrue(e.rto() >= Math.min(RtoEstimator.MAX_RTO, RTO_MIN) && e.rto() <= RtoEstimator.MAX_RTO, "rto " + e.rto());
            assertTrue(e.probeBase() >= RTO_MIN);
            assertTrue(e.srtt() >= lo && e.srtt() <= hi, "srtt " + e.srtt() + " outside [" + lo + ", " + hi + "]");
        }
    }
}
