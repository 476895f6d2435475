package tcpflowlab.live;

/**
 * One row of /proc/net/tcp or /proc/net/tcp6: a socket as the kernel sees it.
 *
 * @param state the kernel's TCP state number (1 ESTABLISHED, 7 CLOSE, 8 CLOSE_WAIT, 10 LISTEN ...)
 * @param txQueue bytes written and not yet acknowledged (send queue)
 * @param rxQueue bytes received and not yet read (receive queue)
 * @param timer the pending timer: 0 none, 1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero-window probe
 */
public record TcpSocketRow(String localAddress, int localPort, String remoteAddress, int remotePort,
                           int state, long txQueue, long rxQueue, int timer, long inode) {
    public static final int ESTABLISHED = 0x01;
    public static final int CLOSE = 0x07;
    public static final int LISTEN = 0x0A;
    public static final int TIMER_ZERO_WINDOW_PROBE = 4;
}
