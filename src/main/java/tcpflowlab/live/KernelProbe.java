package tcpflowlab.live;

import tcpflowlab.sim.app.ConnectionSampler;
import tcpflowlab.sim.app.KernelQueues;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.FlowLimit;
import tcpflowlab.telemetry.Side;

import java.util.List;

/**
 * The kernel's view of the connection, every 10 ms (less often where reading it is costly), on Linux: the two sockets' rows of
 * /proc/net/tcp{,6} give the server's send queue (tx_queue), the client's receive queue
 * (rx_queue); the window and the kernel's events (zero windows, probes, resets) come from the
 * run's own {@link tcpflowlab.live.wire.ConnectionTruth}, never from host-wide counters. The same {@link ConnectionSampler} as the Model's adds the apps'
 * counters. Elsewhere it reports once that only application-level telemetry is available.
 * While the run is paused it takes no samples: the run's clock stands still.
 */
final class KernelProbe {
    static final long PERIOD_NANOS = 10_000_000L;
    /**
     * The probe's share of one core at most: reading the kernel's table costs milliseconds on a
     * machine with a large connection hash, and the apps it watches share the CPU. When a tick
     * costs more than this share of the period, the period grows.
     */
    static final int BUDGET_DIVISOR = 20;
    /** The budget never stretches the period beyond this: a chart needs 20 samples a second. */
    static final long LONGEST_PERIOD_NANOS = 50_000_000L;

    private final LiveRun run;
    private final ProcRows rows;
    private final java.util.function.IntToLongFunction clientWindow;
    private final boolean available;
    private final ConnectionSampler sampler;
    private final java.util.function.Supplier<FlowLimit> flowLimit;

    /**
     * {@code clientWindow}: the window the client last advertised on a connection, -1 when not
     * known; {@code flowLimit}: what held the server's sender back lately.
     */
    KernelProbe(LiveRun run, ProcRows rows, java.util.function.IntToLongFunction clientWindow, boolean available,
                ConnectionSampler sampler, java.util.function.Supplier<FlowLimit> flowLimit) {
        this.flowLimit = flowLimit;
        this.run = run;
        this.rows = rows;
        this.clientWindow = clientWindow;
        this.available = available;
        this.sampler = sampler;
    }

    void run() {
        if (!available) {
            run.event(Side.SERVER, EventKind.LISTEN, null, 0, 0, "kernel telemetry is not available on "
                    + System.getProperty("os.name") + " (no /proc/net): only application-level telemetry is shown");
        }
        long next = System.nanoTime();
        long cost = 0;
        while (run.isRunning()) {
            if (!run.clock().isPaused()) {
                long t0 = System.nanoTime();
                tick();
                cost = (cost + (System.nanoTime() - t0)) / 2;
            }
            next += Math.min(LONGEST_PERIOD_NANOS, Math.max(PERIOD_NANOS, cost * BUDGET_DIVISOR));
            long left = next - System.nanoTime();
            if (left > 0) {
                run.sleepNanos(left);
            } else {
                next = System.nanoTime();
            }
        }
    }

    void tick() {
        LiveRun.Half server = run.serverHalf();
        LiveRun.Half client = run.clientHalf();
        TcpSocketRow serverRow = null;
        TcpSocketRow clientRow = null;
        if (available) {
            List<int[]> wanted = new java.util.ArrayList<>();
            if (server != null) {
                wanted.add(new int[] {server.localPort(), server.remotePort()});
            }
            if (client != null) {
                wanted.add(new int[] {client.localPort(), client.remotePort()});
            }
            List<TcpSocketRow> all = rows.read(wanted);
            serverRow = server == null ? null : ProcRows.find(all, server.localPort(), server.remotePort()).orElse(null);
            clientRow = client == null ? null : ProcRows.find(all, client.localPort(), client.remotePort()).orElse(null);
        }
        long sendQueue = serverRow == null ? 0 : serverRow.txQueue();
        long receiveQueue = clientRow == null ? 0 : clientRow.rxQueue();
        long receiveCap = client == null ? 0 : client.bufferBytes();
        // The window the client advertised, from the same source as the zero-window events, so
        // the line and the shading cannot disagree; until that source knows it (no segment yet),
        // the free space of the client's receive buffer, an upper bound of what it can offer.
        LiveRun.Half current = client != null ? client : server;
        long advertised = current == null ? -1 : clientWindow.applyAsLong(current.id());
        long window = advertised >= 0 ? advertised : clientRow == null ? 0 : Math.max(0, receiveCap - receiveQueue);
        if (run.clock().isPaused()) {
            return; // paused while this tick read the kernel: no sample at a time that stands still
        }
        run.telemetry().sample(sampler.sample(run.timeNanos(), new KernelQueues(sendQueue,
                server == null ? 0 : server.bufferBytes(), receiveQueue, receiveCap, window, sendQueue), flowLimit.get()));
    }
}
