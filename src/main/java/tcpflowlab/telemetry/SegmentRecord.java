package tcpflowlab.telemetry;

/**
 * One TCP segment as it left its sender: what a packet capture of the connection shows.
 * Sequence and acknowledgement numbers are absolute 32-bit values (as on the wire); the
 * window is in bytes, already multiplied out by the window scale.
 *
 * @param from the side that sent it
 * @param flags bit set of {@link TcpFlags}
 * @param payloadLength bytes of payload
 * @param payload the payload bytes when the run captures payloads, otherwise {@code null}
 * @param note why the segment was sent, in a few words (e.g. "zero-window probe")
 * @param mssOption the MSS option of a SYN, else 0
 * @param windowScaleOption the window-scale option of a SYN, else -1
 */
public record SegmentRecord(long timeNanos, int connection, Side from, int srcPort, int dstPort,
                            long seq, long ack, long window, int flags, int payloadLength,
                            byte[] payload, String note, int mssOption, int windowScaleOption) {

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public String flagNames() {
        return TcpFlags.names(flags);
    }
}
