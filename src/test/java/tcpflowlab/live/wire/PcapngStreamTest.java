package tcpflowlab.live.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pcapng reader on streams built here: both byte orders, timestamp units, pieces of any size. */
class PcapngStreamTest {
    /** What the listener was handed, copied (the bytes are valid only during the call). */
    record Seen(int linkType, long epochNanos, byte[] frame) {
    }

    static List<Seen> collect(byte[] stream, int... cuts) {
        List<Seen> seen = new ArrayList<>();
        PcapngStream s = new PcapngStream((lt, t, d, off, len) -> seen.add(new Seen(lt, t, Arrays.copyOfRange(d, off, off + len))));
        int from = 0;
        for (int cut : cuts) {
            s.feed(stream, from, cut - from);
            from = cut;
        }
        s.feed(stream, from, stream.length - from);
        assertEquals(0, s.pendingBytes(), "every block complete");
        return seen;
    }

    static byte[] frame(int payload) {
        return TestFrames.ethernet(TestFrames.ipv4(40000, 5000, 1, 2, 0x18, 512, new byte[0], payload));
    }

    /** Two sections of the given orders: microseconds on one interface, nanoseconds and 2^-10 s on others. */
    static byte[] twoSections(ByteOrder first, ByteOrder second) {
        PcapngBytes a = new PcapngBytes(first).section().iface(1, -1).iface(0, 9)
                .packet(0, 1_700_000_000_123_456L, frame(3))
                .block(0x0000_0005, new byte[8]) // interface statistics: skipped
                .packet(1, 1_700_000_000_123_456_789L, frame(0));
        PcapngBytes b = new PcapngBytes(second).section().iface(113, 0x80 | 10).packet(0, 3 * 1024 + 512, frame(1));
        byte[] x = a.bytes();
        byte[] y = b.bytes();
        byte[] all = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
    void bothByteOrdersAndEveryTimestampUnit(String order) {
        ByteOrder o = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteOrder other = o == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        List<Seen> seen = collect(twoSections(o, other));
        assertEquals(3, seen.size());
        assertEquals(1, seen.get(0).linkType());
        assertEquals(1_700_000_000_123_456_000L, seen.get(0).epochNanos(), "microseconds by default");
        assertArrayEquals(frame(3), seen.get(0).frame());
        assertEquals(0, seen.get(1).linkType());
        assertEquals(1_700_000_000_123_456_789L, seen.get(1).epochNanos(), "if_tsresol 9: nanoseconds");
        assertEquals(113, seen.get(2).linkType(), "a new section forgets the old interfaces");
        assertEquals(3_500_000_000L, seen.get(2).epochNanos(), "if_tsresol 0x8A: units of 2^-10 s");
    }

    @Test
    void anIncrementalFeedSplitAtEveryByteGivesTheSamePackets() {
        byte[] stream = twoSections(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN);
        List<Seen> whole = collect(stream);
        for (int cut = 1; cut < stream.length; cut++) {
            assertSame(whole, collect(stream, cut), "split at byte " + cut);
        }
        int[] everyByte = new int[stream.length - 1];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = i + 1;
        }
        assertSame(whole, collect(stream, everyByte), "one byte at a time");
    }

    private static void assertSame(List<Seen> expected, List<Seen> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).linkType(), actual.get(i).linkType(), what);
            assertEquals(expected.get(i).epochNanos(), actual.get(i).epochNanos(), what);
            assertArrayEquals(expected.get(i).frame(), actual.get(i).frame(), what);
        }
    }

    @Test
    void aStreamThatIsNotPcapngIsRefusedSayingWhere() {
        byte[] classicPcap = {(byte) 0x4d, 0x3c, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0, 0, 0, 0, 0};
        PcapngFormatException e = assertThrows(PcapngFormatException.class, () -> collect(classicPcap));
        assertTrue(e.getMessage().contains("section header") && e.getMessage().contains("byte 0"), e.getMessage());
    }

    @Test
    void aDamagedBlockLengthIsRefused() {
        byte[] stream = new PcapngBytes(ByteOrder.LITTLE_ENDIAN).section().iface(1, -1).packet(0, 1, frame(0)).bytes();
        stream[stream.length - 4] ^= 4; // the trailing copy of the length
        PcapngFormatException e = assertThrows(PcapngFormatException.class, () -> collect(stream));
        assertTrue(e.getMessage().contains("ends with length"), e.getMessage());
        byte[] odd = new PcapngBytes(ByteOrder.BIG_ENDIAN).section().bytes();
        odd[7] = 13; // block length 13: not a multiple of 4
        e = assertThrows(PcapngFormatException.class, () -> collect(odd));
        assertTrue(e.getMessage().contains("multiple of 4"), e.getMessage());
    }

    @Test
    void aPacketOfAnUndescribedInterfaceIsRefused() {
        byte[] stream = new PcapngBytes(ByteOrder.LITTLE_ENDIAN).section().packet(0, 1, frame(0)).bytes();
        PcapngFormatException e = assertThrows(PcapngFormatException.class, () -> collect(stream));
        assertTrue(e.getMessage().contains("names interface 0"), e.getMessage());
    }
}
