package tcpflowlab.sim.tcp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import tcpflowlab.sim.Simulator;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The persist timer: the k-th probe comes base * 2^k after the one before (1, 2, 4, 8, 16, 32
 * ... times base, the first counted from the arming), as Linux's probes do on loopback, up to 120 s.
 */
class PersistTimerTest {
    private static final long BASE = 200_000_000L;

    private final Simulator sim = new Simulator();
    private final List<Long> expiries = new ArrayList<>();
    private final PersistTimer timer = new PersistTimer(sim, () -> expiries.add(sim.now()));

    @Test
    void theIntervalsAreOneTwoFourEightSixteenThirtyTwoTimesTheBase() {
        List<Long> intervals = new ArrayList<>();
        intervals.add(timer.armIfIdle(BASE));
        for (int k = 0; k < 5; k++) {
            intervals.add(timer.probeSent(BASE));
        }
        assertEquals(List.of(BASE, 2 * BASE, 4 * BASE, 8 * BASE, 16 * BASE, 32 * BASE), intervals);
        assertEquals(5, timer.probesSent());
        assertEquals(5, timer.backoff());
    }

    @Test
    void itExpiresAfterTheIntervalItWasArmedWith() {
        timer.armIfIdle(BASE);
        sim.runUntil(10 * BASE);
        assertEquals(List.of(BASE), expiries);
        assertFalse(timer.isArmed());
        timer.probeSent(BASE); // re-armed from the probe's instant
        sim.runUntil(20 * BASE);
        assertEquals(List.of(BASE, 12 * BASE), expiries);
    }

    @Test
    void armingARunningTimerChangesNothing() {
        assertEquals(BASE, timer.armIfIdle(BASE));
        sim.runUntil(BASE / 2);
        assertEquals(-1, timer.armIfIdle(5 * BASE));
        sim.runUntil(10 * BASE);
        assertEquals(List.of(BASE), expiries, "still the first arming's expiry");
    }

    @Test
    void aResetStopsTheTimerAndForgetsTheBackoff() {
        timer.armIfIdle(BASE);
        timer.probeSent(BASE);
        timer.probeSent(BASE);
        timer.reset();
        assertFalse(timer.isArmed());
        sim.runUntil(100 * BASE);
        assertTrue(expiries.isEmpty(), "a cancelled timer never fires");
        assertEquals(0, timer.backoff());
        assertEquals(BASE, timer.armIfIdle(BASE), "the next episode starts at the base again");
    }

    @Test
    void theIntervalStopsAtOneHundredTwentySeconds() {
        timer.armIfIdle(BASE);
        long last = 0;
        for (int k = 0; k < 30; k++) {
            last = timer.probeSent(BASE);
        }
        assertEquals(PersistTimer.MAX_INTERVAL, last);
        assertEquals(120_000_000_000L, PersistTimer.MAX_INTERVAL);
    }

    @Test
    void theBackoffStopsGrowingAfterFifteenProbesLikeLinuxsTcpRetries2() {
        long base = 1_000_000L; // 1 ms: base << 15 is 32.8 s, under the cap
        timer.armIfIdle(base);
        long last = 0;
        for (int k = 0; k < 20; k++) {
            last = timer.probeSent(base);
        }
        assertEquals(15, timer.backoff());
        assertEquals(base << 15, last);
    }

    /**
     * Each interval is twice the one before, the first the base, until the 120 s cap, for any
     * base from 4 ms (where the cap comes before the backoff limit) up.
     */
    @Property(tries = 200)
    void eachIntervalDoublesUntilTheCap(@ForAll @LongRange(min = 4_000_000L, max = 5_000_000_000L) long base,
                                        @ForAll @IntRange(min = 1, max = 40) int probes) {
        Simulator s = new Simulator();
        PersistTimer t = new PersistTimer(s, () -> { });
        long previous = t.armIfIdle(base);
        assertEquals(Math.min(PersistTimer.MAX_INTERVAL, base), previous);
        for (int k = 1; k <= probes; k++) {
            long next = t.probeSent(base);
            long expected = Math.min(PersistTimer.MAX_INTERVAL, 2 * previous);
            assertEquals(expected, next, "probe " + k + " with base " + base);
            previous = next;
        }
    }
}
