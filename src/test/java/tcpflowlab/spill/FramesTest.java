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
        Frames.AckDecoder a = new Frames.AckDecoder();
        byte[] wire = new byte[24];
        System.arraycopy(Frames.ack(5), 0, wire, 0, 8);
        System.arraycopy(Frames.ack(9), 0, wire, 8, 8);
        System.arraycopy(Frames.ack(7), 0, wire, 16, 8);
        assertEquals(5, a.feed(wire, 0, 11));
        assertEquals(9, a.feed(wire, 11, 13));
    }

    @Test
    void anAbsurdFrameLengthIsAProtocolErrorNotAnAllocation() {
        byte[] bad = java.nio.ByteBuffer.allocate(12).putLong(1).putInt(Integer.MAX_VALUE).array();
        assertThrows(IllegalStateException.class, () -> new Frames.Decoder().feed(bad, 0, bad.length, (s, p) -> { }));
    }
}
