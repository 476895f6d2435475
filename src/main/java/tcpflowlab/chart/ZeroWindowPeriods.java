package tcpflowlab.chart;

import tcpflowlab.chart.EventMarkers.ZeroWindowSpan;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The periods in which the client's receiver advertised a zero window, from the event stream:
 * a period opens at the client's ZERO_WINDOW and closes at its WINDOW_UPDATE, or when the
 * connection goes (a reset, a disconnect) or the run ends. Keeps the newest {@code max}
 * closed periods, so a long run stays in bounded memory.
 */
public final class ZeroWindowPeriods {
    private final int max;
    private final List<ZeroWindowSpan> closed = new ArrayList<>();
    private double openSince = Double.NaN;
    /** Every closed period's length, also of those no longer kept. */
    private double closedSeconds;

    public ZeroWindowPeriods(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max periods must be >= 1, got " + max);
        }
        this.max = max;
    }

    /** Follows one event, in time order. */
    public void add(TcpEvent e) {
        double t = e.timeNanos() / 1e9;
        if (e.side() == Side.CLIENT && e.kind() == EventKind.ZERO_WINDOW && Double.isNaN(openSince)) {
            openSince = t;
        } else if (!Double.isNaN(openSince) && endsZeroWindow(e)) {
            if (closed.size() == max) {
                closed.remove(0);
            }
            closed.add(new ZeroWindowSpan(openSince, t));
            closedSeconds += t - openSince;
            openSince = Double.NaN;
        }
    }

    private static boolean endsZeroWindow(TcpEvent e) {
        return (e.side() == Side.CLIENT && e.kind() == EventKind.WINDOW_UPDATE)
                || e.kind() == EventKind.RST_SENT || e.kind() == EventKind.RST_RECEIVED
                || e.kind() == EventKind.DISCONNECT || e.kind() == EventKind.RUN_END;
    }

    /** Whether events of this kind can open or close a period. */
    static boolean concerns(EventKind kind) {
        return switch (kind) {
            case ZERO_WINDOW, WINDOW_UPDATE, RST_SENT, RST_RECEIVED, DISCONNECT, RUN_END -> true;
            default -> false;
        };
    }

    /** The periods in seconds, oldest first; one still open ends at NaN. */
    public List<ZeroWindowSpan> spans() {
        List<ZeroWindowSpan> all = new ArrayList<>(closed);
        if (!Double.isNaN(openSince)) {
            all.add(new ZeroWindowSpan(openSince, Double.NaN));
        }
        return all;
    }

    /** All periods of a finished list of events. */
    public static List<ZeroWindowSpan> of(List<TcpEvent> events) {
        ZeroWindowPeriods periods = new ZeroWindowPeriods(Integer.MAX_VALUE);
        events.forEach(periods::add);
        return periods.spans();
    }

    /**
     * Seconds spent at a zero window up to {@code endSeconds} (the run's end): every closed
     * period, kept or not, and one still open counted to that end.
     */
    public double totalSeconds(double endSeconds) {
        return closedSeconds + (Double.isNaN(openSince) ? 0 : Math.max(0, endSeconds - openSince));
    }

    public void clear() {
        closedSeconds = 0;
        closed.clear();
        openSince = Double.NaN;
    }
}
