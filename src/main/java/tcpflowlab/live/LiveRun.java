package tcpflowlab.live;

import tcpflowlab.live.host.Addresses;
import tcpflowlab.live.host.EventLoop;
import tcpflowlab.live.host.HostFailure;
import tcpflowlab.live.host.KernelRows;
import tcpflowlab.live.host.LiveHost;
import tcpflowlab.live.host.LiveWorld;
import tcpflowlab.live.host.RunClock;
import tcpflowlab.live.wire.ConnectionTruth;
import tcpflowlab.live.wire.KernelFlowLimit;
import tcpflowlab.live.wire.ConnectionTruths;
import tcpflowlab.live.wire.TruthOptions;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.scenario.OverflowPolicy;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.engine.ScenarioKnobs;
import tcpflowlab.sim.app.ClientApp;
import tcpflowlab.sim.app.ConnectionSampler;
import tcpflowlab.sim.app.ServerApp;
import tcpflowlab.sim.app.ServerSide;
import tcpflowlab.sim.app.SpillServerApp;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.engine.Knobs;
import tcpflowlab.engine.Run;
import tcpflowlab.engine.RunState;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.SummaryCollector;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Live engine: the Model's own applications ({@link ServerApp} or {@link SpillServerApp},
 * {@link ClientApp}) over real sockets through the operating system's TCP stack, on loopback by
 * default. Each side runs on its own real-time {@link EventLoop} through a {@link LiveHost}; a
 * third thread reads the kernel's view of the connection from /proc every 10 ms. Time is the
 * wall clock, stopped while paused; step and speed do not apply. Pause holds both applications
 * (no socket call, no timer) while the kernels go on delivering, acknowledging and probing.
 */
public final class LiveRun implements Run {
    /**
     * One side's half of the current connection, registered by that side's host: which
     * ports to look for in /proc, and the buffer size the kernel reports.
     */
    record Half(int id, int localPort, int remotePort, long bufferBytes) {
    }

    /** How long pause() waits for the loops to finish the callback they are in. */
    private static final long PAUSE_HANDSHAKE_MILLIS = 2_000;

    private final ScenarioKnobs knobs;
    private final LiveOptions options;
    private final RunClock clock;
    private final LiveTelemetry telemetry;
    private final SummaryCollector collector = new SummaryCollector();
    private final Path procRoot;
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private final List<EventLoop> loops = new java.util.concurrent.CopyOnWriteArrayList<>(); // read by the UI thread
    private final Object pauseLock = new Object();
    private final World world = new World();
    private volatile Scenario current;
    private volatile RunState state = RunState.READY;
    private volatile String failure;
    private volatile Half serverHalf;
    private volatile Half clientHalf;
    private volatile int listenPort = -1;
    private volatile ServerSide server;
    private volatile ClientApp client;
    private volatile LiveHost clientHost;
    private ProcRows rows;
    private volatile ConnectionTruth truth;
    private volatile Path captureCopy;

    public LiveRun(Scenario scenario, List<TelemetrySink> sinks, LiveOptions options, ScenarioCodec codec) {
        this(scenario, sinks, options, codec, Path.of("/proc"));
    }

    LiveRun(Scenario scenario, List<TelemetrySink> sinks, LiveOptions options, ScenarioCodec codec, Path procRoot) {
        codec.validate(scenario);
        this.current = scenario;
        this.knobs = new ScenarioKnobs(codec, scenario);
        this.options = options;
        this.procRoot = procRoot;
        this.clock = new RunClock((options.runsServer() ? 1 : 0) + (options.runsClient() ? 1 : 0));
        List<TelemetrySink> all = new ArrayList<>(sinks);
        all.add(collector);
        this.telemetry = new LiveTelemetry(all, clock::now);
    }

