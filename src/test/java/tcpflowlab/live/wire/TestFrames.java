package tcpflowlab.live.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** IP/TCP frames and the link-layer headers a loopback capture puts before them. */
final class TestFrames {
    private TestFrames() {
    }

    /** An IPv4 datagram 127.0.0.1 -> 127.0.0.1 holding one TCP segment (checksums left 0). */
    static byte[] ipv4(int src, int dst, long seq, long ack, int flags, int window, byte[] options, int payload) {
        int tcp = 20 + options.length;
        ByteBuffer b = ByteBuffer.allocate(20 + tcp + payload);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + tcp + payload)).putShort((short) 1)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                .putInt(0x7F000001).putInt(0x7F000001);
        b.putShort((short) src).putShort((short) dst).putInt((int) seq).putInt((int) ack)
                .put((byte) ((tcp / 4) << 4)).put((byte) flags).putShort((short) window).putInt(0);
        b.put(options);
        for (int i = 0; i < payload; i++) {
            b.put((byte) ('a' + i % 26));
        }
        return b.array();
    }

    /** An IPv6 datagram ::1 -> ::1 holding one TCP segment without options. */
    static byte[] ipv6(int src, int dst, long seq, long ack, int flags, int window, int payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + 20 + payload);
        b.putInt(0x6000_0000).putShort((short) (20 + payload)).put((byte) 6).put((byte) 64);
        b.putLong(0).putLong(1).putLong(0).putLong(1);
        b.putShort((short) src).putShort((short) dst).putInt((int) seq).putInt((int) ack)
                .put((byte) (5 << 4)).put((byte) flags).putShort((short) window).putInt(0);
        return b.array();
    }

    /** MSS and window-scale options as a SYN carries them. */
    static byte[] synOptions(int mss, int scale) {
        return new byte[] {2, 4, (byte) (mss >> 8), (byte) mss, 1, 3, 3, (byte) scale};
    }

    static byte[] ethernet(byte[] ip) {
        int type = (ip[0] & 0xF0) == 0x60 ? 0x86DD : 0x0800;
        return prefix(ByteBuffer.allocate(14).putLong(0).putInt(0).putShort((short) type).array(), ip);
    }

    /** BSD loopback: the address family in the capturing host's byte order (NULL) or in network order (LOOP). */
    static byte[] loopback(byte[] ip, ByteOrder order) {
        int family = (ip[0] & 0xF0) == 0x60 ? 24 : 2;
        return prefix(ByteBuffer.allocate(4).order(order).putInt(family).array(), ip);
    }

    static byte[] linuxCooked(byte[] ip) {
        int type = (ip[0] & 0xF0) == 0x60 ? 0x86DD : 0x0800;
        return prefix(ByteBuffer.allocate(16).putShort((short) 0).putShort((short) 772).putShort((short) 6)
                .putLong(0).putShort((short) type).array(), ip);
    }

    static byte[] linuxCookedV2(byte[] ip) {
        int type = (ip[0] & 0xF0) == 0x60 ? 0x86DD : 0x0800;
        return prefix(ByteBuffer.allocate(20).putShort((short) type).putShort((short) 0).putInt(1)
                .putShort((short) 772).put((byte) 0).put((byte) 6).putLong(0).array(), ip);
    }

    private static byte[] prefix(byte[] header, byte[] ip) {
        byte[] f = new byte[header.length + ip.length];
        System.arraycopy(header, 0, f, 0, header.length);
        System.arraycopy(ip, 0, f, header.length, ip.length);
        return f;
    }
}
