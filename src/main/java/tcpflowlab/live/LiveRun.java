package tcpflowlab.live;

import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.engine.ScenarioKnobs;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.engine.Knobs;
import tcpflowlab.engine.Run;
import tcpflowlab.engine.RunState;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.SummaryCollector;
import tcpflowlab.telemetry.TelemetrySink;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Live engine: the same scenario over real sockets through the operating system's TCP
 * stack, on loopback by default. The C-style server and the Python-style client each run on
 * their own thread with Java NIO; a third thread reads the kernel's view of the connection
 * from /proc every 10 ms. Time is the wall clock; step and speed do not apply.
 */
public final class LiveRun implements Run {
    /**
     * One side's half of the current connection, registered by that side's thread: which
     * ports to look for in /proc, and the buffer size the kernel reports.
     */
    record Half(int id, int localPort, int remotePort, long bufferBytes) {
    }

    private final ScenarioKnobs knobs;
    private final LiveOptions options;
    private final LiveTelemetry telemetry;
    private final SummaryCollector collector = new SummaryCollector();
    private final Path procRoot;
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private final Object pauseLock = new Object();
    private volatile Scenario current;
    private volatile RunState state = RunState.READY;
    private volatile boolean paused;
    private volatile String failure;
    private volatile Half serverHalf;
    private volatile Half clientHalf;
    private volatile int listenPort = -1;
    private LiveServer server;
    private LiveClient client;
    private KernelProbe probe;

    public LiveRun(Scenario scenario, List<TelemetrySink> sinks, LiveOptions options, ScenarioCodec codec) {
        this(scenario, sinks, options, codec, Path.of("/proc"));
    }

    LiveRun(Scenario scenario, List<TelemetrySink> sinks, LiveOptions options, ScenarioCodec codec, Path procRoot) {
        codec.validate(scenario);
        this.current = scenario;
        this.knobs = new ScenarioKnobs(codec, scenario);
        this.options = options;
        this.procRoot = procRoot;
        List<TelemetrySink> all = new ArrayList<>(sinks);
        all.add(collector);
        this.telemetry = new LiveTelemetry(all, System::nanoTime);
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
        probe = new KernelProbe(this, procRoot);
        if (options.runsServer()) {
            server = new LiveServer(this, options.listen());
            spawn("live-server", server::run);
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
        if (options.runsClient()) {
            InetSocketAddress target = options.runsServer()
                    ? new InetSocketAddress("127.0.0.1", listenPort) : options.connect();
            client = new LiveClient(this, target);
            spawn("live-client", client::run);
        }
        spawn("kernel-probe", probe::run);
        spawn("live-clock", this::watchDuration);
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

    @Override
    public void pause() {
        synchronized (pauseLock) {
            if (state == RunState.RUNNING) {
                paused = true;
                state = RunState.PAUSED;
            }
        }
    }

    @Override
    public void resume() {
        synchronized (pauseLock) {
            if (state == RunState.PAUSED) {
                paused = false;
                state = RunState.RUNNING;
                pauseLock.notifyAll();
            }
        }
    }

    /** The applications call this before each socket call: waits while paused, applies knobs. */
    Scenario beforeCall() {
        if (paused) {
            synchronized (pauseLock) {
                while (paused && isRunning()) {
                    try {
                        pauseLock.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return current;
                    }
                }
            }
        }
        if (knobs.hasPending()) {
            synchronized (this) {
                current = knobs.apply(current, (f, text) -> telemetry.event(
                        f.group().equals("client") ? Side.CLIENT : Side.SERVER, EventKind.KNOB_CHANGED, null, 0,
                        connections.get(), text));
            }
        }
        return current;
    }

    /** Live runs cannot step: time is the kernel's. */
    @Override
    public boolean step() {
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
        for (Thread t : threads) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left > 0) {
                t.join(left);
            }
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    private void finish(RunState end) {
        synchronized (this) {
            if (state == RunState.FINISHED || state == RunState.STOPPED || state == RunState.FAILED) {
                return;
            }
            state = end;
        }
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
        if (client != null) {
            client.shutdown();
        }
        if (server != null) {
            server.shutdown();
        }
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
    public java.util.Optional<String> clientNeverConnected() {
        LiveClient c = client;
        if (c == null || c.everConnected()) {
            return java.util.Optional.empty();
        }
        String why = c.lastConnectFailure();
        return java.util.Optional.of(why != null ? why : "no connection to " + LiveServer.hostPort(options.connect() != null
                ? options.connect() : options.listen()) + " was made");
    }

    /** The port the server listens on (after start), or -1. */
    public int listenPort() {
        return listenPort;
    }

    // ------------------------------------------------------------------ for the apps

    LiveTelemetry telemetry() {
        return telemetry;
    }

    Scenario scenario() {
        return current;
    }

    void listeningOn(int port) {
        listenPort = port;
        listening.countDown();
    }

    int nextConnection() {
        return connections.incrementAndGet();
    }

    int connections() {
        return connections.get();
    }

    void serverConnected(Half h) {
        serverHalf = h;
    }

    void clientConnected(Half h) {
        clientHalf = h;
    }

    Half serverHalf() {
        return serverHalf;
    }

    Half clientHalf() {
        return clientHalf;
    }

    KernelProbe probe() {
        return probe;
    }

    LiveServer server() {
        return server;
    }

    LiveClient client() {
        return client;
    }

    LiveOptions options() {
        return options;
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
        LiveServer s = server;
        LiveClient cl = client;
        return new RunSummary(current.name(), "live", current.run().seed(), telemetry.now(),
                c.firstZeroWindow(), c.firstEagain(), c.firstRst(), c.firstClientError(),
                s == null ? List.of() : s.errors(), cl == null ? List.of() : cl.errors(),
                s == null ? 0 : s.bytesWritten(), cl == null ? 0 : cl.bytesRead(),
                s == null ? 0 : s.messagesSent(), s == null ? 0 : s.messagesDropped(), connections.get(),
                c.zeroWindowEvents(), -1, c.probes(), -1, -1, c.events(), -1,
                c.peakSendQueue(), c.peakReceiveQueue(), -1, -1);
    }
}
