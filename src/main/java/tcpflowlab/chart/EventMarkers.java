package tcpflowlab.chart;

import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.TcpEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns events into chart markers for the visible time window: zero-window periods shaded,
 * window updates and probes as thin lines on the window chart, resets and socket errors as
 * red lines labelled with the errno, knob changes as blue labelled lines. Only events inside
 * the window are drawn, and labels are left off when there are too many to read.
 */
public final class EventMarkers {
    private static final int MAX_LABELS = 24;
    private static final int MAX_LINES = 400;

    private final XYPlot queues;
    private final XYPlot window;
    private ChartStyle style = ChartStyle.NORMAL;

    EventMarkers(XYPlot queues, XYPlot window) {
        this.queues = queues;
        this.window = window;
    }

    void setStyle(ChartStyle style) {
        this.style = style;
    }

    /** Interval [start, end] seconds with a zero window (end = NaN while still open). */
    public record ZeroWindowSpan(double start, double end) {
    }

    /**
     * Replaces the markers.
     *
     * @param events events in time order
     * @param spans zero-window periods
     * @param from, to the visible window, seconds
     */
    public void show(List<TcpEvent> events, List<ZeroWindowSpan> spans, double from, double to, double now) {
        queues.clearDomainMarkers();
        window.clearDomainMarkers();
        int band = 0;
        for (ZeroWindowSpan span : spans) {
            double end = Double.isNaN(span.end()) ? now : span.end();
            if (end < from || span.start() > to) {
                continue;
            }
            for (XYPlot p : List.of(queues, window)) {
                IntervalMarker m = new IntervalMarker(span.start(), Math.max(end, span.start() + 1e-6));
                m.setPaint(shade(band));
                m.setOutlinePaint(null);
                p.addDomainMarker(m, Layer.BACKGROUND);
            }
            band++;
        }
        List<TcpEvent> visible = new ArrayList<>();
        int labelled = 0;
        for (TcpEvent e : events) {
            double t = e.timeNanos() / 1e9;
            if (t >= from && t <= to && isMarked(e.kind())) {
                visible.add(e);
                if (isLabelled(e.kind())) {
                    labelled++;
                }
            }
        }
        boolean labels = labelled <= MAX_LABELS;
        int lines = 0;
        // Labels are laid out greedily in rows: a label goes into the first row that is free at
        // its time, so a reset's EAGAIN, RST, 104 and 107 (within a millisecond) stack downwards
        // instead of overprinting. Widths are estimated from the text, for a plot about 1000 px wide.
        double secondsPerChar = (to - from) / 1000.0 * style.fontSize() * 0.62;
        double[] rowFreeAt = new double[16];
        java.util.Arrays.fill(rowFreeAt, Double.NEGATIVE_INFINITY);
        for (TcpEvent e : visible) {
            if (lines++ > MAX_LINES && !isLabelled(e.kind())) {
                continue;
            }
            double t = e.timeNanos() / 1e9;
            String label = labels ? label(e) : null;
            int stack = 0;
            if (label != null) {
                while (stack < rowFreeAt.length - 1 && rowFreeAt[stack] > t) {
                    stack++;
                }
                rowFreeAt[stack] = t + (label.length() + 2) * secondsPerChar;
            }
            switch (e.kind()) {
                case WINDOW_UPDATE -> window.addDomainMarker(line(t, ChartStyle.UPDATE, null, 0), Layer.FOREGROUND);
                case ZERO_WINDOW_PROBE -> window.addDomainMarker(line(t, ChartStyle.PROBE, null, 0), Layer.FOREGROUND);
                case RST_SENT, RST_RECEIVED, SOCKET_ERROR, EAGAIN, CONNECT_FAILED ->
                        queues.addDomainMarker(line(t, ChartStyle.ERROR, label, stack), Layer.FOREGROUND);
                case KNOB_CHANGED -> queues.addDomainMarker(line(t, ChartStyle.KNOB, label, stack), Layer.FOREGROUND);
                default -> { }
            }
        }
    }

    /**
     * The fill of the n-th zero-window band. The PDF writer (OrsonPDF) ignores a paint equal to
     * the one it has, so a second band in a row kept the marker's composite alpha (0.8) instead of
     * the colour's own and came out solid red; consecutive bands one alpha step apart each set
     * their own translucency, and look the same.
     */
    static java.awt.Color shade(int n) {
        java.awt.Color c = ChartStyle.ZERO_WINDOW_SHADE;
        return n % 2 == 0 ? c : new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() - 1);
    }

    /** The label an event gets on the chart, or null for a plain line. */
    static String label(TcpEvent e) {
        return switch (e.kind()) {
            case KNOB_CHANGED -> e.detail();
            case RST_RECEIVED -> null; // the RST_SENT and the errno labels already tell it
            case SOCKET_ERROR, EAGAIN, RST_SENT, CONNECT_FAILED -> errorLabel(e);
            default -> null;
        };
    }

    /** Whether the charts draw a marker for events of this kind. */
    public static boolean isMarked(EventKind kind) {
        return switch (kind) {
            case WINDOW_UPDATE, ZERO_WINDOW_PROBE, RST_SENT, RST_RECEIVED, SOCKET_ERROR, EAGAIN, CONNECT_FAILED,
                    KNOB_CHANGED -> true;
            default -> false;
        };
    }

    private static boolean isLabelled(EventKind kind) {
        return kind != EventKind.WINDOW_UPDATE && kind != EventKind.ZERO_WINDOW_PROBE;
    }

    /** "104 ECONNRESET", "RST sent", "11 EAGAIN". */
    static String errorLabel(TcpEvent e) {
        if (e.errno() != null) {
            return e.errno().number() + " " + e.errno().name();
        }
        return e.kind() == EventKind.RST_SENT ? "RST sent" : e.kind() == EventKind.RST_RECEIVED ? "RST received"
                : e.kind().name();
    }

    private ValueMarker line(double t, java.awt.Color color, String label, int stack) {
        ValueMarker m = new ValueMarker(t, color, style.marker());
        if (label != null) {
            m.setLabel(label);
            m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(2 + stack * (style.fontSize() + 4), 4, 2, 4));
            m.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 210));
            m.setLabelFont(style.font());
            m.setLabelPaint(color);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        }
        return m;
    }
}
