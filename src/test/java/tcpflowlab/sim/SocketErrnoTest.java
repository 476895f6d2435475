package tcpflowlab.sim;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.sim.tcp.EndpointSettings;
import tcpflowlab.sim.tcp.Host;
import tcpflowlab.sim.tcp.TcpEndpoint;
import tcpflowlab.sim.tcp.TcpState;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpFlags;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The socket calls' errno order after a reset, one call at a time, as measured on Linux:
 * pending ECONNRESET reported once, then EPIPE on send; recv returns queued data, then
 * ECONNRESET once (if not yet reported), then 0; getpeername/shutdown give ENOTCONN.
 */
class SocketErrnoTest {
    private Simulator sim;
    private RecordingSink rec;
    private Host server;
    private Host client;
    private Scenario scenario;
    private final byte[] buf = new byte[100_000];

    @BeforeEach
    void setUp() {
        sim = new Simulator();
        rec = new RecordingSink();
        Telemetry telemetry = new Telemetry(sim, List.of(rec));
        AtomicLong iss = new AtomicLong(1000);
        server = new Host(sim, Side.SERVER, telemetry, () -> iss.addAndGet(7919));
        client = new Host(sim, Side.CLIENT, telemetry, () -> iss.addAndGet(7919));
        scenario = Scenarios.defaults("sockets.clientRcvBuf=8192");
        Host.connect(sim, server, client, scenario::link);
    }

    private TcpEndpoint[] connect() {
        server.listen(5000, () -> EndpointSettings.of(scenario.sockets(), Side.SERVER, scenario::sockets));
        TcpEndpoint c = client.connect(1, 40000, 5000,
                EndpointSettings.of(scenario.sockets(), Side.CLIENT, scenario::sockets), () -> { });
        sim.runUntil(1_000_000);
        TcpEndpoint s = server.accept();
        assertEquals(TcpState.ESTABLISHED, c.state());
        assertEquals(TcpState.ESTABLISHED, s.state());
        return new TcpEndpoint[] {s, c};
    }

    @Test
    void closeWithUnreadDataSendsRstAndTheClientSeesResetOnceThenEpipe() {
        TcpEndpoint[] pair = connect();
        TcpEndpoint s = pair[0];
        TcpEndpoint c = pair[1];
        assertEquals(100, s.send(new byte[100], 0, 100));
        assertEquals(17, c.send(new byte[17], 0, 17)); // a reply the server never reads
        sim.runUntil(2_000_000);
        assertEquals(0, s.close());
        assertTrue(rec.segments.stream().anyMatch(x -> x.from() == Side.SERVER && x.has(TcpFlags.RST)),
                "close() with unread data sends RST");
        assertTrue(rec.segments.stream().noneMatch(x -> x.from() == Side.SERVER && x.has(TcpFlags.FIN)));
        sim.runUntil(3_000_000);
        assertEquals(TcpState.CLOSED, c.state());

        assertEquals(Errno.ECONNRESET.asReturn(), c.send(new byte[17], 0, 17), "first send: ECONNRESET");
        assertEquals(Errno.EPIPE.asReturn(), c.send(new byte[17], 0, 17), "later sends: EPIPE");
        assertEquals(Errno.EPIPE.asReturn(), c.send(new byte[17], 0, 17));
        assertEquals(Errno.ENOTCONN.asReturn(), c.getpeername());
        assertEquals(Errno.ENOTCONN.asReturn(), c.shutdownWrite());
        assertEquals(100, c.recv(buf, 0, buf.length), "queued data stays readable");
        assertEquals(0, c.recv(buf, 0, buf.length), "reset already reported: end of stream");
    }

