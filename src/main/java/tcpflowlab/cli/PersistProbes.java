package tcpflowlab.cli;

import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The persist timer's rhythm in a run: the intervals between the server's successive
 * zero-window probes in the first period in which the client advertised a zero window.
 * Only the first period counts, because the backoff starts again in every period and later
 * periods are shaped by how the first one ended. The period opens at the client's first
 * ZERO_WINDOW and closes, on the same connection, at the client's WINDOW_UPDATE, a reset,
 * a disconnect, or the run's end.
 */
final class PersistProbes {
    private PersistProbes() {
    }

    /** The probes' times in nanoseconds, oldest first. */
    static List<Long> firstPeriod(List<TcpEvent> events) {
        // the Live engine's events come from several threads; the Model's are already in order
        List<TcpEvent> ordered = events.stream().sorted(Comparator.comparingLong(TcpEvent::timeNanos)).toList();
        int connection = -1;
        List<Long> probes = new ArrayList<>();
        for (TcpEvent e : ordered) {
            if (connection < 0) {
                if (e.side() == Side.CLIENT && e.kind() == EventKind.ZERO_WINDOW) {
                    connection = e.connection();
                }
                continue;
            }
            if (e.kind() == EventKind.RUN_END || (e.connection() == connection && endsPeriod(e))) {
                break;
            }
            if (e.connection() == connection && e.side() == Side.SERVER && e.kind() == EventKind.ZERO_WINDOW_PROBE) {
                probes.add(e.timeNanos());
            }
        }
        return probes;
    }

    /** The intervals between successive probes; empty with fewer than two. */
    static List<Long> intervals(List<Long> probes) {
        List<Long> intervals = new ArrayList<>();
        for (int i = 1; i < probes.size(); i++) {
            intervals.add(probes.get(i) - probes.get(i - 1));
        }
        return intervals;
    }

    private static boolean endsPeriod(TcpEvent e) {
        return (e.side() == Side.CLIENT && e.kind() == EventKind.WINDOW_UPDATE)
                || e.kind() == EventKind.RST_SENT || e.kind() == EventKind.RST_RECEIVED
                || e.kind() == EventKind.DISCONNECT;
    }
}
