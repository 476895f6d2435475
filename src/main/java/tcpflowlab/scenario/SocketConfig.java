package tcpflowlab.scenario;

/**
 * Kernel socket settings for both ends.
 *
 * @param serverSndBuf requested SO_SNDBUF of the server's connection, bytes
 * @param serverRcvBuf requested SO_RCVBUF of the server's connection, bytes
 * @param clientSndBuf requested SO_SNDBUF of the client, bytes
 * @param clientRcvBuf requested SO_RCVBUF of the client, bytes
 * @param linuxDoubling Linux doubles a requested SO_SNDBUF/SO_RCVBUF to leave room for its
 *                      bookkeeping; the model then holds twice the request in the send buffer
 *                      and advertises about the request as receive window
 * @param autotune ignore the requested sizes and grow buffers towards the maxima, roughly as
 *                 Linux does when SO_SNDBUF/SO_RCVBUF are not set
 * @param tcpWmemMax autotuning limit of a send buffer (third value of tcp_wmem)
 * @param tcpRmemMax autotuning limit of a receive buffer (third value of tcp_rmem)
 * @param mss maximum segment size, bytes (65483 on loopback, 1460 on Ethernet)
 * @param nagle Nagle's algorithm on (no TCP_NODELAY), the Linux default
 * @param ackMode immediate or delayed acknowledgements
 * @param delayedAckMs delayed-ACK timeout
 * @param rtoMinMs lower bound of the retransmission timeout (Linux: 200 ms)
 */
public record SocketConfig(int serverSndBuf, int serverRcvBuf, int clientSndBuf, int clientRcvBuf,
                           boolean linuxDoubling, boolean autotune, int tcpWmemMax, int tcpRmemMax,
                           int mss, boolean nagle, AckMode ackMode, double delayedAckMs,
                           double rtoMinMs) {
}
