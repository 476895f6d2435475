package tcpflowlab.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A timer re-armed far more often than it fires keeps one heap entry, and still fires exactly on time. */
class SimTimerTest {
    private final Simulator sim = new Simulator();
    private final List<Long> fired = new ArrayList<>();
    private final SimTimer timer = new SimTimer(sim, () -> fired.add(sim.now()));

    @Test
    void cancellingAndReArmingLaterKeepsOneEntryAndFiresAtTheLastExpiry() {
        for (int i = 0; i < 10_000; i++) {
            sim.runUntil(i * 1_000L);
            timer.cancel();
            timer.armAfter(40_000_000L);
            assertTrue(sim.pendingEvents() <= 1, "entries queued: " + sim.pendingEvents());
        }
        sim.runUntil(1_000_000_000L);
        assertEquals(List.of(9_999_000L + 40_000_000L), fired);
    }

    @Test
    void armingEarlierThanTheQueuedEntryFiresEarlier() {
        timer.armAt(500);
        timer.armAt(200);
        sim.runUntil(1_000);
        assertEquals(List.of(200L), fired, "once, at the earlier time");
        assertFalse(timer.isArmed());
    }

    @Test
    void aCancelledTimerNeverFires() {
        timer.armAt(300);
        timer.cancel();
        sim.runUntil(1_000);
        assertTrue(fired.isEmpty());
        timer.armAt(1_500);
        sim.runUntil(2_000);
        assertEquals(List.of(1_500L), fired, "re-armed after its old entry was gone");
    }
}
