package tcpflowlab.export;

import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpFlags;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes the Model's segments as a classic libpcap file that Wireshark and tshark read:
 * nanosecond timestamps (virtual time), link type RAW (each packet is an IPv4 datagram), IPv4
 * and TCP headers with correct checksums, the handshake's MSS and window-scale options, real
 * sequence and acknowledgement numbers, windows as the 16-bit field carries them (divided by
 * the sender's window scale), and the real payload bytes. Both ends are 127.0.0.1, told apart
 * by port, as in a loopback capture.
 */
public final class PcapWriter implements TelemetrySink, Closeable {
    /** libpcap magic for nanosecond-resolution timestamps. */
    static final int MAGIC_NANOS = 0xa1b23c4d;
    /** LINKTYPE_RAW: packets begin with the IP header. */
    static final int LINKTYPE_RAW = 101;
    static final int IP_HEADER = 20;
    static final int TCP_HEADER = 20;
    static final int SYN_OPTIONS = 8; // MSS (4) + NOP (1) + window scale (3)

    private final OutputStream out;
    private final Map<Side, Integer> windowScale = new EnumMap<>(Side.class);
    private int ipId;
    private long packets;

    public PcapWriter(Path file) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(MAGIC_NANOS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262_144).putInt(LINKTYPE_RAW);
        out.write(h.array());
    }

    @Override
    public boolean wantsPayloads() {
        return true;
    }

    @Override
    public synchronized void onSegment(SegmentRecord s) {
        try {
            write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(SegmentRecord s) throws IOException {
        boolean syn = s.has(TcpFlags.SYN);
        if (syn && s.windowScaleOption() >= 0) {
            windowScale.put(s.from(), s.windowScaleOption());
        }
        int options = syn ? SYN_OPTIONS : 0;
        int tcpLen = TCP_HEADER + options + s.payloadLength();
        int total = IP_HEADER + tcpLen;
        ByteBuffer p = ByteBuffer.allocate(total); // network byte order
        // IPv4
        p.put((byte) 0x45).put((byte) 0).putShort((short) total).putShort((short) (ipId++ & 0xFFFF))
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0).putInt(0x7F000001).putInt(0x7F000001);
        p.putShort(10, checksum(p.array(), 0, IP_HEADER, 0));
        // TCP
        int tcp = IP_HEADER;
        long rawWindow = syn ? Math.min(65_535, s.window()) : s.window() >> windowScale.getOrDefault(s.from(), 0);
        p.putShort((short) s.srcPort()).putShort((short) s.dstPort()).putInt((int) s.seq()).putInt((int) s.ack())
                .put((byte) (((TCP_HEADER + options) / 4) << 4)).put((byte) s.flags())
                .putShort((short) Math.min(65_535, rawWindow)).putShort((short) 0).putShort((short) 0);
        if (syn) {
            p.put((byte) 2).put((byte) 4).putShort((short) s.mssOption());
            p.put((byte) 1).put((byte) 3).put((byte) 3).put((byte) Math.max(0, s.windowScaleOption()));
        }
        if (s.payloadLength() > 0) {
            if (s.payload() == null) {
                throw new IllegalStateException("segment without payload bytes: the run did not capture payloads");
            }
            p.put(s.payload());
        }
        long pseudo = 0x7F00L + 0x0001L + 0x7F00L + 0x0001L + 6 + tcpLen;
        p.putShort(tcp + 16, checksum(p.array(), tcp, tcpLen, pseudo));
        ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        rec.putInt((int) (s.timeNanos() / 1_000_000_000L)).putInt((int) (s.timeNanos() % 1_000_000_000L))
                .putInt(total).putInt(total);
        out.write(rec.array());
        out.write(p.array());
        packets++;
    }

    /** The Internet checksum (RFC 1071) of {@code len} bytes, plus a pre-summed pseudo-header. */
    static short checksum(byte[] b, int off, int len, long initial) {
        long sum = initial;
        for (int i = 0; i + 1 < len; i += 2) {
            sum += ((b[off + i] & 0xFF) << 8) | (b[off + i + 1] & 0xFF);
        }
        if ((len & 1) == 1) {
            sum += (b[off + len - 1] & 0xFF) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (short) (~sum & 0xFFFF);
    }

    public synchronized long packets() {
        return packets;
    }

    /** Pushes buffered packets to the file (the UI copies a run's capture while it goes on). */
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
