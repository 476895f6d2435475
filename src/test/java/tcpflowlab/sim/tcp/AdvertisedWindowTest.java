package tcpflowlab.sim.tcp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The receive window offered, with receiver-side silly-window avoidance (RFC 1122 4.2.3.3, as Linux does it). */
class AdvertisedWindowTest {
    private static final long MSS = 1000;
    private static final long CAPACITY = 10_000;

    @Test
    void theWholeFreeSpaceIsOfferedFirst() {
        AdvertisedWindow w = new AdvertisedWindow(0);
        assertEquals(CAPACITY, w.offer(0, CAPACITY, CAPACITY, MSS));
        assertEquals(CAPACITY, w.current(0));
    }

    @Test
    void aClosedWindowReopensOnlyOnceTheFreeSpaceGrewByAnMss() {
        AdvertisedWindow w = new AdvertisedWindow(0);
        w.offer(0, CAPACITY, CAPACITY, MSS);
        assertEquals(0, w.offer(CAPACITY, 0, CAPACITY, MSS), "buffer full: window 0");
        assertEquals(0, w.offer(CAPACITY, 999, CAPACITY, MSS), "999 B read: still closed");
        assertEquals(1000, w.offer(CAPACITY, 1000, CAPACITY, MSS), "an MSS read: reopens");
    }

    @Test
    void theThresholdIsHalfTheBufferWhenThatIsSmallerThanAnMss() {
        AdvertisedWindow w = new AdvertisedWindow(0);
        w.offer(0, 1200, 1200, MSS);
        assertEquals(0, w.offer(1200, 599, 1200, MSS));
        assertEquals(600, w.offer(1200, 600, 1200, MSS));
    }

    @Test
    void anOfferedWindowNeverShrinks() {
        AdvertisedWindow w = new AdvertisedWindow(0);
        w.offer(0, CAPACITY, CAPACITY, MSS);
        // less free space than offered (the buffer was made smaller): the edge stays where it was
        assertEquals(CAPACITY, w.offer(0, 2000, CAPACITY, MSS));
        assertEquals(CAPACITY - 3000, w.offer(3000, 0, CAPACITY, MSS), "the edge stays as data arrives");
    }

    @Test
    void windowsAreWholeMultiplesOfTheScaleUnitAndAtMostTheLargestTheFieldCarries() {
        AdvertisedWindow w = new AdvertisedWindow(3);
        assertEquals(1000, w.wouldOffer(0, 1007, 1 << 20, MSS));
        AdvertisedWindow big = new AdvertisedWindow(2);
        assertEquals(65_535L << 2, big.offer(0, 1 << 20, 1 << 20, MSS));
    }

    /**
     * The class says windows are whole multiples of the scale unit "as on the wire", but a window
     * kept open (the edge unchanged while data arrived) is offered as right edge - rcv_nxt,
     * which need not be one; Linux's tcp_select_window() rounds such a window up to the unit.
     */
    @Disabled("finding: a window kept open after an arrival is not a whole multiple of the scale unit "
            + "(987 B with scale 3); left for the issue that changes AdvertisedWindow's rules")
    @Test
    void aWindowKeptOpenIsStillAWholeMultipleOfTheScaleUnit() {
        AdvertisedWindow w = new AdvertisedWindow(3);
        assertEquals(1000, w.offer(0, 1000, 1 << 20, MSS));
        long kept = w.offer(13, 987, 1 << 20, MSS); // 13 B arrived, nothing read
        assertEquals(0, kept % 8, "window " + kept + " B with scale 3");
    }

    @Test
    void wouldOfferCommitsToNothing() {
        AdvertisedWindow w = new AdvertisedWindow(0);
        assertEquals(CAPACITY, w.wouldOffer(0, CAPACITY, CAPACITY, MSS));
        assertEquals(0, w.current(0));
    }

    @Test
    void aWindowUpdateAfterAReadIsWorthSendingOnlyFromAtMostHalfTheBufferToAtLeastTwiceAsMuch() {
        AdvertisedWindow w = new AdvertisedWindow(0);
        w.offer(0, CAPACITY, CAPACITY, MSS);
        assertFalse(w.updateWorthSending(0, CAPACITY, CAPACITY, MSS), "the whole buffer is offered already");
        w.offer(CAPACITY, 0, CAPACITY, MSS);
        assertFalse(w.updateWorthSending(CAPACITY, 500, CAPACITY, MSS), "the window would stay zero");
        assertTrue(w.updateWorthSending(CAPACITY, 1000, CAPACITY, MSS), "from zero to an MSS");
        w.offer(CAPACITY, 4000, CAPACITY, MSS);
        assertFalse(w.updateWorthSending(CAPACITY, 7000, CAPACITY, MSS), "4000 to 7000 is less than twice");
        assertTrue(w.updateWorthSending(CAPACITY, 8000, CAPACITY, MSS), "4000 to 8000 is twice");
        w.offer(CAPACITY, 6000, CAPACITY, MSS);
        assertFalse(w.updateWorthSending(CAPACITY, CAPACITY, CAPACITY, MSS), "6000 is over half the buffer");
    }

    @Test
    void theScaleIsTheSmallestShiftThatFitsTheBufferIntoSixteenBits() {
        assertEquals(0, AdvertisedWindow.scaleFor(65_535));
        assertEquals(1, AdvertisedWindow.scaleFor(65_536));
        assertEquals(7, AdvertisedWindow.scaleFor(6 * 1024 * 1024));
        assertEquals(14, AdvertisedWindow.scaleFor(Long.MAX_VALUE), "RFC 7323's maximum");
    }

    /** Reads and arrivals in any order: the right edge never moves left, and no offer exceeds the free space. */
    @Property(tries = 300)
    void theRightEdgeNeverMovesLeftAndTheWindowFitsTheFreeSpace(
            @ForAll @IntRange(min = 1, max = 300_000) int capacity,
            @ForAll @IntRange(min = 0, max = 7) int windowScale,
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 70_000) Integer> sizes) {
        WindowedReceiver r = new WindowedReceiver(capacity, windowScale, 1448);
        long[] edge = {r.rightEdge()};
        r.run(sizes, () -> {
            assertTrue(r.rightEdge() >= edge[0], "right edge moved left: " + edge[0] + " -> " + r.rightEdge());
            assertTrue(r.offered() <= r.buffer.free(), "offered " + r.offered() + " B with " + r.buffer.free() + " B free");
            edge[0] = r.rightEdge();
        });
    }
}
