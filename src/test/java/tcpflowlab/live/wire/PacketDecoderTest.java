package tcpflowlab.live.wire;

import org.junit.jupiter.api.Test;
import tcpflowlab.telemetry.TcpFlags;

import java.nio.ByteOrder;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The TCP segment inside every link type a loopback capture uses, and what is not a segment. */
class PacketDecoderTest {
    private static final byte[] SYN = TestFrames.ipv4(40000, 5000, 0xFFFF_FFF0L, 0, TcpFlags.SYN, 65_495,
            TestFrames.synOptions(65_495, 7), 0);
    private static final byte[] DATA = TestFrames.ipv4(5000, 40000, 7, 0xFFFF_FFF1L, TcpFlags.ACK | TcpFlags.PSH, 3, new byte[0], 13);

    @Test
    void everyLoopbackLinkTypeGivesTheSameSegment() {
        byte[][] frames = {TestFrames.ethernet(SYN), TestFrames.loopback(SYN, ByteOrder.LITTLE_ENDIAN),
                TestFrames.loopback(SYN, ByteOrder.BIG_ENDIAN), TestFrames.linuxCooked(SYN),
                TestFrames.linuxCookedV2(SYN), SYN};
        int[] types = {PacketDecoder.LINKTYPE_ETHERNET, PacketDecoder.LINKTYPE_NULL, PacketDecoder.LINKTYPE_LOOP,
                PacketDecoder.LINKTYPE_LINUX_SLL, PacketDecoder.LINKTYPE_LINUX_SLL2, PacketDecoder.LINKTYPE_RAW};
        for (int i = 0; i < frames.length; i++) {
            TcpPacket p = PacketDecoder.decode(types[i], 42, frames[i], 0, frames[i].length, false);
            assertNotNull(p, "link type " + types[i]);
            assertEquals(42, p.epochNanos());
            assertEquals("127.0.0.1", p.srcAddress());
            assertEquals(40000, p.srcPort());
            assertEquals(5000, p.dstPort());
            assertEquals(0xFFFF_FFF0L, p.seq(), "sequence numbers are unsigned 32-bit");
            assertEquals(TcpFlags.SYN, p.flags());
            assertEquals(65_495, p.window());
            assertEquals(65_495, p.mssOption());
            assertEquals(7, p.windowScaleOption());
            assertEquals(0, p.payloadLength());
        }
    }

    @Test
    void payloadAndItsLengthComeFromTheDatagramNotTheFrame() {
        byte[] frame = TestFrames.ethernet(DATA);
        byte[] padded = Arrays.copyOf(frame, frame.length + 6); // Ethernet padding after the datagram
        TcpPacket p = PacketDecoder.decode(PacketDecoder.LINKTYPE_ETHERNET, 0, padded, 0, padded.length, true);
        assertEquals(13, p.payloadLength());
        assertArrayEquals("abcdefghijklm".getBytes(), p.payload());
        assertEquals(-1, p.windowScaleOption());
        assertEquals(0xFFFF_FFF1L, p.ack());
        TcpPacket snapped = PacketDecoder.decode(PacketDecoder.LINKTYPE_ETHERNET, 0, frame, 0, frame.length - 5, true);
        assertEquals(13, snapped.payloadLength(), "a snapped frame keeps the datagram's length");
        assertNull(snapped.payload(), "but has no payload to give");
    }

    @Test
    void ipv6SegmentsDecode() {
        byte[] ip = TestFrames.ipv6(5000, 40000, 9, 10, TcpFlags.ACK, 0, 0);
        TcpPacket p = PacketDecoder.decode(PacketDecoder.LINKTYPE_NULL, 0, TestFrames.loopback(ip, ByteOrder.LITTLE_ENDIAN),
                0, ip.length + 4, false);
        assertEquals("0:0:0:0:0:0:0:1", p.srcAddress());
        assertEquals(5000, p.srcPort());
        assertEquals(0, p.window());
    }

    @Test
    void whatIsNotATcpSegmentIsNull() {
        byte[] udp = SYN.clone();
        udp[9] = 17;
        assertNull(PacketDecoder.decode(PacketDecoder.LINKTYPE_RAW, 0, udp, 0, udp.length, false), "UDP");
        byte[] arp = TestFrames.ethernet(SYN);
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertNull(PacketDecoder.decode(PacketDecoder.LINKTYPE_ETHERNET, 0, arp, 0, arp.length, false), "ARP");
        assertNull(PacketDecoder.decode(PacketDecoder.LINKTYPE_RAW, 0, SYN, 0, 30, false), "cut inside the TCP header");
        assertNull(PacketDecoder.decode(147, 0, SYN, 0, SYN.length, false), "an unknown link type");
        byte[] fragment = SYN.clone();
        fragment[6] = 0x20; // more fragments
        assertNull(PacketDecoder.decode(PacketDecoder.LINKTYPE_RAW, 0, fragment, 0, fragment.length, false), "a fragment");
    }
}
