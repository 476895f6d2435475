package tcpflowlab.sim.tcp;

import tcpflowlab.sim.SimEvent;
import tcpflowlab.sim.Simulator;
import tcpflowlab.sim.Telemetry;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import static tcpflowlab.telemetry.TcpFlags.ACK;
import static tcpflowlab.telemetry.TcpFlags.FIN;
import static tcpflowlab.telemetry.TcpFlags.RST;
import static tcpflowlab.telemetry.TcpFlags.SYN;

/**
 * One host's TCP layer: demultiplexes arriving segments to endpoints by port pair, runs the
 * listening socket (SYN creates an endpoint, the final ACK queues it for accept()), and answers
 * segments for connections it does not know with RST, as a kernel does.
 */
public final class Host {
    private final Simulator sim;
    private final Side side;
    private final Telemetry telemetry;
    private final LongSupplier initialSequence;
    private final Map<Long, TcpEndpoint> endpoints = new HashMap<>();
    private final ArrayDeque<TcpEndpoint> acceptQueue = new ArrayDeque<>();
    private Link out;
    private int listenPort = -1;
    private Supplier<EndpointSettings> listenSettings;
    private SimEvent acceptWaiter;

    public Host(Simulator sim, Side side, Telemetry telemetry, LongSupplier initialSequence) {
        this.sim = sim;
        this.side = side;
        this.telemetry = telemetry;
        this.initialSequence = initialSequence;
    }

    /** Connects two hosts with a link each way. */
    public static void connect(Simulator sim, Host a, Host b,
                               Supplier<tcpflowlab.scenario.LinkConfig> config) {
        a.out = new Link(sim, config, b);
        b.out = new Link(sim, config, a);
    }

    public Link outgoingLink() {
        return out;
    }

    /** listen(): SYNs to {@code port} create endpoints with the settings current at that moment. */
    public void listen(int port, Supplier<EndpointSettings> settings) {
        this.listenPort = port;
        this.listenSettings = settings;
    }

    public void stopListening() {
        listenPort = -1;
        acceptWaiter = null;
    }

    public boolean isListening() {
        return listenPort >= 0;
    }

    /** accept(): an established connection, or null when none is queued. */
    public TcpEndpoint accept() {
        return acceptQueue.poll();
    }

    /** Runs the event once, as soon as a connection is queued for accept(). */
    public void onAcceptable(SimEvent event) {
        if (!acceptQueue.isEmpty()) {
            sim.schedule(sim.now(), event);
        } else {
            acceptWaiter = event;
        }
    }

    /** connect(): starts the handshake; {@code onDone} runs when it completes or fails. */
    public TcpEndpoint connect(int connection, int localPort, int remotePort,
                               EndpointSettings settings, SimEvent onDone) {
        TcpEndpoint e = new TcpEndpoint(this, sim, telemetry, side, connection, localPort, remotePort,
                settings, initialSequence.getAsLong());
        endpoints.put(key(localPort, remotePort), e);
        e.activeOpen(onDone);
        return e;
    }

    void receive(Segment s) {
        TcpEndpoint e = endpoints.get(key(s.dstPort, s.srcPort));
        if (e != null) {
            e.onSegment(s);
            return;
        }
        if (s.has(SYN) && !s.has(ACK) && s.dstPort == listenPort) {
            TcpEndpoint passive = new TcpEndpoint(this, sim, telemetry, side, s.connection, s.dstPort,
                    s.srcPort, listenSettings.get(), initialSequence.getAsLong());
            endpoints.put(key(s.dstPort, s.srcPort), passive);
            passive.passiveOpen(s);
            return;
        }
        if (!s.has(RST)) {
            sendReset(s);
        }
    }

    /** A reset for a segment that belongs to no connection here (RFC 793, "reset generation"). */
    void sendReset(Segment s) {
        long seq32;
        long ack32;
        int flags;
        long seqOffset;
        long ackOffset;
        long consumed = s.length + (s.has(SYN) ? 1 : 0) + (s.has(FIN) ? 1 : 0);
        if (s.has(ACK)) {
            seq32 = s.ack32;
            ack32 = 0;
            flags = RST;
            seqOffset = s.ack;
            ackOffset = 0;
        } else {
            seq32 = 0;
            ack32 = (s.seq32 + consumed) & 0xFFFF_FFFFL;
            flags = RST | ACK;
            seqOffset = 0;
            ackOffset = s.seq + consumed;
        }
        Segment rst = new Segment(s.connection, side, s.dstPort, s.srcPort, seqOffset, ackOffset, 0,
                flags, 0, null, 0, -1);
        transmit(rst, seq32, ack32, "RST: no such connection");
    }

    void transmit(Segment s, long seq32, long ack32, String note) {
        s.seq32 = seq32;
        s.ack32 = ack32;
        if (telemetry.wantsSegments()) {
            byte[] payload = null;
            if (s.length > 0 && telemetry.wantsPayloads()) {
                payload = new byte[s.length];
                s.source.copy(s.seq, payload, 0, s.length);
            }
            telemetry.segment(new SegmentRecord(sim.now(), s.connection, side, s.srcPort, s.dstPort,
                    seq32, s.has(ACK) ? ack32 : 0, s.window, s.flags, s.length, payload, note,
                    s.mssOption, s.windowScaleOption));
        }
        out.transmit(s);
    }

    void established(TcpEndpoint e) {
        if (!isListening()) {
            return;
        }
        acceptQueue.add(e);
        if (acceptWaiter != null) {
            SimEvent w = acceptWaiter;
            acceptWaiter = null;
            sim.schedule(sim.now(), w);
        }
    }

    void unregister(TcpEndpoint e) {
        endpoints.remove(key(e.localPort(), e.remotePort()));
    }

    public Side side() {
        return side;
    }

    private static long key(int localPort, int remotePort) {
        return ((long) localPort << 32) | (remotePort & 0xFFFF_FFFFL);
    }
}