    @Test
    void recvDrainsQueuedDataThenReportsTheResetOnceThenZero() {
        TcpEndpoint[] pair = connect();
        TcpEndpoint s = pair[0];
        TcpEndpoint c = pair[1];
        s.send(new byte[50], 0, 50);
        c.send(new byte[5], 0, 5);
        sim.runUntil(2_000_000);
        s.close();
        sim.runUntil(3_000_000);
        assertEquals(30, c.recv(buf, 0, 30));
        assertEquals(20, c.recv(buf, 0, 30));
        assertEquals(Errno.ECONNRESET.asReturn(), c.recv(buf, 0, 30));
        assertEquals(0, c.recv(buf, 0, 30));
        assertEquals(0, c.recv(buf, 0, 30));
        assertEquals(Errno.EPIPE.asReturn(), c.send(new byte[1], 0, 1));
    }

    @Test
    void closeWithoutUnreadDataSendsFinAndThePeerReadsEndOfStream() {
        TcpEndpoint[] pair = connect();
        TcpEndpoint s = pair[0];
        TcpEndpoint c = pair[1];
        s.send(new byte[10], 0, 10);
        sim.runUntil(2_000_000);
        s.close();
        sim.runUntil(3_000_000);
        assertTrue(rec.segments.stream().anyMatch(x -> x.from() == Side.SERVER && x.has(TcpFlags.FIN)));
        assertTrue(rec.segments.stream().noneMatch(x -> x.has(TcpFlags.RST)));
        assertEquals(10, c.recv(buf, 0, 100));
        assertEquals(0, c.recv(buf, 0, 100));
        assertEquals(TcpState.CLOSE_WAIT, c.state());
        assertEquals(0, c.getpeername(), "a half-closed connection still has a peer");
    }

    @Test
    void resetAfterThePeersFinIsReportedAsEpipe() {
        TcpEndpoint[] pair = connect();
        TcpEndpoint s = pair[0];
        TcpEndpoint c = pair[1];
        s.close(); // FIN: the client is in CLOSE_WAIT
        sim.runUntil(2_000_000);
        assertEquals(TcpState.CLOSE_WAIT, c.state());
        assertEquals(3, c.send(new byte[3], 0, 3)); // data to a closed socket provokes a RST
        sim.runUntil(3_000_000);
        assertEquals(TcpState.CLOSED, c.state());
        assertEquals(Errno.EPIPE.asReturn(), c.send(new byte[3], 0, 3), "CLOSE_WAIT + RST -> EPIPE, not ECONNRESET");
    }

    @Test
    void lingerZeroAlwaysResets() {
        TcpEndpoint[] pair = connect();
        pair[0].setLingerZero(true);
        pair[0].close();
        assertTrue(rec.segments.stream().anyMatch(x -> x.from() == Side.SERVER && x.has(TcpFlags.RST)));
    }

    @Test
    void connectingToAPortNobodyListensOnIsRefused() {
        TcpEndpoint c = client.connect(1, 40000, 5001,
                EndpointSettings.of(scenario.sockets(), Side.CLIENT, scenario::sockets), () -> { });
        sim.runUntil(1_000_000);
        assertEquals(TcpState.CLOSED, c.state());
        assertEquals(Errno.ECONNREFUSED.asReturn(), c.takeError());
        assertEquals(Errno.ENOTCONN.asReturn(), c.getpeername());
    }

    @Test
    void nonBlockingSendReportsEagainWhenTheBufferIsFull() {
        TcpEndpoint[] pair = connect();
        TcpEndpoint s = pair[0];
        long capacity = s.sendBuffer().capacity() + pair[1].receiveBuffer().capacity();
        long written = 0;
        int n;
        while ((n = s.send(buf, 0, 13)) > 0) {
            written += n;
            sim.runUntil(sim.now() + 1_000);
        }
        assertEquals(Errno.EAGAIN.asReturn(), n);
        // The send buffer fills whole; the receiver takes less than its memory in payload, since
        // Linux charges every small segment its bookkeeping too.
        long received = pair[1].receiveBuffer().used();
        assertTrue(written > s.sendBuffer().capacity() && received > 0,
                "send buffer and part of the receive buffer filled before EAGAIN: " + written + " of " + capacity);
        assertTrue(written <= capacity + 13);
    }
}
