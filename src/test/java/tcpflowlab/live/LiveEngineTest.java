package tcpflowlab.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.engine.RunState;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Live engine on the real kernel, loopback only, each run bounded by its scenario's duration. */
class LiveEngineTest {
    private static final ScenarioCodec CODEC = new ScenarioCodec();

    /** Keeps what a live run reports (three threads report, serialized by the engine). */
    static final class Recorded implements TelemetrySink {
        final List<TcpEvent> events = Collections.synchronizedList(new ArrayList<>());
        final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onEvent(TcpEvent e) {
            events.add(e);
        }

        @Override
        public void onSample(Sample s) {
            samples.add(s);
        }

        List<TcpEvent> of(EventKind kind) {
            synchronized (events) {
                return events.stream().filter(e -> e.kind() == kind).toList();
            }
        }
    }

    private static Scenario preset(String name, String... overrides) {
        return CODEC.withOverrides(new Presets(CODEC).load(name), List.of(overrides));
    }

    private static Recorded run(Scenario s, LiveOptions options) throws InterruptedException {
        Recorded rec = new Recorded();
        LiveRun run = new LiveRun(s, List.of(rec), options, CODEC);
        run.start();
        assertTrue(run.awaitEnd(Math.round(s.run().durationS() * 1000) + 15_000), "the run ends by itself");
        assertEquals(RunState.FINISHED, run.state(), "failure: " + run.failure());
        return rec;
    }

    @Test
    @Timeout(60)
    void theStoryOnTheRealKernel() throws Exception {
        // SO_SNDBUF 16 KiB, SO_RCVBUF 8 KiB, read 10 B, 5 ms of work: the seed-buggy preset.
        Recorded rec = run(preset("seed-buggy", "run.durationS=6", "client.reconnect=false"), LiveOptions.both());
        assertFalse(rec.of(EventKind.EAGAIN).isEmpty(), "no EAGAIN in 6 s; events: " + rec.events);
        TcpEvent eagain = rec.of(EventKind.EAGAIN).get(0);
        assertEquals(Side.SERVER, eagain.side());
        // The stall, as this connection's own wire shows it: the client's window closes, or
        // shrinks to a sliver the server's silly-window avoidance will not fill (Linux need not
        // advertise an exact 0 before the server's EAGAIN: the capture of the story shows both).
        synchronized (rec.samples) {
            long smallest = rec.samples.stream().filter(s -> s.timeNanos() < eagain.timeNanos() && s.clientReceiveCapacity() > 0)
                    .mapToLong(Sample::advertisedWindow).min().orElse(Long.MAX_VALUE);
            long capacity = rec.samples.stream().mapToLong(Sample::clientReceiveCapacity).max().orElse(0);
            assertTrue(smallest <= capacity / 4, "the client's window before EAGAIN never fell below a quarter of its "
                    + capacity + " B buffer: smallest " + smallest);
        }
        rec.of(EventKind.ZERO_WINDOW).stream().findFirst().ifPresent(zero -> assertTrue(
                zero.timeNanos() < eagain.timeNanos() + 1_000_000_000L, "a zero window belongs to the stall"));
        synchronized (rec.samples) {
            assertTrue(rec.samples.stream().anyMatch(s -> s.timeNanos() < eagain.timeNanos() && s.clientReceiveQueue() > 0),
                    "rx_queue was non-zero before EAGAIN");
        }
        assertTrue(rec.of(EventKind.DISCONNECT).stream().anyMatch(e -> e.side() == Side.SERVER
                && e.timeNanos() >= eagain.timeNanos()), "the server closed after EAGAIN");
        assertFalse(rec.of(EventKind.RST_SENT).isEmpty(), "TCPAbortOnClose: the kernel sent RST");
        List<TcpEvent> errors = rec.of(EventKind.SOCKET_ERROR).stream().filter(e -> e.side() == Side.CLIENT).toList();
        // The reset may land between a send and the logging getpeername() (ENOTCONN first);
        // among the data calls, ECONNRESET comes first.
        List<TcpEvent> dataCalls = errors.stream()
                .filter(e -> e.detail().startsWith("send()") || e.detail().startsWith("recv()")).toList();
        assertEquals(Errno.ECONNRESET, dataCalls.get(0).errno(), "first the reset: " + errors);
        // The wire's RST and the application's ECONNRESET are on one time line: the capture's
        // times follow the run's clock (which stood still while the capture started), so the
        // RST is seen no later than the error it causes (a little slack for the two clocks).
        long rst = rec.of(EventKind.RST_SENT).get(0).timeNanos();
        assertTrue(rst <= dataCalls.get(0).timeNanos() + 20_000_000L,
                "RST on the wire at " + rst + " ns, after the client's ECONNRESET at " + dataCalls.get(0).timeNanos());
        assertTrue(dataCalls.get(0).timeNanos() > eagain.timeNanos());
        assertTrue(errors.stream().anyMatch(e -> e.errno() == Errno.EPIPE && e.detail().startsWith("send()")),
                "later sends: EPIPE");
        assertTrue(errors.stream().anyMatch(e -> e.errno() == Errno.ENOTCONN && e.detail().startsWith("getpeername()")),
                "getpeername: ENOTCONN");
        int reset = errors.indexOf(errors.stream().filter(e -> e.errno() == Errno.ECONNRESET).findFirst().orElseThrow());
        int pipe = errors.indexOf(errors.stream().filter(e -> e.errno() == Errno.EPIPE).findFirst().orElseThrow());
        assertTrue(reset < pipe, "104 before 32");
    }

