package tcpflowlab.spill;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One connection's acknowledgements: only what this connection was sent, never backwards, never half. */
class AckTrackerTest {
    private static byte[] acks(long... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long v : values) {
            out.writeBytes(Frames.ack(v));
        }
        return out.toByteArray();
    }

    private static AckTracker sent(long upTo) {
        AckTracker t = new AckTracker();
        for (long s = 1; s <= upTo; s++) {
            t.frameWritten(s);
        }
        return t;
    }

    @Test
    void anAckBeyondWhatWasSentIsRejectedWithTheAllowedRange() {
        byte[] wire = acks(2_000_000);
        AckTracker.Outcome o = sent(100).feed(wire, 0, wire.length, 0);
        assertEquals(0, o.acknowledge());
        assertEquals("acknowledgement 2000000 is beyond the last message sent on this connection (allowed 0 .. 100)",
                o.rejection());
    }

    @Test
    void theValidAckBeforeABogusOneCountsAndNothingAfterIt() {
        AckTracker t = sent(200);
        byte[] wire = acks(100, 5_000_000, 100, 150);
        AckTracker.Outcome o = t.feed(wire, 0, wire.length, 0);
        assertEquals(100, o.acknowledge());
        assertTrue(o.rejected());
        byte[] more = acks(150);
        assertEquals(0, t.feed(more, 0, more.length, 100).acknowledge(), "a rejected connection applies nothing more");
    }

    @Test
    void valuesWithTheTopBitSetAreBeyondEverything() {
        for (long v : new long[] {Long.MAX_VALUE, -1L, Long.MIN_VALUE}) {
            byte[] wire = acks(v);
            AckTracker.Outcome o = sent(10).feed(wire, 0, wire.length, 0);
            assertEquals(0, o.acknowledge());
            assertTrue(o.rejection().startsWith("acknowledgement " + Long.toUnsignedString(v) + " is beyond"), o.rejection());
        }
    }

    @Test
    void goingBackwardsIsRejectedAndRepeatingIsFine() {
        AckTracker t = sent(100);
        byte[] wire = acks(50, 50, 40);
        AckTracker.Outcome o = t.feed(wire, 0, wire.length, 0);
        assertEquals(50, o.acknowledge());
        assertEquals("acknowledgement 40 goes backwards: the last valid one on this connection was 50 (allowed 50 .. 100)",
                o.rejection());
    }

    @Test
    void aReacknowledgementAtOrBelowTheCommittedPositionIsHarmless() {
        AckTracker t = new AckTracker(); // nothing sent yet on this connection
        byte[] wire = acks(70, 80);
        AckTracker.Outcome o = t.feed(wire, 0, wire.length, 80);
        assertEquals(0, o.acknowledge());
        assertFalse(o.rejected());
    }

    @Test
    void aStreamEndingInsideAnAckIsReportedAndAppliesNothing() {
        AckTracker t = sent(10);
        byte[] wire = acks(5);
        assertEquals(0, t.feed(wire, 0, 3, 0).acknowledge());
        assertEquals("the connection ended 3 bytes into an acknowledgement (each is 8 bytes): ignored", t.endOfStream());
        AckTracker whole = sent(10);
        whole.feed(wire, 0, 8, 0);
        assertNull(whole.endOfStream());
    }

    @Property(tries = 300)
    void anHonestClientIsNeverRejectedHoweverItsAcksAreSplit(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 1000) Integer> steps,
            @ForAll @LongRange(min = 0, max = 1000) long committed, @ForAll long seed) {
        Random r = new Random(seed);
        AckTracker t = new AckTracker();
        long written = committed;
        long sent = 0;
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        long last = 0;
        for (int step : steps) {
            written += step;
            t.frameWritten(written);
            // an honest client acknowledges something it has: between its last ack and what was written
            sent = Math.max(sent, committed + (long) (r.nextDouble() * (written - committed)));
            wire.writeBytes(Frames.ack(sent));
            last = sent;
        }
        byte[] all = wire.toByteArray();
        long applied = committed;
        for (int pos = 0; pos < all.length; ) {
            int n = Math.min(all.length - pos, 1 + r.nextInt(20));
            AckTracker.Outcome o = t.feed(all, pos, n, applied);
            assertFalse(o.rejected(), o.rejection());
            if (o.acknowledge() > 0) {
                assertTrue(o.acknowledge() > applied);
                applied = o.acknowledge();
            }
            pos += n;
        }
        assertEquals(Math.max(committed, last), applied);
        assertNull(t.endOfStream());
    }

    @Property(tries = 300)
    void noStreamOfBytesAcknowledgesWhatWasNotSentOrGoesBack(
            @ForAll @Size(max = 200) byte[] noise, @ForAll @LongRange(min = 0, max = 1 << 20) long written,
            @ForAll @Size(max = 6) List<@LongRange(min = 0, max = 1 << 21) Long> planted, @ForAll long seed) {
        Random r = new Random(seed);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(noise);
        for (long p : planted) { // some plausible values among the noise
            wire.writeBytes(Frames.ack(p));
        }
        byte[] all = wire.toByteArray();
        AckTracker t = sent(0);
        t.frameWritten(written);
        long applied = 0;
        boolean rejected = false;
        for (int pos = 0; pos < all.length; ) {
            int n = Math.min(all.length - pos, 1 + r.nextInt(20));
            AckTracker.Outcome o = t.feed(all, pos, n, applied);
            if (rejected) {
                assertEquals(0, o.acknowledge(), "nothing after a rejection");
            }
            if (o.acknowledge() > 0) {
                assertTrue(o.acknowledge() > applied && o.acknowledge() <= written, "applied " + o.acknowledge());
                applied = o.acknowledge();
            }
            rejected |= o.rejected();
            pos += n;
        }
        assertTrue(t.lastValid() <= written);
    }
}
