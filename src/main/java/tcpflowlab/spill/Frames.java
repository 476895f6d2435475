package tcpflowlab.spill;

import java.nio.ByteBuffer;
import java.util.function.BiConsumer;

/**
 * The small framed protocol both sides speak in SPILL mode: each message is
 * {@code sequence (u64, big-endian) | length (u32) | payload}; the client acknowledges with the
 * 8-byte sequence of the last message it has. At-least-once on the wire (a reconnect replays
 * from the last acknowledgement), effectively-once at the application (the client drops
 * sequences it has already seen). The server checks each connection's acknowledgements with an
 * {@link AckTracker}.
 */
public final class Frames {
    public static final int HEADER = 12;
    public static final int ACK = 8;
    /** A frame longer than this is a protocol error, not a reason to allocate. */
    public static final int MAX_PAYLOAD = 1 << 20;

    private Frames() {
    }

    public static byte[] frame(long sequence, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        b.putLong(sequence).putInt(payload.length).put(payload);
        return b.array();
    }

    public static byte[] ack(long sequence) {
        return ByteBuffer.allocate(ACK).putLong(sequence).array();
    }

    /** The stream cannot be read as frames any further (a hostile or broken peer); the message says why. */
    public static final class MalformedFrameException extends IllegalStateException {
        MalformedFrameException(String message) {
            super(message);
        }
    }

    /** Reassembles frames from a byte stream that arrives in arbitrary pieces. */
    public static final class Decoder {
        private byte[] buf = new byte[4096];
        private int len;

        /**
         * Feeds bytes; calls {@code onFrame} for every complete frame.
         *
         * @throws MalformedFrameException at a frame length out of range (the rest of the stream is unreadable)
         */
        public void feed(byte[] src, int off, int n, BiConsumer<Long, byte[]> onFrame) {
            ensure(len + n);
            System.arraycopy(src, off, buf, len, n);
            len += n;
            int pos = 0;
            while (len - pos >= HEADER) {
                ByteBuffer h = ByteBuffer.wrap(buf, pos, HEADER);
                long seq = h.getLong();
                int size = h.getInt();
                if (size < 0 || size > MAX_PAYLOAD) {
                    len = 0; // nothing after a bad header can be trusted to be a frame
                    throw new MalformedFrameException("frame length " + Integer.toUnsignedString(size)
                            + " for sequence " + Long.toUnsignedString(seq) + " is out of range (0 .. " + MAX_PAYLOAD + ")");
                }
                if (len - pos < HEADER + size) {
                    break;
                }
                byte[] payload = new byte[size];
                System.arraycopy(buf, pos + HEADER, payload, 0, size);
                pos += HEADER + size;
                onFrame.accept(seq, payload);
            }
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
        }

        /** Forgets a partial frame (the connection it came from is gone). */
        public void reset() {
            len = 0;
        }

        private void ensure(int n) {
            if (n > buf.length) {
                byte[] b = new byte[Math.max(n, buf.length * 2)];
                System.arraycopy(buf, 0, b, 0, len);
                buf = b;
            }
        }
    }
}