    @Test
    @Timeout(60)
    void theDrainingClientRunsTenSecondsWithoutAReset() throws Exception {
        Recorded rec = run(preset("seed-fixed", "run.durationS=10"), LiveOptions.both());
        assertTrue(rec.of(EventKind.SOCKET_ERROR).isEmpty(), "no socket error: " + rec.of(EventKind.SOCKET_ERROR));
        assertTrue(rec.of(EventKind.EAGAIN).isEmpty());
        assertTrue(rec.of(EventKind.DISCONNECT).isEmpty());
        synchronized (rec.samples) {
            Sample last = rec.samples.get(rec.samples.size() - 1);
            assertTrue(last.appBytesRead() > 500_000, "the client kept reading: " + last.appBytesRead());
        }
    }

    @Test
    @Timeout(60)
    void backpressureNeverResets() throws Exception {
        Recorded rec = run(preset("backpressure", "run.durationS=5"), LiveOptions.both());
        assertFalse(rec.of(EventKind.EAGAIN).isEmpty(), "the server stalled on a full send buffer");
        assertTrue(rec.of(EventKind.SOCKET_ERROR).isEmpty(), "" + rec.of(EventKind.SOCKET_ERROR));
        assertTrue(rec.of(EventKind.DISCONNECT).isEmpty());
    }

    @Test
    @Timeout(30)
    void aPortInUseIsReportedClearly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            LiveRun run = new LiveRun(preset("seed-buggy"), List.of(),
                    LiveOptions.serverOnly(new InetSocketAddress("127.0.0.1", taken.getLocalPort())), CODEC);
            run.start();
            assertEquals(RunState.FAILED, run.state());
            assertTrue(run.failure().contains("EADDRINUSE (98)") && run.failure().contains("port is in use"),
                    run.failure());
            assertTrue(run.failure().contains("127.0.0.1:" + taken.getLocalPort()), run.failure());
        }
    }

    @Test
    @Timeout(30)
    void aRefusedConnectionIsAnEventWithItsErrno() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Recorded rec = run(preset("seed-buggy", "run.durationS=1", "client.reconnect=false"),
                LiveOptions.clientOnly(new InetSocketAddress("127.0.0.1", port)));
        TcpEvent failed = rec.of(EventKind.CONNECT_FAILED).get(0);
        assertEquals(Errno.ECONNREFUSED, failed.errno());
        assertTrue(failed.detail().contains("ECONNREFUSED (111) Connection refused"), failed.detail());
    }

    @Test
    void addressesParseAndRefuseNonsense() {
        assertEquals(new InetSocketAddress("127.0.0.1", 5000), LiveOptions.parseAddress("5000", "--listen"));
        assertEquals(5001, LiveOptions.parseAddress("0.0.0.0:5001", "--listen").getPort());
        assertEquals(5002, LiveOptions.parseAddress("[::1]:5002", "--listen").getPort());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LiveOptions.parseAddress("host:99999", "--connect"));
        assertTrue(e.getMessage().contains("--connect 'host:99999'"));
    }
}