    @Override
    public void start() {
        synchronized (this) {
            if (state != RunState.READY) {
                if (state == RunState.PAUSED) {
                    resume();
                }
                return;
            }
            state = RunState.RUNNING;
        }
        // Not holding the monitor from here on: a server that fails to bind reports through
        // finish(), which needs it, while this thread waits for "listening".
        rows = new ProcRows(procRoot);
        LiveSpillStore spill = null;
        if (options.runsServer()) {
            EventLoop loop = newLoop("live-server");
            LiveHost host = LiveHost.server(loop, world, options.listen());
            if (current.server().overflowPolicy() == OverflowPolicy.SPILL) {
                try {
                    spill = LiveSpillStore.open(options.spillDir(), current.server().spillCapacityBytes(), telemetry);
                } catch (IOException e) {
                    fail("server: " + LiveErrno.describe(e));
                    return;
                }
                loop.everyTurn(spill::onLoopTurn);
                loop.atExit(spill::close);
                server = new SpillServerApp(host, spill.queue());
            } else {
                server = new ServerApp(host);
            }
            loop.schedule(0, server::start);
            loop.start();
            try {
                if (!listening.await(10, TimeUnit.SECONDS)) {
                    fail("the server did not start listening within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (state == RunState.FAILED) {
                return;
            }
        }
        // Before the client connects, so that a capture sees the handshake. Starting dumpcap
        // takes up to a second: the run's clock stands still meanwhile (the server, listening,
        // holds like in a pause), so a run of S seconds still gives its applications S seconds.
        if (options.kernelTelemetry()) {
            clock.pause();
            try {
                truth = openTruth();
            } finally {
                clock.resume();
            }
        }
        if (options.runsClient()) {
            InetSocketAddress target = options.runsServer()
                    ? new InetSocketAddress("127.0.0.1", listenPort) : options.connect();
            EventLoop loop = newLoop("live-client");
            clientHost = LiveHost.client(loop, world, target, options.connectTimeout());
            client = new ClientApp(clientHost);
            loop.schedule(0, client::start);
            loop.start();
        }
        ConnectionSampler sampler = new ConnectionSampler(server, client, spill != null ? spill : ConnectionSampler.NO_SPILL);
        ConnectionTruth t = truth;
        if (t != null) {
            KernelProbe probe = new KernelProbe(this, rows, t::clientWindow, rows.available(), sampler,
                    flowLimit());
            spawn("kernel-probe", probe::run);
        }
        spawn("live-clock", this::watchDuration);
    }

    /**
     * What held the server's sender back, from its socket's own TCP_INFO times (read on a thread
     * of its own); always UNKNOWN where the kernel does not keep them or this run has no server.
     */
    private java.util.function.Supplier<tcpflowlab.telemetry.FlowLimit> flowLimit() {
        java.util.Optional<String> why = KernelFlowLimit.unavailable(System.getProperty("os.name", ""),
                System.getProperty("os.version", ""));
        if (!options.runsServer() || why.isPresent()) {
            telemetry.event(Side.SERVER, EventKind.LISTEN, null, 0, 0, why.orElse(
                    "the kernel does not report what limits the flow: this run has no server socket of its own"));
            return () -> tcpflowlab.telemetry.FlowLimit.UNKNOWN;
        }
        KernelFlowLimit limit = new KernelFlowLimit(listenPort, () -> {
            Half s = serverHalf;
            return s == null ? null : new int[] {s.localPort(), s.remotePort()};
        });
        spawn("flow-limit", () -> limit.run(this::isRunning));
        return limit::latest;
    }

    /**
     * Where this run's segments and kernel events come from: a loopback capture of its own ports
     * when permitted (and the peer is on loopback, which is all the capture sees), else each
     * connection's own /proc/net/tcp row and ss -tin. Never host-wide counters: those count
     * every connection on the machine.
     */
    private ConnectionTruth openTruth() {
        InetSocketAddress where = options.runsServer() ? options.listen() : options.connect();
        int port = options.runsServer() ? listenPort : where.getPort();
        boolean loopback = where.getAddress() != null && where.getAddress().isLoopbackAddress();
        TruthOptions.CaptureChoice capture = options.captureAllowed() && loopback
                ? TruthOptions.CaptureChoice.WHEN_PERMITTED : TruthOptions.CaptureChoice.OFF;
        TruthOptions o = TruthOptions.forPort(port).withCapture(capture).withProcRoot(procRoot);
        if (captureCopy != null) {
            o = o.withCaptureCopy(captureCopy);
        }
        ConnectionTruth t = ConnectionTruths.open(o, new TelemetrySink() {
            @Override
            public void onEvent(TcpEvent e) {
                if (isRunning()) {
                    telemetry.event(e);
                }
            }

            @Override
            public void onSegment(SegmentRecord r) {
                if (isRunning()) {
                    telemetry.segment(r);
                }
            }
        }, clock::now);
        telemetry.event(Side.SERVER, EventKind.LISTEN, null, 0, 0, "kernel events and the window " + t.description());
        return t;
    }

    /** Where this run's kernel events come from, in one line for the UI; null before start. */
    public String telemetrySource() {
        ConnectionTruth t = truth;
        return t == null ? null : t.description();
    }

    /**
     * Keep the raw loopback capture of the run (pcapng) in {@code file}, when a capture is
     * permitted; call before {@link #start}.
     */
    public void keepCapture(Path file) {
        captureCopy = file;
    }

    /** Whether the run's segments come from a loopback capture (else from polling /proc and ss). */
    public boolean captured() {
        ConnectionTruth t = truth;
        return t != null && t.source() == ConnectionTruth.Source.CAPTURE;
    }

    private EventLoop newLoop(String name) {
        EventLoop loop = new EventLoop(name, clock, e -> fail(e instanceof HostFailure
                ? e.getMessage() : name + " failed: " + e));
        loops.add(loop);
        return loop;
    }

    private void spawn(String name, Runnable r) {
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (RuntimeException | Error e) {
                fail(name + " failed: " + e);
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void watchDuration() {
        long end = Math.round(current.run().durationS() * 1e9);
        while (isRunning()) {
            long left = end - telemetry.now();
            if (left <= 0) {
                telemetry.event(Side.SERVER, EventKind.RUN_END, null, 0, 0,
                        "end of the run after " + current.run().durationS() + " s of wall-clock time");
                finish(RunState.FINISHED);
                return;
            }
            sleepNanos(Math.min(left, 50_000_000L));
        }
    }

    /**
     * Holds both applications between two callbacks (no socket call, no timer) and stops the
     * run's clock; the kernels go on. Returns once both loops hold (bounded).
     */
    @Override
    public void pause() {
        synchronized (pauseLock) {
            if (state != RunState.RUNNING) {
                return;
            }
            clock.pause();
            state = RunState.PAUSED;
        }
        loops.forEach(EventLoop::wakeup);
        try {
            clock.awaitHeld(PAUSE_HANDSHAKE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void resume() {
        synchronized (pauseLock) {
            if (state == RunState.PAUSED) {
                state = RunState.RUNNING;
                clock.resume();
            }
        }
    }

    private void applyKnobs() {
        if (knobs.hasPending()) {
            synchronized (this) {
                current = knobs.apply(current, (f, text) -> telemetry.event(
                        f.group().equals("client") ? Side.CLIENT : Side.SERVER, EventKind.KNOB_CHANGED, null, 0,
                        connections.get(), text));
            }
        }
    }

    /** Live runs cannot step: time is the kernel's, and a paused run's kernel goes on. */
    @Override
    public boolean runUntil(StopCondition condition) {
        return false;
    }

    @Override
    public void stop() {
        finish(RunState.STOPPED);
    }

    /** Stops the run and says why in the event log (a signal, an output that failed). */
    public void stop(String why) {
        if (isRunning()) {
            telemetry.event(Side.SERVER, EventKind.RUN_END, null, 0, 0, why);
        }
        finish(RunState.STOPPED);
    }

    /**
     * After the end, waits (bounded) for the run's threads to finish their own cleanup: a server
     * removes its temporary spill directory on its way out. True when all have ended.
     */
    public boolean awaitThreads(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        boolean all = true;
        for (EventLoop loop : loops) {
            all &= loop.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
        }
        for (Thread t : threads) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left > 0) {
                t.join(left);
            }
        }
        return all && threads.stream().noneMatch(Thread::isAlive);
    }

    private void finish(RunState end) {
        synchronized (this) {
            if (state == RunState.FINISHED || state == RunState.STOPPED || state == RunState.FAILED) {
                return;
            }
            state = end;
        }
        // The loops close their sockets on the way out: closing is not an event of the run.
        loops.forEach(EventLoop::stop);
        ConnectionTruth t = truth;
        if (t != null) {
            t.close();
        }
        clock.resume();
        listening.countDown();
        ended.countDown();
    }

    void fail(String message) {
        if (!isRunning() && state != RunState.READY) {
            return; // a thread tripping over sockets closed by stop() is not a failure
        }
        failure = message;
        telemetry.event(Side.SERVER, EventKind.RUN_END, null, 0, 0, "the run failed: " + message);
        finish(RunState.FAILED);
    }

    @Override
    public void setSpeed(double factor) {
        // Live runs in real time; the UI disables the control.
    }

    @Override
    public double speed() {
        return 1.0;
    }

    @Override
    public RunState state() {
        return state;
    }

    boolean isRunning() {
        RunState s = state;
        return s == RunState.RUNNING || s == RunState.PAUSED;
    }

    @Override
    public long timeNanos() {
        return telemetry.now();
    }

    @Override
    public Knobs knobs() {
        return knobs;
    }

    @Override
    public boolean awaitEnd(long timeoutMillis) throws InterruptedException {
        boolean done = ended.await(timeoutMillis, TimeUnit.MILLISECONDS);
        if (done) {
            for (EventLoop loop : loops) {
                loop.join(timeoutMillis);
            }
            for (Thread t : threads) {
                t.join(Math.max(1, timeoutMillis));
            }
        }
        return done;
    }

    /** Why the run failed (a port in use, a refused connection ...), when state is FAILED. */
    @Override
    public String failure() {
        return failure;
    }

    /**
     * When this run's client never made a connection: why (the last connect() failure), for a
     * command that must not report success. Empty when it connected or there is no client.
     */
    public Optional<String> clientNeverConnected() {
        LiveHost c = clientHost;
        if (c == null || c.everConnected()) {
            return Optional.empty();
        }
        String why = c.lastConnectFailure();
        return Optional.of(why != null ? why : "no connection to " + Addresses.hostPort(options.connect() != null
                ? options.connect() : options.listen()) + " was made");
    }

    /**
     * Events the applications have run so far on both sides (timers, socket readiness, sends),
     * the Live counterpart of the Model's processed events: the UI's events/s.
     */
    public long eventsProcessed() {
        long n = 0;
        for (EventLoop loop : loops) {
            n += loop.events();
        }
        return n;
    }

    /** The port the server listens on (after start), or -1. */
    public int listenPort() {
        return listenPort;
    }

    // ------------------------------------------------------------------ for the probe and tests

    LiveTelemetry telemetry() {
        return telemetry;
    }

    RunClock clock() {
        return clock;
    }

    int connections() {
        return connections.get();
    }

    Half serverHalf() {
        return serverHalf;
    }

    Half clientHalf() {
        return clientHalf;
    }

    /** The server app (after start), or null. */
    ServerSide server() {
        return server;
    }

    /** The client app (after start), or null. */
    ClientApp client() {
        return client;
    }

    List<EventLoop> loops() {
        return List.copyOf(loops);
    }

    /** Sleeps, returning early when the run ends. */
    void sleepNanos(long nanos) {
        long end = System.nanoTime() + nanos;
        while (isRunning()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(left, 20_000_000L));
        }
    }

    void event(Side side, EventKind kind, Errno errno, long bytes, int conn, String detail) {
        telemetry.event(side, kind, errno, bytes, conn, detail);
    }

    @Override
    public RunSummary summary() {
        SummaryCollector c = collector;
        ServerSide s = server;
        ClientApp cl = client;
        return new RunSummary(current.name(), "live", current.run().seed(), telemetry.now(),
                c.firstZeroWindow(), c.firstEagain(), c.firstRst(), c.firstClientError(),
                s == null ? List.of() : s.errors(), cl == null ? List.of() : cl.errors(),
                s == null ? 0 : s.bytesWritten(), cl == null ? 0 : cl.bytesRead(),
                s == null ? 0 : s.messagesSent(), s == null ? 0 : s.messagesDropped(), connections.get(),
                // segments are this run's own only when captured; polling sees no segment
                c.zeroWindowEvents(), captured() ? c.zeroWindowSegments() : -1, c.probes(),
                captured() ? c.resets() : -1, captured() ? c.segments() : -1, c.events(), -1,
                c.peakSendQueue(), c.peakReceiveQueue(), -1, -1);
    }

    /** What the hosts see of this run. */
    private final class World implements LiveWorld {
        @Override
        public Scenario scenario() {
            return current;
        }

        @Override
        public void applyKnobs() {
            LiveRun.this.applyKnobs();
        }

        @Override
        public void event(Side side, EventKind kind, Errno errno, long bytes, int connection, String detail) {
            // After the end, a loop may finish its callback against sockets the other loop
            // already closed: what it sees then is not part of the run.
            if (isRunning()) {
                telemetry.event(side, kind, errno, bytes, connection, detail);
                ConnectionTruth t = truth;
                if (t != null && errno != null) {
                    t.socketResult(side, connection, errno); // a polling source places the RST by it
                }
            }
        }

        @Override
        public int openConnection() {
            return connections.incrementAndGet();
        }

        @Override
        public int acceptedConnection() {
            return connections.get();
        }

        @Override
        public boolean clientInProcess() {
            return options.runsClient();
        }

        @Override
        public void connected(Side side, int connection, int localPort, int remotePort, long bufferBytes) {
            Half h = new Half(connection, localPort, remotePort, bufferBytes);
            if (side == Side.SERVER) {
                serverHalf = h;
            } else {
                clientHalf = h;
            }
        }

        @Override
        public void listening(int port) {
            listenPort = port;
            listening.countDown();
        }

        @Override
        public KernelRows rows() {
            return rows;
        }
    }
}
