package tcpflowlab.spill;

import java.nio.ByteBuffer;

/**
 * One connection's acknowledgements in SPILL mode, for the server of either engine: created when
 * a connection is accepted and dropped with it, so nothing a client sent on one connection (a
 * partial acknowledgement, a bogus value) outlives that connection.
 * <p>
 * An acknowledgement is valid when it does not go back below the last valid one on this
 * connection and does not go beyond the highest sequence whose whole frame was written to this
 * connection: a client can only have what it was sent. A valid one at or below the queue's
 * committed position (a returning client acknowledging again what it already acknowledged) is
 * ignored without harm. Anything else is a protocol error: the server logs it and closes the
 * connection, and nothing is deleted because of it.
 */
public final class AckTracker {
    /**
     * What a piece of the byte stream amounts to: the acknowledgement to apply to the queue (0:
     * none) and, if the client broke the protocol, why (the server then closes the connection).
     */
    public record Outcome(long acknowledge, String rejection) {
        public boolean rejected() {
            return rejection != null;
        }
    }

    private static final Outcome NOTHING = new Outcome(0, null);

    private final byte[] part = new byte[Frames.ACK];
    private int partLen;
    private long written;
    private long lastValid;
    private String rejection;

    /** The frame of {@code sequence} went out whole on this connection: the client may now acknowledge it. */
    public void frameWritten(long sequence) {
        written = Math.max(written, sequence);
    }

    /**
     * Reads acknowledgements from the next bytes of this connection's stream. Stops at the first
     * invalid one: the valid ones before it are still applied.
     */
    public Outcome feed(byte[] src, int off, int n, long committed) {
        if (rejection != null) {
            return new Outcome(0, rejection);
        }
        long apply = 0;
        for (int i = 0; i < n; i++) {
            part[partLen++] = src[off + i];
            if (partLen < Frames.ACK) {
                continue;
            }
            partLen = 0;
            long ack = ByteBuffer.wrap(part).getLong();
            String why = check(ack, committed);
            if (why != null) {
                rejection = why;
                return new Outcome(apply, why);
            }
            if (ack > committed) {
                lastValid = ack;
                apply = ack;
            }
        }
        return apply == 0 ? NOTHING : new Outcome(apply, null);
    }

    private String check(long ack, long committed) {
        // The wire value is unsigned: one with the top bit set is far beyond any sequence.
        if (ack < 0) {
            return tooHigh(ack, committed);
        }
        if (ack < lastValid) {
            return "acknowledgement " + ack + " goes backwards: the last valid one on this connection was "
                    + lastValid + " (allowed " + range(committed) + ")";
        }
        if (ack <= committed) {
            return null; // already acknowledged: harmless
        }
        return ack > written ? tooHigh(ack, committed) : null;
    }

    private String tooHigh(long ack, long committed) {
        return "acknowledgement " + Long.toUnsignedString(ack) + " is beyond the last message sent on this "
                + "connection (allowed " + range(committed) + ")";
    }

    private String range(long committed) {
        long low = Math.max(lastValid, committed);
        return written < low ? low + " or lower: nothing newer was sent on this connection yet"
                : low + " .. " + written;
    }

    /**
     * The connection ended: a partial acknowledgement left over is a protocol error (nothing
     * is applied from it); null when the stream ended between acknowledgements.
     */
    public String endOfStream() {
        if (rejection != null || partLen == 0) {
            return null;
        }
        return "the connection ended " + partLen + " byte" + (partLen == 1 ? "" : "s")
                + " into an acknowledgement (each is " + Frames.ACK + " bytes): ignored";
    }

    /** The highest sequence whose whole frame was written to this connection. */
    public long written() {
        return written;
    }

    /** The last valid acknowledgement above the committed position on this connection (0: none yet). */
    public long lastValid() {
        return lastValid;
    }
}
