package tcpflowlab.live.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Finds the TCP segment in one captured frame of the link types a loopback capture uses
 * (tcpdump.org's LINKTYPE list): Ethernet (Linux's lo), BSD loopback with the address family
 * in host order (NULL) or network order (LOOP), Linux cooked captures v1 and v2 (the "any"
 * interface), and raw IP. IPv4 and IPv6 (without extension headers) are read; anything else,
 * a fragment, or a frame cut short before the TCP header ends, is not a segment.
 */
public final class PacketDecoder {
    public static final int LINKTYPE_NULL = 0;
    public static final int LINKTYPE_ETHERNET = 1;
    public static final int LINKTYPE_RAW = 101;
    public static final int LINKTYPE_LOOP = 108;
    public static final int LINKTYPE_LINUX_SLL = 113;
    public static final int LINKTYPE_IPV4 = 228;
    public static final int LINKTYPE_IPV6 = 229;
    public static final int LINKTYPE_LINUX_SLL2 = 276;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int PROTOCOL_TCP = 6;

    private PacketDecoder() {
    }

    /**
     * The segment in this frame, or {@code null} if it holds none.
     *
     * @param withPayload whether to copy the payload (only when the frame holds all of it)
     */
    public static TcpPacket decode(int linkType, long epochNanos, byte[] b, int off, int len, boolean withPayload) {
        int end = off + len;
        int ip;
        switch (linkType) {
            case LINKTYPE_ETHERNET -> {
                int at = off + 12;
                int type = u16(b, at, end);
                while (type == ETHERTYPE_VLAN) {
                    at += 4;
                    type = u16(b, at, end);
                }
                ip = type == ETHERTYPE_IPV4 || type == ETHERTYPE_IPV6 ? at + 2 : -1;
            }
            case LINKTYPE_NULL, LINKTYPE_LOOP -> ip = len >= 4 ? off + 4 : -1; // the IP version says which
            case LINKTYPE_LINUX_SLL -> ip = isIp(u16(b, off + 14, end)) ? off + 16 : -1;
            case LINKTYPE_LINUX_SLL2 -> ip = isIp(u16(b, off, end)) ? off + 20 : -1;
            case LINKTYPE_RAW, LINKTYPE_IPV4, LINKTYPE_IPV6 -> ip = off;
            default -> ip = -1;
        }
        if (ip < 0 || ip >= end) {
            return null;
        }
        return switch ((b[ip] & 0xF0) >> 4) {
            case 4 -> ipv4(epochNanos, b, ip, end, withPayload);
            case 6 -> ipv6(epochNanos, b, ip, end, withPayload);
            default -> null;
        };
    }

    private static boolean isIp(int etherType) {
        return etherType == ETHERTYPE_IPV4 || etherType == ETHERTYPE_IPV6;
    }

    private static TcpPacket ipv4(long t, byte[] b, int ip, int end, boolean withPayload) {
        if (ip + 20 > end) {
            return null;
        }
        int headerLength = (b[ip] & 0x0F) * 4;
        int total = u16(b, ip + 2, end);
        boolean fragment = (u16(b, ip + 6, end) & 0x3FFF) != 0; // more-fragments or an offset
        if (headerLength < 20 || total < headerLength || (b[ip + 9] & 0xFF) != PROTOCOL_TCP || fragment) {
            return null;
        }
        return tcp(t, address(b, ip + 12, 4), address(b, ip + 16, 4), b, ip + headerLength, ip + total, end,
                withPayload);
    }

    private static TcpPacket ipv6(long t, byte[] b, int ip, int end, boolean withPayload) {
        if (ip + 40 > end || (b[ip + 6] & 0xFF) != PROTOCOL_TCP) {
            return null;
        }
        int payload = u16(b, ip + 4, end);
        return tcp(t, address(b, ip + 8, 16), address(b, ip + 24, 16), b, ip + 40, ip + 40 + payload, end,
                withPayload);
    }

    /** @param datagramEnd where the IP datagram says it ends; {@code end}: where the capture does */
    private static TcpPacket tcp(long t, String src, String dst, byte[] b, int at, int datagramEnd, int end,
                                 boolean withPayload) {
        if (at + 20 > end) {
            return null;
        }
        int headerLength = ((b[at + 12] & 0xF0) >> 4) * 4;
        if (headerLength < 20 || at + headerLength > end || at + headerLength > datagramEnd) {
            return null;
        }
        int mss = 0;
        int scale = -1;
        int o = at + 20;
        while (o < at + headerLength) {
            int kind = b[o] & 0xFF;
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                o++;
                continue;
            }
            if (o + 1 >= at + headerLength) {
                break;
            }
            int optionLength = b[o + 1] & 0xFF;
            if (optionLength < 2 || o + optionLength > at + headerLength) {
                break; // a damaged option list: keep what was read before it
            }
            if (kind == 2 && optionLength == 4) {
                mss = u16(b, o + 2, end);
            } else if (kind == 3 && optionLength == 3) {
                scale = Math.min(14, b[o + 2] & 0xFF); // RFC 7323 2.3: larger values mean 14
            }
            o += optionLength;
        }
        int payloadLength = datagramEnd - at - headerLength;
        byte[] payload = null;
        if (withPayload && payloadLength > 0 && datagramEnd <= end) {
            payload = Arrays.copyOfRange(b, at + headerLength, datagramEnd);
        }
        return new TcpPacket(t, src, dst, u16(b, at, end), u16(b, at + 2, end), u32(b, at + 4), u32(b, at + 8),
                b[at + 13] & 0xFF, u16(b, at + 14, end), mss, scale, payloadLength, payload);
    }

    private static int u16(byte[] b, int at, int end) {
        if (at + 2 > end) {
            return -1;
        }
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static String address(byte[] b, int at, int length) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, at, at + length)).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + length + " bytes was refused", e);
        }
    }
}
