package tcpflowlab.cli;

import tcpflowlab.telemetry.ErrnoCount;
import tcpflowlab.telemetry.FlowLimit;
import tcpflowlab.telemetry.FlowLimitShares;
import tcpflowlab.engine.RunSummary;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human-readable run summary the CLI prints. */
final class SummaryText {
    private SummaryText() {
    }

    static String format(RunSummary s, long wallNanos) {
        return format(s, wallNanos, null);
    }

    /** {@code limits}: what held the sender back over the run, or null to leave that line out. */
    static String format(RunSummary s, long wallNanos, FlowLimitShares limits) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Scenario %s (%s engine, seed %d): %.3f s virtual in %.3f s wall%n",
                tcpflowlab.export.Printable.escape(s.scenario()), s.engine(), s.seed(), s.durationNanos() / 1e9, wallNanos / 1e9));
        line(b, "outcome", s.outcome() + " (" + s.outcome().meaning() + ")");
        line(b, "first zero window", time(s.firstZeroWindowNanos()));
        line(b, "first EAGAIN (server)", time(s.firstEagainNanos()));
        line(b, "first RST", time(s.firstRstNanos()));
        line(b, "server errno", errnos(s.serverErrnos()));
        line(b, "client errno", errnos(s.clientErrnos()));
        line(b, "bytes written (server)", String.format(Locale.ROOT, "%,d in %,d messages", s.bytesWritten(),
                s.messagesSent()));
        line(b, "bytes read (client)", String.format(Locale.ROOT, "%,d", s.bytesRead()));
        line(b, "dropped (DROP)", String.format(Locale.ROOT, "%,d messages", s.messagesDropped()));
        line(b, "lost (never read)", lost(s));
        line(b, "connections", Long.toString(s.connections()));
        if (s.segments() >= 0) {
            line(b, "segments", String.format(Locale.ROOT, "%,d (%,d advertising zero window, %,d zero-window probes, %,d RST)",
                    s.segments(), s.zeroWindowSegments(), s.zeroWindowProbes(), s.resets()));
        } else {
            line(b, "zero-window events", String.format(Locale.ROOT,
"%,d (from this connection's /proc/net/tcp row and ss -tin: no capture, so no segments)",
                    s.zeroWindowEvents()));
        }
        line(b, "peak queues", String.format(Locale.ROOT, "server send %,d B, client receive %,d B",
                s.peakServerSendQueue(), s.peakClientReceiveQueue()));
        if (limits != null) {
            line(b, "flow limited by", limits(limits));
        }
        return b.toString();
    }

    private static String limits(FlowLimitShares limits) {
        Map<FlowLimit, Double> shares = limits.shares();
        if (shares.isEmpty()) {
            return "not known (the kernel does not report it)";
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<FlowLimit, Double> e : shares.entrySet()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(String.format(Locale.ROOT, "%s %.1f%%", e.getKey().label(), 100 * e.getValue()));
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "  %-24s %s%n", label, value));
    }

    private static String lost(RunSummary s) {
        if (s.messagesLost() < 0) {
            return "not known to the " + s.engine() + " engine";
        }
        return s.bytesLost() < 0 ? String.format(Locale.ROOT, "%,d messages", s.messagesLost())
                : String.format(Locale.ROOT, "%,d B (%,d messages)", s.bytesLost(), s.messagesLost());
    }

    private static String time(long nanos) {
        return nanos < 0 ? "never" : String.format(Locale.ROOT, "%.6f s", nanos / 1e9);
    }

    private static String errnos(List<ErrnoCount> list) {
        if (list.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        for (ErrnoCount e : list) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(String.format(Locale.ROOT, "%s x%,d (first at %.6f s)", e.errno().label(), e.count(),
                    e.firstTimeNanos() / 1e9));
        }
        return b.toString();
    }
}
