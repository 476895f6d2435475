package tcpflowlab.sim.tcp;

import tcpflowlab.telemetry.Side;

/**
 * A TCP segment travelling on a link. Sequence and acknowledgement
 * numbers are kept as 64-bit stream offsets (the SYN is offset -1, data starts at 0, a FIN
 * takes the offset after the last data byte) so that long runs never wrap; the 32-bit wire
 * values are derived when the segment is recorded. The payload is not copied: it is read from
 * the sender's {@link SendBuffer} on arrival (see there why that is safe).
 */
final class Segment {
    final int connection;
    final Side from;
    final int srcPort;
    final int dstPort;
    final long seq;
    final long ack;
    final long window;
    final int flags;
    final int length;
    final SendBuffer source;
    /** MSS option on SYN segments, else 0. */
    final int mssOption;
    /** Window-scale option on SYN segments, else -1. */
    final int windowScaleOption;
    /** Wire values, filled in when the segment is transmitted. */
    long seq32;
    long ack32;
    /** Virtual time the segment reaches the other end. */
    long arrival;

    Segment(int connection, Side from, int srcPort, int dstPort, long seq, long ack, long window,
            int flags, int length, SendBuffer source, int mssOption, int windowScaleOption) {
        this.connection = connection;
        this.from = from;
        this.srcPort = srcPort;
        this.dstPort = dstPort;
        this.seq = seq;
        this.ack = ack;
        this.window = window;
        this.flags = flags;
        this.length = length;
        this.source = source;
        this.mssOption = mssOption;
        this.windowScaleOption = windowScaleOption;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
