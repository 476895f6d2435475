package tcpflowlab.live.wire;

/**
 * One TCP segment as a capture shows it, before anything is known about its connection: the
 * header fields as carried on the wire (the window unscaled), and the options a SYN carries.
 *
 * @param window the 16-bit window field, not yet multiplied by the sender's window scale
 * @param mssOption the MSS option, or 0 if absent
 * @param windowScaleOption the window-scale option's shift count, or -1 if absent
 * @param payload the payload bytes if they were asked for and captured whole, else {@code null}
 */
public record TcpPacket(long epochNanos, String srcAddress, String dstAddress, int srcPort, int dstPort,
                        long seq, long ack, int flags, int window, int mssOption, int windowScaleOption,
                        int payloadLength, byte[] payload) {
}
