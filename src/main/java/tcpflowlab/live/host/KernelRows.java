package tcpflowlab.live.host;

import tcpflowlab.live.TcpSocketRow;

import java.util.Optional;

/**
 * The kernel's own row for one socket (Linux: /proc/net/tcp), for what Java does not ask the
 * kernel: it caches the peer's address instead of calling getpeername(2), and has no FIONREAD
 * for a non-blocking channel.
 */
public interface KernelRows {
    /** False where the kernel's table cannot be read: callers fall back to what they saw. */
    boolean available();

    /** The socket with these ports, read fresh, if the kernel still has it. */
    Optional<TcpSocketRow> row(int localPort, int remotePort);
}
