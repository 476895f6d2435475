package tcpflowlab.scenario;

/**
 * The C-style server (the story's Server A).
 *
 * @param messageSize bytes per send() call ("Hello World!" plus its NUL is 13)
 * @param sendGapUs pause between two sends, microseconds
 * @param callCostNs virtual time one send() call costs, nanoseconds
 * @param readReplies whether the server reads the client's replies (the story's does not)
 * @param overflowPolicy what to do when send() fails with EAGAIN
 * @param acceptAgain whether the server accepts a new connection after closing one
 * @param lingerZero SO_LINGER {on, 0}: close() always sends RST
 * @param spillCapacityBytes SPILL: the most the durable queue may hold; when full, backpressure
 */
public record ServerConfig(int messageSize, double sendGapUs, long callCostNs, boolean readReplies,
                           OverflowPolicy overflowPolicy, boolean acceptAgain, boolean lingerZero,
                           long spillCapacityBytes) {
}
