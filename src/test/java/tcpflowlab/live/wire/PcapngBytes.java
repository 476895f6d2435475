package tcpflowlab.live.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds pcapng streams for tests, in either byte order, block by block. */
final class PcapngBytes {
    private final ByteOrder order;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PcapngBytes(ByteOrder order) {
        this.order = order;
    }

    PcapngBytes section() {
        ByteBuffer b = body(16);
        b.putInt(PcapngStream.BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L);
        return block(PcapngStream.SECTION_HEADER, b.array());
    }

    /** An interface; {@code tsresol} < 0 leaves the option out (microseconds). */
    PcapngBytes iface(int linkType, int tsresol) {
        ByteBuffer b = body(tsresol < 0 ? 8 : 8 + 8 + 4);
        b.putShort((short) linkType).putShort((short) 0).putInt(262_144);
        if (tsresol >= 0) {
            b.putShort((short) PcapngStream.OPTION_TSRESOL).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
            b.putShort((short) 0).putShort((short) 0);
        }
        return block(PcapngStream.INTERFACE_DESCRIPTION, b.array());
    }

    PcapngBytes packet(int iface, long units, byte[] frame) {
        int padded = (frame.length + 3) & ~3;
        ByteBuffer b = body(20 + padded);
        b.putInt(iface).putInt((int) (units >>> 32)).putInt((int) units).putInt(frame.length).putInt(frame.length);
        b.put(frame);
        return block(PcapngStream.ENHANCED_PACKET, b.array());
    }

    PcapngBytes block(int type, byte[] body) {
        int length = 12 + body.length;
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        b.putInt(type).putInt(length).put(body).putInt(length);
        out.writeBytes(b.array());
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private ByteBuffer body(int length) {
        return ByteBuffer.allocate(length).order(order);
    }
}
