package tcpflowlab.live;

import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.Side;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kernel's view of the connection, every 10 ms, on Linux: the two sockets' rows of
 * /proc/net/tcp{,6} give the server's send queue (tx_queue), the client's receive queue
 * (rx_queue) and the pending timer (4 = zero-window probe); the deltas of the TcpExt and Tcp
 * counters in /proc/net/netstat and /proc/net/snmp become ZERO_WINDOW, WINDOW_UPDATE and RST
 * events. Those counters are host-wide, and the events say so. Elsewhere it reports once that
 * only application-level telemetry is available, and samples the applications' counters.
 */
final class KernelProbe {
    static final long PERIOD_NANOS = 10_000_000L;

    /** Counters watched, the event each delta becomes, and what it means. */
    private record Watched(String counter, EventKind kind, Side side, String meaning) {
    }

    private static final List<Watched> WATCHED = List.of(
            new Watched("TcpExt.TCPToZeroWindowAdv", EventKind.ZERO_WINDOW, Side.CLIENT,
                    "a receiver advertised a zero window"),
            new Watched("TcpExt.TCPWantZeroWindowAdv", EventKind.ZERO_WINDOW, Side.CLIENT,
                    "a receiver's buffer was full and it wanted to advertise a zero window, but Linux never "
                            + "shrinks an offered window, so it kept offering what was left"),
            new Watched("TcpExt.TCPFromZeroWindowAdv", EventKind.WINDOW_UPDATE, Side.CLIENT,
                    "a receiver reopened a zero window"),
            new Watched("TcpExt.TCPAbortOnClose", EventKind.RST_SENT, Side.SERVER,
                    "close() with unread data sent RST (TCPAbortOnClose)"),
            new Watched("TcpExt.TCPAbortOnData", EventKind.RST_SENT, Side.SERVER,
                    "data arrived for a closed socket: RST (TCPAbortOnData)"),
            new Watched("Tcp.EstabResets", EventKind.RST_RECEIVED, Side.CLIENT,
                    "an established connection was reset (EstabResets)"));

    private final LiveRun run;
    private final Path tcp4;
    private final Path tcp6;
    private final Path netstat;
    private final Path snmp;
    private final boolean available;
    private volatile List<TcpSocketRow> rows = List.of();
    private Map<String, Long> lastCounters;
    private boolean probeTimerSeen;

    KernelProbe(LiveRun run, Path procRoot) {
        this.run = run;
        this.tcp4 = procRoot.resolve("net/tcp");
        this.tcp6 = procRoot.resolve("net/tcp6");
        this.netstat = procRoot.resolve("net/netstat");
        this.snmp = procRoot.resolve("net/snmp");
        this.available = Files.isReadable(tcp4) && Files.isReadable(netstat);
    }

    boolean available() {
        return available;
    }

    void run() {
        if (!available) {
            run.event(Side.SERVER, EventKind.LISTEN, null, 0, 0, "kernel telemetry is not available on "
                    + System.getProperty("os.name") + " (no /proc/net): only application-level telemetry is shown");
        }
        long next = System.nanoTime();
        while (run.isRunning()) {
            tick();
            next += PERIOD_NANOS;
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
            rows = readRows();
            serverRow = server == null ? null : find(server.localPort(), server.remotePort());
            clientRow = client == null ? null : find(client.localPort(), client.remotePort());
            watchCounters();
            boolean probing = serverRow != null && serverRow.timer() == TcpSocketRow.TIMER_ZERO_WINDOW_PROBE;
            if (probing && !probeTimerSeen) {
                run.event(Side.SERVER, EventKind.PERSIST_TIMER, null, serverRow.txQueue(), server.id(),
                        "kernel: the server socket's zero-window probe timer is armed (timer 4 in /proc/net/tcp), "
                                + serverRow.txQueue() + " B in its send queue");
            }
            probeTimerSeen = probing;
        }
        LiveServer s = run.server();
        LiveClient c = run.client();
        long sendQueue = serverRow == null ? 0 : serverRow.txQueue();
        long receiveQueue = clientRow == null ? 0 : clientRow.rxQueue();
        long sendCap = server == null ? 0 : server.bufferBytes();
        long receiveCap = client == null ? 0 : client.bufferBytes();
        // /proc has no window column: the chart's "window" in Live mode is the free space of
        // the client's receive buffer, an upper bound of what its kernel can offer.
        long window = clientRow == null ? 0 : Math.max(0, receiveCap - receiveQueue);
        run.telemetry().sample(new Sample(run.timeNanos(), sendQueue, sendCap, receiveQueue, receiveCap, window,
                sendQueue, s == null ? 0 : s.bytesWritten(), c == null ? 0 : c.bytesRead(),
                s == null ? 0 : s.spillDepthBytes(), s == null ? 0 : s.spillDepthMessages(),
                s == null ? 0 : s.spillFsyncNanos()));
    }

    private List<TcpSocketRow> readRows() {
        List<TcpSocketRow> all = new ArrayList<>();
        for (Path p : List.of(tcp4, tcp6)) {
            try {
                // Malformed rows are skipped by the parser, never guessed at.
                all.addAll(ProcNetTcp.parse(Files.readString(p, StandardCharsets.US_ASCII)).rows());
            } catch (IOException e) {
                // tcp6 is absent without IPv6: nothing to add
            }
        }
        return all;
    }

    private TcpSocketRow find(int localPort, int remotePort) {
        for (TcpSocketRow r : rows) {
            if (r.localPort() == localPort && r.remotePort() == remotePort && r.state() != TcpSocketRow.LISTEN) {
                return r;
            }
        }
        return null;
    }

    /** Whether the socket with these ports still has a peer, as getpeername() would say. */
    boolean hasPeer(int localPort, int remotePort) {
        if (!available) {
            return true;
        }
        List<TcpSocketRow> fresh = readRows();
        for (TcpSocketRow r : fresh) {
            if (r.localPort() == localPort && r.remotePort() == remotePort) {
                return r.state() != TcpSocketRow.CLOSE;
            }
        }
        return false; // a reset socket leaves the table: getpeername() gives ENOTCONN
    }

    private void watchCounters() {
        Map<String, Long> now;
        try {
            ProcNetCounters.Result a = ProcNetCounters.parse(Files.readString(netstat, StandardCharsets.US_ASCII));
            ProcNetCounters.Result b = Files.isReadable(snmp)
                    ? ProcNetCounters.parse(Files.readString(snmp, StandardCharsets.US_ASCII))
                    : new ProcNetCounters.Result(Map.of(), 0);
            java.util.HashMap<String, Long> m = new java.util.HashMap<>(a.counters());
            m.putAll(b.counters());
            now = m;
        } catch (IOException e) {
            return;
        }
        if (lastCounters != null) {
            int id = run.connections();
            for (Watched w : WATCHED) {
                Long before = lastCounters.get(w.counter());
                Long after = now.get(w.counter());
                if (before != null && after != null && after > before) {
                    long delta = after - before;
                    run.event(w.side(), w.kind(), null, delta, id, "host-wide counter " + w.counter() + " +" + delta
                            + ": " + w.meaning() + " (counted for every connection on this machine)");
                }
            }
        }
        lastCounters = now;
    }
}
