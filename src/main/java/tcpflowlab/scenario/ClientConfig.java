package tcpflowlab.scenario;

/**
 * The Python-style client (the story's Server B).
 *
 * @param readSize bytes asked for per recv() call
 * @param processingDelayMs work done per loop (FIXED_READ) or per batch (DRAIN), milliseconds
 * @param processingJitterMs uniform random extra delay 0..jitter per loop, milliseconds
 * @param replySize bytes of the reply sent per loop ("Hi i got the data" is 17); 0 sends none
 * @param callCostNs virtual time one socket call costs, nanoseconds
 * @param strategy how the client reads
 * @param logPeer whether each loop logs the peer address via getpeername()
 * @param reconnect whether the client connects again after the connection ends
 * @param reconnectBackoffMs first reconnect delay, doubled after each failed attempt
 * @param reconnectBackoffMaxMs upper bound of the reconnect delay
 * @param disconnectEveryS the client hangs up after this many seconds on a connection (0: never),
 *                         to show the SPILL policy replaying what it missed
 */
public record ClientConfig(int readSize, double processingDelayMs, double processingJitterMs,
                           int replySize, long callCostNs, ReadStrategy strategy, boolean logPeer,
                           boolean reconnect, double reconnectBackoffMs,
                           double reconnectBackoffMaxMs, double disconnectEveryS) {
}
