package tcpflowlab.sim;

import tcpflowlab.sim.tcp.TcpEndpoint;
import tcpflowlab.sim.tcp.TcpState;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Bytes the server application wrote on a connection that the client application never read:
 * lost when the connection ended under them (a reset discards both queues, a close() with data
 * unread, a server that closed before its send queue drained). Counted once the client's end
 * can read no more (the client closed the socket, or the connection is CLOSED); bytes still on
 * their way when the run ends are not counted as lost. Only the Model sees both stream offsets.
 */
final class StreamLosses {
    /** A connection's two ends, either of which may not exist yet. */
    private static final class Pair {
        TcpEndpoint server;
        TcpEndpoint client;
    }

    private final Map<Integer, Pair> open = new HashMap<>();
    private long lostBytes;

    void accepted(TcpEndpoint server) {
        open.computeIfAbsent(server.connection(), c -> new Pair()).server = server;
        settle();
    }

    void connected(TcpEndpoint client) {
        open.computeIfAbsent(client.connection(), c -> new Pair()).client = client;
        settle();
    }

    /** Bytes lost on connections that have ended, up to now. */
    long lostBytes() {
        settle();
        return lostBytes;
    }

    /** Moves ended connections from the open ones to the total, so memory stays bounded. */
    private void settle() {
        for (Iterator<Pair> it = open.values().iterator(); it.hasNext(); ) {
            Pair p = it.next();
            if (p.client != null && (p.client.closedByApp() || p.client.state() == TcpState.CLOSED)) {
                if (p.server != null) {
                    lostBytes += Math.max(0, p.server.sendBuffer().end() - p.client.receiveBuffer().readOffset());
                }
                it.remove();
            }
        }
    }
}
