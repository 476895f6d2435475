package tcpflowlab.live;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * connect(2) with a deadline: a non-blocking connect finished through the selector. A peer
 * that never answers the SYN (a route that drops, a firewall) fails after {@code timeout} with
 * ETIMEDOUT, instead of after the kernel's own retries, about two minutes later.
 */
final class TimedConnect {
    private TimedConnect() {
    }

    /**
     * Connects {@code ch} (left non-blocking and registered with {@code sel}); false when the run
     * ended first. A refusal, an unreachable host or the deadline throw the socket's error.
     */
    static boolean connect(SocketChannel ch, Selector sel, InetSocketAddress target, Duration timeout,
                           BooleanSupplier running) throws IOException {
        if (target.isUnresolved()) {
            throw new UnknownHostException("unknown host '" + target.getHostString() + "' (the name does not resolve)");
        }
        ch.configureBlocking(false);
        if (ch.connect(target)) {
            return true;
        }
        SelectionKey key = ch.register(sel, SelectionKey.OP_CONNECT);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (running.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SocketTimeoutException("connect() timed out after "
                            + TimedConnect.seconds(timeout) + " s without an answer");
                }
                if (sel.select(Math.max(1, Math.min(100, left / 1_000_000))) > 0) {
                    sel.selectedKeys().clear();
                    if (ch.finishConnect()) {
                        return true;
                    }
                }
            }
            return false;
        } finally {
            if (key.isValid()) {
                key.interestOps(0);
            }
        }
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toNanos() / 1e9);
    }
}
