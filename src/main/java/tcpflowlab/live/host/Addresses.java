package tcpflowlab.live.host;

import tcpflowlab.telemetry.Errno;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;

/** Socket addresses as users write them, and what a bind(2) or connect(2) errno means for them. */
public final class Addresses {
    private Addresses() {
    }

    /** "127.0.0.1:5000", "[::1]:5000". */
    public static String hostPort(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** What a bind(2) errno usually means for the person who chose the address. */
    static String bindHint(Errno errno) {
        return switch (errno) {
            case EADDRINUSE -> " (the port is in use)";
            case EACCES -> " (ports below 1024 need root or CAP_NET_BIND_SERVICE)";
            case EADDRNOTAVAIL -> " (the address is not one of this machine's)";
            default -> "";
        };
    }

    /**
     * Starts a non-blocking connect(2); true when it completed at once. A name that does not
     * resolve fails here, before any packet is sent.
     */
    static boolean startConnect(SocketChannel ch, InetSocketAddress target) throws IOException {
        if (target.isUnresolved()) {
            throw new UnknownHostException("unknown host '" + target.getHostString() + "' (the name does not resolve)");
        }
        ch.configureBlocking(false);
        return ch.connect(target);
    }
}
