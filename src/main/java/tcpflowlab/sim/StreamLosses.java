package tcpflowlab.sim;

import tcpflowlab.sim.tcp.TcpEndpoint;
import tcpflowlab.sim.tcp.TcpState;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bytes the server application wrote on a connection that the client application never read:
 * lost when the connection ended under them (a reset discards both queues, a close() with data
 * unread, a server that closed before its send queue drained). While the run goes, only what
 * can no longer arrive counts: once the connection is CLOSED, what the client's kernel still
 * holds can be read (recv() drains the queue before it reports the reset), so it counts only
 * when the client closes the socket or the run ends. The count never falls, so it can be drawn
 * as it grows; bytes still on their way on an open connection are never counted as lost. Only
 * the Model sees both stream offsets.
 */
final class StreamLosses {
    /** A connection's two ends, either of which may not exist yet. */
    private static final class Pair {
        TcpEndpoint server;
        TcpEndpoint client;
    }

    /**
     * Linked, so the two walks per sampling period cost the one or two connections open, not a
     * scan of the table's empty buckets (the sums do not depend on the order).
     */
    private final Map<Integer, Pair> open = new LinkedHashMap<>();
    private long lostBytes;

    void accepted(TcpEndpoint server) {
        open.computeIfAbsent(server.connection(), c -> new Pair()).server = server;
        settle();
    }

    void connected(TcpEndpoint client) {
        open.computeIfAbsent(client.connection(), c -> new Pair()).client = client;
        settle();
    }

    /**
     * Bytes lost on connections that have ended, up to now; {@code runOver}: the run has ended,
     * so what a closed connection still holds for the client will never be read either.
     */
    long lostBytes(boolean runOver) {
        settle();
        long total = lostBytes;
        for (Pair p : open.values()) {
            if (p.server != null && p.client != null && p.client.state() == TcpState.CLOSED) {
                long readable = p.client.receiveBuffer().readOffset() + (runOver ? 0 : p.client.receiveBuffer().used());
                total += Math.max(0, p.server.sendBuffer().end() - readable);
            }
        }
        return total;
    }

    /** Moves connections the client closed from the open ones to the total, so memory stays bounded. */
    private void settle() {
        for (Iterator<Pair> it = open.values().iterator(); it.hasNext(); ) {
            Pair p = it.next();
            if (p.client != null && p.client.closedByApp()) {
                if (p.server != null) {
                    lostBytes += Math.max(0, p.server.sendBuffer().end() - p.client.receiveBuffer().readOffset());
                }
                it.remove();
            }
        }
    }
}
