package tcpflowlab.live.wire;

import tcpflowlab.telemetry.FlowLimit;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What held the Live server's sender back, as its own socket's kernel counts it: Linux 4.10+
 * keeps, per socket, the time it was busy (data outstanding), and within that the time it was
 * limited by the receiver's window and by the send buffer (TCP_INFO tcpi_busy_time,
 * tcpi_rwnd_limited, tcpi_sndbuf_limited; {@code ss -ti} prints them as busy:, rwnd_limited:,
 * sndbuf_limited: in ms, and only when not 0). Java cannot read TCP_INFO, and ss costs a few
 * milliseconds, so it is read on its own thread every {@link #PERIOD_NANOS}; each interval's
 * differences give its cause: rwnd-limited time for the receiver's window, sndbuf-limited time
 * for the send buffer, the rest of the busy time for the link (the kernel's congestion window
 * and the path), and the time not busy for the app. The longest wins, ties in
 * {@link FlowLimit}'s order. The kernel counts overlapping states once, the send buffer over
 * the window (tcp_chrono_start keeps the higher type), which the Model's order reverses.
 */
public final class KernelFlowLimit {
    /** How often ss is read: each call forks a process and costs milliseconds. */
    public static final long PERIOD_NANOS = 100_000_000L;
    /** The first kernel with the counters (tcp_chrono, Linux 4.10). */
    private static final int[] FIRST_KERNEL = {4, 10};

    /** The server socket's local and remote port, or null while it has none. */
    private final Supplier<int[]> serverPorts;
    private final int listenPort;
    private SsTcpInfo previous;
    private long previousAt;
    private volatile FlowLimit latest = FlowLimit.UNKNOWN;

    public KernelFlowLimit(int listenPort, Supplier<int[]> serverPorts) {
        this.listenPort = listenPort;
        this.serverPorts = serverPorts;
    }

    /**
     * Why this machine cannot say what limits the flow, or empty when it can: the counters need
     * Linux 4.10 or later, and ss to print them.
     */
    public static Optional<String> unavailable(String osName, String osVersion) {
        if (!osName.toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.of("the kernel does not report what limits the flow (" + osName
                    + " has no TCP_INFO busy/rwnd_limited/sndbuf_limited times)");
        }
        if (!atLeast(osVersion, FIRST_KERNEL)) {
            return Optional.of("the kernel does not report what limits the flow (Linux " + osVersion
                    + "; the busy/rwnd_limited/sndbuf_limited times need Linux 4.10 or later)");
        }
        return Optional.empty();
    }

    static boolean atLeast(String version, int[] wanted) {
        String[] parts = version.split("[^0-9]+");
        for (int i = 0; i < wanted.length; i++) {
            int v;
            try {
                v = i < parts.length ? Integer.parseInt(parts[i]) : 0;
            } catch (NumberFormatException e) {
                return false;
            }
            if (v != wanted[i]) {
                return v > wanted[i];
            }
        }
        return true;
    }

    /** Reads ss every {@link #PERIOD_NANOS} while {@code running} says so. */
    public void run(BooleanSupplier running) {
        long next = System.nanoTime();
        while (running.getAsBoolean()) {
            poll(System.nanoTime());
            next += PERIOD_NANOS;
            long left = next - System.nanoTime();
            if (left <= 0) {
                next = System.nanoTime();
                continue;
            }
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void poll(long nowNanos) {
        int[] ports = serverPorts.get();
        if (ports == null) {
            previous = null;
            latest = FlowLimit.UNKNOWN;
            return;
        }
        observe(nowNanos, SsCommand.query(Set.of(listenPort)), ports[0], ports[1]);
    }

    /** Takes one reading of the sockets; the server's row gives the interval since the last. */
    void observe(long nowNanos, List<SsTcpInfo> sockets, int localPort, int remotePort) {
        SsTcpInfo row = sockets.stream().filter(s -> s.localPort() == localPort && s.remotePort() == remotePort)
                .findFirst().orElse(null);
        if (row == null) {
            previous = null;
            latest = FlowLimit.UNKNOWN;
            return;
        }
        SsTcpInfo before = previous;
        long periodMs = (nowNanos - previousAt) / 1_000_000;
        previous = row;
        previousAt = nowNanos;
        // a connection's first reading has no interval before it
        latest = before == null ? FlowLimit.UNKNOWN
                : cause(ms(row.busyMs()) - ms(before.busyMs()), ms(row.rwndLimitedMs()) - ms(before.rwndLimitedMs()),
                ms(row.sndbufLimitedMs()) - ms(before.sndbufLimitedMs()), periodMs);
    }

    /** ss leaves a counter out while it is 0. */
    private static long ms(long printed) {
        return Math.max(0, printed);
    }

    /** The cause of an interval of {@code periodMs} from the kernel's counters' growth in it. */
    static FlowLimit cause(long busyMs, long rwndMs, long sndbufMs, long periodMs) {
        if (periodMs <= 0) {
            return FlowLimit.UNKNOWN;
        }
        long rwnd = Math.max(0, rwndMs);
        long sndbuf = Math.max(0, sndbufMs);
        long busy = Math.max(0, busyMs);
        long[] held = {rwnd, sndbuf, Math.max(0, busy - rwnd - sndbuf), Math.max(0, periodMs - busy)};
        FlowLimit[] causes = {FlowLimit.RECEIVE_WINDOW, FlowLimit.SEND_BUFFER, FlowLimit.LINK, FlowLimit.APP};
        int best = 0;
        for (int i = 1; i < held.length; i++) {
            if (held[i] > held[best]) {
                best = i;
            }
        }
        return causes[best];
    }

    /** The cause of the latest interval read (UNKNOWN before two readings of the server's socket). */
    public FlowLimit latest() {
        return latest;
    }
}
