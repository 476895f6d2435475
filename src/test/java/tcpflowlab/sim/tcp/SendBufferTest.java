package tcpflowlab.sim.tcp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SO_SNDBUF: what the application wrote and the peer has not acknowledged; una <= nxt <= end. */
class SendBufferTest {
    private static final long MSS = 1000;

    private static int write(SendBuffer b, int len) {
        return b.append(new byte[len], 0, len, MSS);
    }

    @Test
    void aWriteOfAtMostOneSegmentIsTakenWholeWhileAnySpaceIsLeftLikeTcpSendmsg() {
        SendBuffer b = new SendBuffer(4000);
        assertEquals(3990, write(b, 3990));
        assertEquals(10, b.free());
        assertEquals(900, write(b, 900), "a small write overshoots the capacity by less than a segment");
        assertEquals(4890, b.used());
        assertEquals(0, b.free());
        assertEquals(0, write(b, 1), "no space: nothing taken (EAGAIN)");
    }

    @Test
    void aWriteLargerThanASegmentIsTakenUpToTheFreeSpace() {
        SendBuffer b = new SendBuffer(4000);
        write(b, 1500);
        assertEquals(2500, write(b, 10_000));
        assertEquals(4000, b.used());
    }

    @Test
    void sendingAndAcknowledgingMoveNxtAndUnaAndReleaseTheBytes() {
        SendBuffer b = new SendBuffer(10_000);
        byte[] data = new byte[3000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        assertEquals(3000, b.append(data, 0, data.length, 5000));
        b.markSent(2000);
        assertEquals(1000, b.unsent());
        assertEquals(2000, b.inFlight());
        assertEquals(1500, b.acknowledge(1500));
        assertEquals(1500, b.una());
        assertEquals(1500, b.used());
        assertEquals(8500, b.free());
        assertEquals(0, b.acknowledge(1200), "an old acknowledgement acknowledges nothing");
        assertEquals(500, b.acknowledge(2600), "nothing beyond what was sent is acknowledged");
        assertEquals(2000, b.una());
        byte[] out = new byte[1000];
        b.copy(2000, out, 0, 1000);
        assertEquals((byte) 2000, out[0]);
        assertThrows(IllegalArgumentException.class, () -> b.copy(1999, new byte[1], 0, 1), "acknowledged bytes are gone");
    }

    @Test
    void nxtCannotGoBackNorPastTheEnd() {
        SendBuffer b = new SendBuffer(10_000);
        write(b, 100);
        b.markSent(60);
        assertThrows(IllegalArgumentException.class, () -> b.markSent(50));
        assertThrows(IllegalArgumentException.class, () -> b.markSent(101));
    }

    @Test
    void aPurgeCountsEverythingQueuedAsGoneButKeepsTheBytesForSegmentsInFlight() {
        SendBuffer b = new SendBuffer(10_000);
        byte[] data = {1, 2, 3, 4, 5};
        b.append(data, 0, 5, MSS);
        b.markSent(3);
        b.purge();
        assertEquals(0, b.used());
        assertEquals(0, b.inFlight());
        assertEquals(0, b.unsent());
        assertEquals(10_000, b.free());
        byte[] out = new byte[3];
        b.copy(0, out, 0, 3); // a segment sent before the reset still arrives with its payload
        assertArrayEquals(new byte[] {1, 2, 3}, out);
    }

    /** Any sequence of writes, sends and acknowledgements keeps una <= nxt <= end and the overshoot under a segment. */
    @Property(tries = 300)
    void offsetsStayOrderedAndTheQueueOvershootsByLessThanASegment(
            @ForAll @IntRange(min = 1, max = 20_000) int capacity,
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 3000) Integer> steps) {
        SendBuffer b = new SendBuffer(capacity);
        long acked = 0;
        for (int i = 0; i < steps.size(); i++) {
            int v = steps.get(i);
            switch (i % 3) {
                case 0 -> {
                    long usedBefore = b.used();
                    int taken = write(b, v);
                    assertTrue(taken == 0 || usedBefore < capacity, "a write is taken only while space is left");
                }
                case 1 -> b.markSent(b.nxt() + Math.min(v, b.unsent()));
                default -> acked += b.acknowledge(b.una() + v);
            }
            assertTrue(b.una() <= b.nxt() && b.nxt() <= b.end(), "una " + b.una() + " nxt " + b.nxt() + " end " + b.end());
            assertTrue(b.used() < capacity + MSS, "used " + b.used() + " of " + capacity);
            assertEquals(b.end(), b.used() + acked);
            assertEquals(b.used(), b.unsent() + b.inFlight());
        }
    }
}
