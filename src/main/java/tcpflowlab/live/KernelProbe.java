package tcpflowlab.live;

import tcpflowlab.sim.app.ConnectionSampler;
import tcpflowlab.sim.app.KernelQueues;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.util.List;

/**
 * The kernel's view of the connection, every 10 ms (less often where reading it is costly), on Linux: the two sockets' rows of
 * /proc/net/tcp{,6} give the server's send queue (tx_queue), the client's receive queue
 * (rx_queue) and the pending timer (4 = zero-window probe); the kernel's events come from a
 * {@link KernelEventSource}. The same {@link ConnectionSampler} as the Model's adds the apps'
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
    private final KernelEventSource events;
    private final boolean available;
    private final ConnectionSampler sampler;
    private boolean probeTimerSeen;

    KernelProbe(LiveRun run, ProcRows rows, KernelEventSource events, boolean available, ConnectionSampler sampler) {
        this.run = run;
        this.rows = rows;
        this.events = events;
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
            events.poll(run.connections());
            boolean probing = serverRow != null && serverRow.timer() == TcpSocketRow.TIMER_ZERO_WINDOW_PROBE;
            if (probing && !probeTimerSeen) {
                run.event(Side.SERVER, EventKind.PERSIST_TIMER, null, serverRow.txQueue(), server.id(),
                        "kernel: the server socket's zero-window probe timer is armed (timer 4 in /proc/net/tcp), "
                                + serverRow.txQueue() + " B in its send queue");
            }
            probeTimerSeen = probing;
        }
        long sendQueue = serverRow == null ? 0 : serverRow.txQueue();
        long receiveQueue = clientRow == null ? 0 : clientRow.rxQueue();
        long receiveCap = client == null ? 0 : client.bufferBytes();
        // /proc has no window column: the chart's "window" in Live mode is the free space of
        // the client's receive buffer, an upper bound of what its kernel can offer.
        long window = clientRow == null ? 0 : Math.max(0, receiveCap - receiveQueue);
        run.telemetry().sample(sampler.sample(run.timeNanos(), new KernelQueues(sendQueue,
                server == null ? 0 : server.bufferBytes(), receiveQueue, receiveCap, window, sendQueue)));
    }
}
