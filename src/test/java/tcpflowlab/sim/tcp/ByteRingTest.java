package tcpflowlab.sim.tcp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A stream's bytes by absolute offset: what was appended is read back at its offset, across wraps and growth. */
class ByteRingTest {
    private static byte[] bytes(int from, int len) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    private static byte[] copy(ByteRing ring, long offset, int len) {
        byte[] out = new byte[len];
        ring.copy(offset, out, 0, len);
        return out;
    }

    @Test
    void bytesAreReadBackAtTheirOffsetsAfterTheRingWrapsAndGrows() {
        ByteRing ring = new ByteRing();
        ring.append(bytes(0, 200), 0, 200);
        ring.releaseTo(150);
        ring.append(bytes(200, 100), 0, 100); // wraps the 256-byte array
        assertEquals(150, ring.low());
        assertEquals(300, ring.high());
        assertArrayEquals(bytes(150, 150), copy(ring, 150, 150));
        ring.append(bytes(300, 1000), 0, 1000); // grows while wrapped
        assertEquals(1150, ring.size());
        assertArrayEquals(bytes(150, 1150), copy(ring, 150, 1150));
    }

    @Test
    void bytesReleasedOrNotYetWrittenCannotBeCopied() {
        ByteRing ring = new ByteRing();
        ring.append(bytes(0, 10), 0, 10);
        ring.releaseTo(4);
        IllegalArgumentException below = assertThrows(IllegalArgumentException.class, () -> copy(ring, 3, 2));
        assertEquals("bytes [3, 5) not held; held [4, 10)", below.getMessage());
        assertThrows(IllegalArgumentException.class, () -> copy(ring, 8, 3));
        assertThrows(IllegalArgumentException.class, () -> ring.releaseTo(3), "release never goes back");
        assertThrows(IllegalArgumentException.class, () -> ring.releaseTo(11), "nor past what was written");
    }

    @Test
    void appendFromCopiesAnotherRingsBytesAtTheirOffsets() {
        ByteRing src = new ByteRing();
        src.append(bytes(0, 240), 0, 240);
        src.releaseTo(200);
        src.append(bytes(240, 60), 0, 60); // src wraps at 256
        ByteRing dst = new ByteRing();
        dst.append(bytes(0, 250), 0, 250);
        dst.releaseTo(250);
        dst.appendFrom(src, 220, 70); // dst wraps too
        assertEquals(320, dst.high());
        assertArrayEquals(bytes(220, 70), copy(dst, 250, 70));
    }

    /** Any mix of appends and releases holds exactly the bytes a plain array of the whole stream has there. */
    @Property(tries = 200)
    void holdsWhatThePlainStreamHolds(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 700) Integer> appends,
                                      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 100) Integer> releasePercent) {
        ByteRing ring = new ByteRing();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < appends.size(); i++) {
            int len = appends.get(i);
            byte[] chunk = bytes(stream.size() * 7, len);
            ring.append(chunk, 0, len);
            stream.writeBytes(chunk);
            if (i < releasePercent.size()) {
                ring.releaseTo(ring.low() + ring.size() * releasePercent.get(i) / 100);
            }
            byte[] all = stream.toByteArray();
            assertEquals(all.length, ring.high());
            int held = (int) ring.size();
            byte[] expected = new byte[held];
            System.arraycopy(all, (int) ring.low(), expected, 0, held);
            assertArrayEquals(expected, copy(ring, ring.low(), held));
        }
    }
}
