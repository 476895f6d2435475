package tcpflowlab.live;

import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernel events from the deltas of the TcpExt and Tcp counters in /proc/net/netstat and
 * /proc/net/snmp. Those counters are host-wide, and the events say so.
 */
final class HostCounterEvents implements KernelEventSource {
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

    private final LiveTelemetry telemetry;
    private final Path netstat;
    private final Path snmp;
    private Map<String, Long> last;

    HostCounterEvents(LiveTelemetry telemetry, Path procRoot) {
        this.telemetry = telemetry;
        this.netstat = procRoot.resolve("net/netstat");
        this.snmp = procRoot.resolve("net/snmp");
    }

    boolean available() {
        return Files.isReadable(netstat);
    }

    @Override
    public void poll(int connection) {
        Map<String, Long> now;
        try {
            ProcNetCounters.Result a = ProcNetCounters.parse(Files.readString(netstat, StandardCharsets.US_ASCII));
            ProcNetCounters.Result b = Files.isReadable(snmp)
                    ? ProcNetCounters.parse(Files.readString(snmp, StandardCharsets.US_ASCII))
                    : new ProcNetCounters.Result(Map.of(), 0);
            now = new HashMap<>(a.counters());
            now.putAll(b.counters());
        } catch (IOException e) {
            return;
        }
        if (last != null) {
            for (Watched w : WATCHED) {
                Long before = last.get(w.counter());
                Long after = now.get(w.counter());
                if (before != null && after != null && after > before) {
                    long delta = after - before;
                    telemetry.event(w.side(), w.kind(), null, delta, connection, "host-wide counter " + w.counter()
                            + " +" + delta + ": " + w.meaning() + " (counted for every connection on this machine)");
                }
            }
        }
        last = now;
    }
}
