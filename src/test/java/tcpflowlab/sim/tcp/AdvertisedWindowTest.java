package tcpflowlab.sim.tcp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The receive window offered, as Linux's __tcp_select_window() and tcp_select_window() choose it. */
class AdvertisedWindowTest {
    /** Full space of a 16 KiB SO_RCVBUF (32768 B of memory) once 8 KiB segments set the overhead share to 232/256. */
    private static final long FULL = 29_696;
    private static final long SSTHRESH = 21_518;
    private static final long MSS = 8_192;

    @Test
    void withoutScalingTheWindowIsRoundedDownToTheMssEstimate() {
        AdvertisedWindow w = new AdvertisedWindow(0);
        assertEquals(16_384, w.choose(FULL, FULL, FULL, SSTHRESH, MSS), "empty buffer: rcv_ssthresh rounded down to 2 x 8 KiB");
        assertEquals(8_192, w.choose(14_094, FULL, FULL, SSTHRESH, MSS), "one 16 KiB skb queued: 8 KiB");
    }

    @Test
    void theWindowIsZeroOnlyBelowHalfTheBufferAndBelowAnMss() {
        AdvertisedWindow w = new AdvertisedWindow(0);
        assertEquals(0, w.choose(6_685, FULL, FULL, SSTHRESH, MSS), "less than an MSS free, below half: zero");
        assertEquals(8_192, w.choose(8_192, FULL, FULL, SSTHRESH, MSS), "an MSS free: open");
        AdvertisedWindow small = new AdvertisedWindow(0);
        assertEquals(536, small.choose(1_000, 10_000, 10_000, 10_000, 536), "not below an MSS nor a sixteenth: one MSS");
    }

    @Test
    void aSixteenthOfTheBufferClosesTheWindowEvenWhenAnMssWouldFit() {
        AdvertisedWindow w = new AdvertisedWindow(7);
        // 6 MiB buffer, 1 KiB segments: 300 KiB free is below a sixteenth (384 KiB) so the window closes
        assertEquals(0, w.choose(300 * 1024, 6 << 20, 6 << 20, 6 << 20, 1024));
        assertEquals(500 * 1024, w.choose(500 * 1024, 6 << 20, 6 << 20, 6 << 20, 1024));
    }

    @Test
    void aWindowWithinOneMssOfTheFreeSpaceIsKept() {
        AdvertisedWindow w = new AdvertisedWindow(0);
        w.offer(0, 10_000);
        assertEquals(10_000, w.choose(10_500, 20_000, 20_000, 20_000, 1_000), "10000 is within an MSS of 10500: kept");
        assertEquals(11_000, w.choose(11_200, 20_000, 20_000, 20_000, 1_000), "free grew by more than an MSS: rounded");
    }

    @Test
    void withScalingTheWindowIsRoundedUpToTheScaleUnit() {
        AdvertisedWindow w = new AdvertisedWindow(3);
        assertEquals(1_008, w.choose(1_001, 2_000, 2_000, 2_000, 100));
    }

    @Test
    void anOfferedWindowNeverShrinks() {
        AdvertisedWindow w = new AdvertisedWindow(0);
        assertEquals(16_384, w.offer(0, 16_384));
        assertEquals(16_384 - 3_000, w.offer(3_000, 0), "the right edge stays where it was");
        assertEquals(16_384, w.rightEdge());
        assertEquals(0, w.offer(16_384, 0), "once filled, zero");
    }

    /** Linux's tcp_select_window() rounds a window kept open up to the scale unit, so the wire value says it exactly. */
    @Test
    void aWindowKeptOpenIsStillAWholeMultipleOfTheScaleUnit() {
        AdvertisedWindow w = new AdvertisedWindow(3);
        assertEquals(1_000, w.offer(0, 1_000));
        long kept = w.offer(13, 0); // 13 B arrived, nothing read: 987 B left, rounded up
        assertEquals(0, kept % 8, "window " + kept + " B with scale 3");
        assertEquals(992, kept);
    }

    @Test
    void noWindowExceedsWhatTheFieldCarries() {
        AdvertisedWindow w = new AdvertisedWindow(2);
        assertEquals(65_535L << 2, w.offer(0, 1 << 20));
    }

