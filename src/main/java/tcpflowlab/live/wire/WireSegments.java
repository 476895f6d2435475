package tcpflowlab.live.wire;

import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpFlags;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns captured segments of the run's ports into the Model's {@link SegmentRecord}s: the side
 * is the server if the segment leaves a server port; a connection is numbered 1, 2, ... per
 * address and port pair in the order its SYN is seen (a new SYN on a reused pair is a new
 * connection, a retransmitted one is not); the window is multiplied by the sender's window
 * scale when both SYNs offered the option (RFC 7323 2.2), and a SYN's window never is. Segments
 * of other ports are not the run's and are dropped here, whatever the capture filter let in.
 * Sequence and acknowledgement numbers stay absolute, as the Model's are. One thread.
 */
public final class WireSegments {
    /** What one connection's handshake said, as far as the capture saw it. */
    private static final class Handshake {
        final int number;
        final long clientIsn;
        int clientScale = -1;
        int serverScale = -1;
        boolean clientSyn;
        boolean serverSyn;

        Handshake(int number, long clientIsn) {
            this.number = number;
            this.clientIsn = clientIsn;
        }

        /** The shift for windows from {@code side}; -1 while the handshake is not known. */
        int shift(Side side) {
            if (!clientSyn || !serverSyn) {
                return -1;
            }
            if (clientScale < 0 || serverScale < 0) {
                return 0;
            }
            return side == Side.CLIENT ? clientScale : serverScale;
        }
    }

    private final Set<Integer> serverPorts;
    private final java.util.function.LongSupplier epochNanosAtStart;
    private final Map<String, Handshake> byPair = new HashMap<>();
    private int connections;
    private long foreign;

    /**
     * @param serverPorts the ports the run's servers listen on (or its client connects to)
     * @param epochNanosAtStart the wall-clock time, in nanoseconds since the epoch, that is the
     *        run's time zero: a segment's time is the capture's timestamp minus this
     */
    public WireSegments(Set<Integer> serverPorts, long epochNanosAtStart) {
        this(serverPorts, () -> epochNanosAtStart);
    }

    /**
     * With the run's origin asked afresh for every packet: a Live run's clock stands still while
     * paused, so the wall-clock instant that is its time 0 moves later by every pause.
     */
    public WireSegments(Set<Integer> serverPorts, java.util.function.LongSupplier epochNanosAtStart) {
        this.serverPorts = Set.copyOf(serverPorts);
        this.epochNanosAtStart = epochNanosAtStart;
    }

    /** The segment as the Model would record it, or {@code null} if it is not the run's. */
    public SegmentRecord place(TcpPacket p) {
        Side from;
        String pair;
        if (serverPorts.contains(p.srcPort())) {
            from = Side.SERVER;
            pair = p.dstAddress() + "." + p.dstPort() + "-" + p.srcAddress() + "." + p.srcPort();
        } else if (serverPorts.contains(p.dstPort())) {
            from = Side.CLIENT;
            pair = p.srcAddress() + "." + p.srcPort() + "-" + p.dstAddress() + "." + p.dstPort();
        } else {
            foreign++;
            return null;
        }
        boolean syn = (p.flags() & TcpFlags.SYN) != 0;
        boolean ack = (p.flags() & TcpFlags.ACK) != 0;
        Handshake h = byPair.get(pair);
        if (from == Side.CLIENT && syn && !ack && (h == null || h.clientIsn != p.seq())) {
            h = new Handshake(++connections, p.seq());
            byPair.put(pair, h);
        } else if (h == null) {
            // the capture began after this connection's SYN: number it now, scale unknown
            h = new Handshake(++connections, -1);
            byPair.put(pair, h);
        }
        if (syn) {
            if (from == Side.CLIENT) {
                h.clientSyn = true;
                h.clientScale = p.windowScaleOption();
            } else {
                h.serverSyn = true;
                h.serverScale = p.windowScaleOption();
            }
        }
        int shift = h.shift(from);
        long window = syn || shift < 0 ? p.window() : (long) p.window() << shift;
        return new SegmentRecord(p.epochNanos() - epochNanosAtStart.getAsLong(), h.number, from, p.srcPort(), p.dstPort(),
                p.seq(), ack ? p.ack() : 0, window, p.flags() & 0x1F, p.payloadLength(), p.payload(), "",
                syn ? p.mssOption() : 0, syn ? p.windowScaleOption() : -1);
    }

    /** Connections numbered so far. */
    public int connections() {
        return connections;
    }

    /** Segments seen that belong to none of the run's ports. */
    public long foreignSegments() {
        return foreign;
    }
}
