package tcpflowlab.live.wire;

import tcpflowlab.export.WireAnalysis;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TcpFlags;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events the Model reports about its own segments, derived from a connection's segment
 * stream instead: ZERO_WINDOW when a side's advertised window falls to 0, WINDOW_UPDATE when
 * it reopens, ZERO_WINDOW_PROBE for Linux's probe (no data at sequence next-1, what Wireshark
 * calls a keep-alive) sent while the peer's window is 0, RST_SENT and RST_RECEIVED once per
 * connection, FIN_SENT and FIN_RECEIVED once per direction. Each segment is classified by
 * {@link WireAnalysis.Classifier}, the same rules the export's Wireshark comparison uses, per
 * connection number. The windows it keeps are the ones its events are about, so a chart that
 * draws {@link #window} and shades between these events cannot disagree with itself.
 * One thread.
 */
public final class WireEvents {
    /** A segment's note (why it was sent, as far as the wire tells) and the events it caused. */
    public record Observation(String note, List<TcpEvent> events) {
    }

    private static final class Connection {
        final WireAnalysis.Classifier classifier = new WireAnalysis.Classifier();
        final Map<Side, Long> window = new EnumMap<>(Side.class);
        final Map<Side, Boolean> fin = new EnumMap<>(Side.class);
        boolean reset;
    }

    private final Map<Integer, Connection> connections = new HashMap<>();

    public Observation observe(SegmentRecord s) {
        Connection c = connections.computeIfAbsent(s.connection(), k -> new Connection());
        WireAnalysis.Verdict v = c.classifier.classify(s);
        Side from = s.from();
        Side to = from.peer();
        long t = s.timeNanos();
        int n = s.connection();
        List<TcpEvent> events = new ArrayList<>(2);
        if (s.has(TcpFlags.RST)) {
            if (!c.reset) {
                c.reset = true;
                events.add(new TcpEvent(t, from, EventKind.RST_SENT, null, 0, n,
                        "the " + from.lower() + " sent a RST (seen on the wire)"));
                events.add(new TcpEvent(t, to, EventKind.RST_RECEIVED, null, 0, n,
                        "the " + to.lower() + " received the " + from.lower() + "'s RST (seen on the wire)"));
            }
            return new Observation("RST", events);
        }
        long before = c.window.getOrDefault(from, -1L);
        long now = s.window();
        c.window.put(from, now);
        if (before > 0 && now == 0) {
            events.add(new TcpEvent(t, from, EventKind.ZERO_WINDOW, null, 0, n,
                    "the " + from.lower() + " advertised window 0 (seen on the wire)"));
        } else if (before == 0 && now > 0) {
            events.add(new TcpEvent(t, from, EventKind.WINDOW_UPDATE, null, now, n,
                    "the " + from.lower() + " reopened its window to " + now + " B (seen on the wire)"));
        }
        boolean probe = v.keepAlive() && c.window.getOrDefault(to, -1L) == 0;
        if (probe) {
            events.add(new TcpEvent(t, from, EventKind.ZERO_WINDOW_PROBE, null, 0, n,
                    "the " + from.lower() + " probed the " + to.lower()
                            + "'s zero window (no data, seq = next unacknowledged - 1; seen on the wire)"));
        }
        if (s.has(TcpFlags.FIN) && !c.fin.getOrDefault(from, false)) {
            c.fin.put(from, true);
            events.add(new TcpEvent(t, from, EventKind.FIN_SENT, null, 0, n,
                    "the " + from.lower() + " sent a FIN (seen on the wire)"));
            events.add(new TcpEvent(t, to, EventKind.FIN_RECEIVED, null, 0, n,
                    "the " + to.lower() + " received the " + from.lower() + "'s FIN (seen on the wire)"));
        }
        return new Observation(note(s, v, probe), events);
    }

    /** The window {@code side} last advertised on connection {@code connection}, or -1 if none yet. */
    public long window(int connection, Side side) {
        Connection c = connections.get(connection);
        return c == null ? -1 : c.window.getOrDefault(side, -1L);
    }

    private static String note(SegmentRecord s, WireAnalysis.Verdict v, boolean probe) {
        if (s.has(TcpFlags.SYN)) {
            return s.has(TcpFlags.ACK) ? "SYN-ACK" : "SYN";
        }
        if (s.has(TcpFlags.FIN)) {
            return "FIN";
        }
        if (probe) {
            return "zero-window probe";
        }
        if (v.keepAlive()) {
            return "keep-alive";
        }
        if (v.zeroWindow()) {
            return s.payloadLength() > 0 ? "data, window 0" : "ACK, window 0";
        }
        if (v.windowUpdate()) {
            return "window update";
        }
        if (v.windowFull()) {
            return "data, fills the window";
        }
        return s.payloadLength() > 0 ? "data" : "ACK";
    }
}