    @Test
    void theScaleIsTheSmallestShiftThatFitsTheBufferIntoSixteenBits() {
        assertEquals(0, AdvertisedWindow.scaleFor(65_535));
        assertEquals(1, AdvertisedWindow.scaleFor(65_536));
        assertEquals(7, AdvertisedWindow.scaleFor(6 * 1024 * 1024));
        assertEquals(14, AdvertisedWindow.scaleFor(Long.MAX_VALUE), "RFC 7323's maximum");
    }

    /**
     * Zero only where __tcp_select_window() returns it: the free space (at most rcv_ssthresh)
     * (rounded down to the scale unit, at most rcv_ssthresh) is less than one MSS estimate, or
     * below a sixteenth of the buffer.
     */
    @Property(tries = 2_000)
    void zeroOnlyUnderTheDocumentedCondition(@ForAll @LongRange(min = 0, max = 8_000_000) long free,
                                             @ForAll @LongRange(min = 1, max = 8_000_000) long full,
                                             @ForAll @LongRange(min = 0, max = 8_000_000) long ssthresh,
                                             @ForAll @LongRange(min = 88, max = 65_483) long mss,
                                             @ForAll @IntRange(min = 0, max = 8) int scale,
                                             @ForAll @LongRange(min = 0, max = 8_000_000) long previous) {
        AdvertisedWindow w = new AdvertisedWindow(scale);
        w.offer(0, previous);
        long freeNow = Math.min(free, full);
        long chosen = w.choose(freeNow, full, full, ssthresh, mss);
        long effectiveMss = Math.min(mss, full);
        long rounded = (freeNow >> scale) << scale;
        if (chosen == 0) {
            assertTrue(Math.min(rounded, ssthresh) < effectiveMss || rounded < (full >> 4),
                    "zero with " + freeNow + " B free of " + full + ", rcv_ssthresh " + ssthresh + ", MSS " + mss);
        }
    }

    /** Windows are whole multiples of the scale unit on the wire, whatever arrives and is read. */
    @Property(tries = 300)
    void everyOfferIsAWholeMultipleOfTheScaleUnit(
            @ForAll @IntRange(min = 1, max = 300_000) int rcvbuf,
            @ForAll @IntRange(min = 1, max = 7) int windowScale,
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 70_000) Integer> sizes) {
        WindowedReceiver r = new WindowedReceiver(rcvbuf, windowScale, 1448);
        r.run(sizes, () -> assertEquals(0, r.offered() % (1 << windowScale), "window " + r.offered()));
    }

    /** Without scaling, a window that changes is a multiple of the MSS estimate (or the whole buffer, when it is one MSS). */
    @Property(tries = 300)
    void withoutScalingANewWindowIsAMultipleOfTheMssEstimate(
            @ForAll @IntRange(min = 2_000, max = 60_000) int rcvbuf,
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 70_000) Integer> sizes) {
        WindowedReceiver r = new WindowedReceiver(rcvbuf, 0, 1448);
        long[] before = {r.offered(), r.rightEdge()};
        r.run(sizes, () -> {
            long mss = r.receiver.rcvMss().value();
            long full = r.receiver.space().fullSpace();
            // Linux keeps the window last offered (the value, or its right edge) while it is within an MSS
            boolean kept = r.rightEdge() == before[1] || r.offered() == before[0];
            assertTrue(kept || r.offered() % mss == 0 || mss >= full,
                    "window " + r.offered() + " with MSS estimate " + mss);
            before[0] = r.offered();
            before[1] = r.rightEdge();
        });
    }

    /** Reads and arrivals in any order: the right edge never moves left. */
    @Property(tries = 300)
    void theRightEdgeNeverMovesLeft(
            @ForAll @IntRange(min = 1, max = 300_000) int rcvbuf,
            @ForAll @IntRange(min = 0, max = 7) int windowScale,
            @ForAll boolean linux,
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 70_000) Integer> sizes) {
        WindowedReceiver r = new WindowedReceiver(rcvbuf, windowScale, 1448, linux);
        long[] edge = {r.rightEdge()};
        r.run(sizes, () -> {
            assertTrue(r.rightEdge() >= edge[0], "right edge moved left: " + edge[0] + " -> " + r.rightEdge());
            edge[0] = r.rightEdge();
        });
    }
}
