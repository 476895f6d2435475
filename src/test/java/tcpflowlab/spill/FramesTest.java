package tcpflowlab.spill;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The SPILL wire protocol: frames survive any split of the byte stream; acknowledgements too. */
class FramesTest {
    @Property(tries = 200)
    void framesComeOutWholeAndInOrderHoweverTheStreamIsSplit(@ForAll @IntRange(min = 1, max = 60) int count,
                                                             @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        Random r = new Random(seed);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            byte[] p = new byte[r.nextInt(300)];
            r.nextBytes(p);
            sent.add(p);
            wire.writeBytes(Frames.frame(i, p));
        }
        byte[] all = wire.toByteArray();
        Frames.Decoder d = new Frames.Decoder();
        List<Long> seqs = new ArrayList<>();
        List<byte[]> got = new ArrayList<>();
        int pos = 0;
        while (pos < all.length) {
            int n = Math.min(all.length - pos, 1 + r.nextInt(50));
            d.feed(all, pos, n, (seq, payload) -> {
                seqs.add(seq);
                got.add(payload);
            });
            pos += n;
        }
        assertEquals(count, got.size());
        for (int i = 0; i < count; i++) {
            assertEquals(i + 1, seqs.get(i));
            assertArrayEquals(sent.get(i), got.get(i));
        }
    }

    @Test
    void acknowledgementsAreEightBytesAndTheHighestWins() {
        AckTracker a = new AckTracker();
        a.frameWritten(10);
        byte[] wire = new byte[24];
        System.arraycopy(Frames.ack(5), 0, wire, 0, 8);
        System.arraycopy(Frames.ack(9), 0, wire, 8, 8);
        System.arraycopy(Frames.ack(9), 0, wire, 16, 8);
        assertEquals(5, a.feed(wire, 0, 11, 0).acknowledge());
        assertEquals(9, a.feed(wire, 11, 13, 5).acknowledge());
    }

    @Test
    void theReceiverReportsAMalformedFrameKeepsWhatCameBeforeAndReadsTheNextConnection() {
        FrameReceiver r = new FrameReceiver();
        java.nio.ByteBuffer wire = java.nio.ByteBuffer.allocate(3 * 13 + 12);
        wire.put(Frames.frame(1, new byte[1])).put(Frames.frame(2, new byte[1])).put(Frames.frame(3, new byte[1]));
        wire.putLong(4).putInt(-1);
        String bad = r.feed(wire.array(), 0, wire.capacity());
        assertEquals("frame length 4294967295 for sequence 4 is out of range (0 .. 1048576)", bad);
        assertEquals(3, r.lastSeen());
        assertEquals(1, r.malformed());
        r.newConnection();
        byte[] replay = Frames.frame(2, new byte[1]);
        assertEquals(null, r.feed(replay, 0, replay.length));
        assertArrayEquals(Frames.ack(2), r.ack(), "acknowledges only what this connection carried");
        byte[] next = Frames.frame(4, new byte[1]);
        r.feed(next, 0, next.length);
        assertArrayEquals(Frames.ack(4), r.ack());
        assertEquals(4, r.delivered());
        assertEquals(0, r.gaps());
    }

    @Test
    void theReceiverNamesSkippedSequences() {
        List<long[]> gaps = new ArrayList<>();
        FrameReceiver r = new FrameReceiver((first, last) -> gaps.add(new long[] {first, last}));
        java.nio.ByteBuffer wire = java.nio.ByteBuffer.allocate(2 * 13);
        wire.put(Frames.frame(1, new byte[1])).put(Frames.frame(7, new byte[1]));
        r.feed(wire.array(), 0, wire.capacity());
        assertEquals(1, r.gaps());
        assertEquals(1, gaps.size());
        assertArrayEquals(new long[] {2, 6}, gaps.get(0));
    }

    @Test
    void anAbsurdFrameLengthIsAProtocolErrorNotAnAllocation() {
        byte[] bad = java.nio.ByteBuffer.allocate(12).putLong(1).putInt(Integer.MAX_VALUE).array();
        assertThrows(IllegalStateException.class, () -> new Frames.Decoder().feed(bad, 0, bad.length, (s, p) -> { }));
    }
}
