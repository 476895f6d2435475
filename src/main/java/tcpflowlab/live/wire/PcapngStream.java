package tcpflowlab.live.wire;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a pcapng stream as it arrives (dumpcap writing to a pipe): bytes are fed in pieces of
 * any size, and every complete Enhanced Packet Block is handed on with its interface's link
 * type and its time in nanoseconds since the epoch. Follows the pcapng specification
 * (draft-ietf-opsawg-pcapng): each Section Header Block sets the byte order of its section
 * and forgets the interfaces of the one before; an Interface Description Block gives the link
 * type and, in option {@code if_tsresol}, the timestamp unit (default microseconds). Blocks
 * this reader has no use for (statistics, name resolution, custom) are skipped by their length.
 */
public final class PcapngStream {
    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION = 0x00000001;
    static final int ENHANCED_PACKET = 0x00000006;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int OPTION_END = 0;
    static final int OPTION_TSRESOL = 9;
    /** Larger blocks are taken for a damaged stream rather than buffered without end. */
    static final int MAX_BLOCK = 16 << 20;

    /** Receives each packet of the stream. The bytes are valid only during the call. */
    public interface PacketListener {
        void onPacket(int linkType, long epochNanos, byte[] data, int offset, int capturedLength);
    }

    /** One interface of the current section: its link type and timestamp unit. */
    private record Interface(int linkType, boolean binaryResolution, int resolutionExponent) {
        long nanos(long units) {
            if (binaryResolution) {
                return BigInteger.valueOf(units).multiply(BigInteger.valueOf(1_000_000_000L))
                        .shiftRight(resolutionExponent).longValueExact();
            }
            if (resolutionExponent <= 9) {
                return units * TEN_POWERS[9 - resolutionExponent];
            }
            return units / TEN_POWERS[Math.min(18, resolutionExponent - 9)];
        }
    }

    private static final long[] TEN_POWERS = new long[19];

    static {
        TEN_POWERS[0] = 1;
        for (int i = 1; i < TEN_POWERS.length; i++) {
            TEN_POWERS[i] = TEN_POWERS[i - 1] * 10;
        }
    }

    private final PacketListener listener;
    private final List<Interface> interfaces = new ArrayList<>();
    private ByteOrder order;
    private byte[] pending = new byte[1 << 16];
    private int pendingLength;
    private long consumed;
    private long packets;

    public PcapngStream(PacketListener listener) {
        this.listener = listener;
    }

    /**
     * Adds bytes of the stream; every block they complete is handled before this returns.
     *
     * @throws PcapngFormatException if the stream is not pcapng or a block is damaged
     */
    public void feed(byte[] bytes, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(bytes, offset, pending, pendingLength, length);
        pendingLength += length;
        int start = 0;
        while (pendingLength - start >= 12) {
            int blockLength = blockLength(start);
            if (pendingLength - start < blockLength) {
                break;
            }
            handle(ByteBuffer.wrap(pending, start, blockLength).slice().order(order), blockLength);
            start += blockLength;
            consumed += blockLength;
        }
        if (start > 0) {
            System.arraycopy(pending, start, pending, 0, pendingLength - start);
            pendingLength -= start;
        }
    }

    public long packets() {
        return packets;
    }

    /** Bytes of the stream that were not yet a complete block. */
    public int pendingBytes() {
        return pendingLength;
    }

    private int blockLength(int start) {
        ByteBuffer b = ByteBuffer.wrap(pending, start, pendingLength - start).slice();
        int type = b.getInt(0); // the SHB's type reads the same in both byte orders
        if (type == SECTION_HEADER) {
            int magic = b.order(ByteOrder.BIG_ENDIAN).getInt(8);
            if (magic == BYTE_ORDER_MAGIC) {
                order = ByteOrder.BIG_ENDIAN;
            } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
                order = ByteOrder.LITTLE_ENDIAN;
            } else {
                throw new PcapngFormatException(String.format(
                        "pcapng section header at byte %d has byte-order magic 0x%08x, expected 0x1a2b3c4d",
                        consumed + start, magic));
            }
        } else if (order == null) {
            throw new PcapngFormatException(String.format(
                    "the capture does not start with a pcapng section header (block type 0x%08x at byte %d)",
                    type, consumed + start));
        }
        long length = Integer.toUnsignedLong(b.order(order).getInt(4));
        if (length < 12 || length % 4 != 0 || length > MAX_BLOCK) {
            throw new PcapngFormatException("pcapng block at byte " + (consumed + start) + " has length " + length
                    + ": must be a multiple of 4 from 12 to " + MAX_BLOCK);
        }
        return (int) length;
    }

    private void handle(ByteBuffer b, int length) {
        if (b.getInt(length - 4) != length) {
            throw new PcapngFormatException("pcapng block at byte " + consumed + " ends with length "
                    + Integer.toUnsignedLong(b.getInt(length - 4)) + ", but began with " + length);
        }
        switch (b.getInt(0)) {
            case SECTION_HEADER -> interfaces.clear();
            case INTERFACE_DESCRIPTION -> interfaces.add(describe(b, length));
            case ENHANCED_PACKET -> packet(b, length);
            default -> { } // not needed for TCP segments
        }
    }

    private Interface describe(ByteBuffer b, int length) {
        if (length < 20) {
            throw new PcapngFormatException("pcapng interface description at byte " + consumed + " is " + length
                    + " bytes: at least 20 expected");
        }
        int linkType = Short.toUnsignedInt(b.getShort(8));
        boolean binary = false;
        int exponent = 6;
        int at = 16;
        while (at + 4 <= length - 4) {
            int code = Short.toUnsignedInt(b.getShort(at));
            int optionLength = Short.toUnsignedInt(b.getShort(at + 2));
            if (code == OPTION_END) {
                break;
            }
            if (code == OPTION_TSRESOL && optionLength >= 1 && at + 4 < length - 4) {
                int r = Byte.toUnsignedInt(b.get(at + 4));
                binary = (r & 0x80) != 0;
                exponent = r & 0x7F;
            }
            at += 4 + ((optionLength + 3) & ~3);
        }
        if (binary ? exponent > 62 : exponent > 27) {
            throw new PcapngFormatException("pcapng interface " + interfaces.size() + " has timestamp resolution "
                    + (binary ? "2^-" : "10^-") + exponent + ": finer than this reader can convert");
        }
        return new Interface(linkType, binary, exponent);
    }

    private void packet(ByteBuffer b, int length) {
        if (length < 32) {
            throw new PcapngFormatException("pcapng packet block at byte " + consumed + " is " + length
                    + " bytes: at least 32 expected");
        }
        int id = b.getInt(8);
        if (id < 0 || id >= interfaces.size()) {
            throw new PcapngFormatException("pcapng packet block at byte " + consumed + " names interface " + id
                    + ", but the section describes " + interfaces.size());
        }
        long units = (Integer.toUnsignedLong(b.getInt(12)) << 32) | Integer.toUnsignedLong(b.getInt(16));
        int captured = b.getInt(20);
        if (captured < 0 || 28 + captured > length - 4) {
            throw new PcapngFormatException("pcapng packet block at byte " + consumed + " claims "
                    + Integer.toUnsignedLong(captured) + " captured bytes in a block of " + length);
        }
        Interface itf = interfaces.get(id);
        packets++;
        listener.onPacket(itf.linkType(), itf.nanos(units), b.array(), b.arrayOffset() + 28, captured);
    }

    private void ensureRoom(int more) {
        if (pendingLength + more > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + more));
        }
    }
}
