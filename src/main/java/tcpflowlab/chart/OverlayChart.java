package tcpflowlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import tcpflowlab.chart.EventMarkers.ZeroWindowSpan;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.TcpEvent;

import java.awt.Color;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Several runs on one time axis, each in its own {@link OverlayRun.Look}: the server's send
 * queue and the client's receive queue above, the advertised window below, each run's
 * zero-window periods shaded and its resets, errors, probes and window updates marked. For the
 * Model beside the kernel, and for any runs to be laid over each other.
 */
public final class OverlayChart {
    /** Beyond this many labelled markers the labels are left off: they could not be read. */
    private static final int MAX_LABELS = 24;

    /** One drawn line: which sample value, its colour, and on which plot. */
    private record Line(String label, ToLongFunction<Sample> value, Color color, boolean onQueues) {
    }

    private static final List<Line> LINES = List.of(
            new Line("send queue", Sample::serverSendQueue, ChartStyle.SEND, true),
            new Line("receive queue", Sample::clientReceiveQueue, ChartStyle.RECEIVE, true),
            new Line("window", Sample::advertisedWindow, ChartStyle.WINDOW, false));

    private final JFreeChart chart;
    private final XYPlot queues;
    private final XYPlot window;
    private final int markers;
    private final ChartStyle style;

    private OverlayChart(List<OverlayRun> runs, String title, ChartStyle style) {
        this.style = style;
        DefaultXYDataset queueData = new DefaultXYDataset();
        DefaultXYDataset windowData = new DefaultXYDataset();
        XYLineAndShapeRenderer queueLines = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer windowLines = new XYLineAndShapeRenderer(true, false);
        for (OverlayRun run : runs) {
            for (Line line : LINES) {
                DefaultXYDataset data = line.onQueues() ? queueData : windowData;
                XYLineAndShapeRenderer renderer = line.onQueues() ? queueLines : windowLines;
                int series = data.getSeriesCount();
                data.addSeries(run.name() + " " + line.label(), series(run.samples(), line.value()));
                renderer.setSeriesPaint(series, run.look().paint(line.color()));
                renderer.setSeriesStroke(series, run.look().line(style));
            }
        }
        NumberAxis time = new TimeAxis();
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(8);
        queues = plot(queueData, queueLines, "queues (B)", style);
        window = plot(windowData, windowLines, "window (B)", style);
        combined.add(queues, 2);
        combined.add(window, 1);
        combined.setOrientation(PlotOrientation.VERTICAL);
        time.setLabelFont(style.font());
        time.setTickLabelFont(style.font());
        chart = new JFreeChart(null, style.titleFont(), combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(style.font());
        if (title != null) {
            chart.setTitle(new TextTitle(title, style.titleFont()));
        }
        for (OverlayRun run : runs) {
            shade(run, queues, window, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        markers = mark(runs, queues, window, style, MarkerLayout.WHOLE_RUN);
    }

    /** The chart of {@code runs}, drawn in list order (later runs on top). */
    public static OverlayChart of(List<OverlayRun> runs, String title, ChartStyle style) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("an overlay needs at least one run");
        }
        return new OverlayChart(runs, title, style);
    }

    /** Seconds and values of one sample column, for an XY dataset. */
    static double[][] series(List<Sample> samples, ToLongFunction<Sample> value) {
        double[][] xy = new double[2][samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            xy[0][i] = samples.get(i).timeNanos() / 1e9;
            xy[1][i] = value.applyAsLong(samples.get(i));
        }
        return xy;
    }

    private static XYPlot plot(DefaultXYDataset data, XYLineAndShapeRenderer renderer, String label, ChartStyle style) {
        renderer.setDefaultCreateEntities(false);
        // one path per series: an SVG of segments was tens of megabytes for a 10 s run, and a
        // dash pattern runs on along a path instead of restarting at every sample
        renderer.setDrawSeriesLineAsPath(true);
        XYPlot plot = FlowChart.bytesPlot(data, renderer, label);
        plot.getRangeAxis().setLabelFont(style.font());
        plot.getRangeAxis().setTickLabelFont(style.font());
        return plot;
    }

    /** Shades {@code run}'s zero-window periods that reach into [from, to] seconds on both plots. */
    static void shade(OverlayRun run, XYPlot queues, XYPlot window, double from, double to) {
        double end = run.samples().isEmpty() ? 0 : run.samples().get(run.samples().size() - 1).timeNanos() / 1e9;
        for (ZeroWindowSpan span : ZeroWindowPeriods.of(run.events())) {
            double until = Double.isNaN(span.end()) ? end : span.end();
            if (until < from || span.start() > to) {
                continue;
            }
            for (XYPlot p : List.of(queues, window)) {
                IntervalMarker m = new IntervalMarker(span.start(), Math.max(until, span.start() + 1e-6));
                m.setPaint(run.look().zeroWindowShade());
                m.setOutlinePaint(null);
                p.addDomainMarker(m, Layer.BACKGROUND);
            }
        }
    }

    /** An event to mark, and the run it belongs to. */
    private record Marked(OverlayRun run, TcpEvent event) {
        double seconds() {
            return event.timeNanos() / 1e9;
        }
    }

    /** Where and how many markers {@link #mark} draws. */
    record MarkerLayout(double from, double to, int maxLines, boolean labelsAtBottom) {
        static final MarkerLayout WHOLE_RUN = new MarkerLayout(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Integer.MAX_VALUE, false);
    }

    /**
     * All runs' markers in [from, to] in time order, so labels close in time (a reset's RST,
     * ECONNRESET and EPIPE, in either run) go into rows below each other instead of overprinting.
     * Beyond {@code maxLines} lines only labelled markers are added. Returns the markers added.
     */
    static int mark(List<OverlayRun> runs, XYPlot queues, XYPlot window, ChartStyle style, MarkerLayout layout) {
        List<Marked> all = new java.util.ArrayList<>();
        double last = 0;
        for (OverlayRun run : runs) {
            for (TcpEvent e : run.events()) {
                double t = e.timeNanos() / 1e9;
                if (EventMarkers.isMarked(e.kind()) && t >= layout.from() && t <= layout.to()) {
                    all.add(new Marked(run, e));
                }
            }
            if (!run.samples().isEmpty()) {
                last = Math.max(last, run.samples().get(run.samples().size() - 1).timeNanos() / 1e9);
            }
        }
        all.sort(java.util.Comparator.comparingLong(m -> m.event().timeNanos()));
        boolean labels = all.stream().filter(m -> EventMarkers.label(m.event()) != null).count() <= MAX_LABELS;
        // the whole run from 0, or the range in view
        double span = Double.isInfinite(layout.to() - layout.from()) ? last : layout.to() - layout.from();
        // label widths estimated from the text, for a plot about 1000 px wide (as EventMarkers does)
        double secondsPerChar = Math.max(span, 1e-3) / 1000.0 * style.fontSize() * 0.62;
        double[] rowFreeAt = new double[16];
        java.util.Arrays.fill(rowFreeAt, Double.NEGATIVE_INFINITY);
        int added = 0;
        for (Marked m : all) {
            double t = m.seconds();
            String label = labels ? label(m.run(), m.event()) : null;
            if (added >= layout.maxLines() && label == null) {
                continue;
            }
            int row = 0;
            if (label != null) {
                while (row < rowFreeAt.length - 1 && rowFreeAt[row] > t) {
                    row++;
                }
                rowFreeAt[row] = t + (label.length() + 2) * secondsPerChar;
            }
            OverlayRun.Look look = m.run().look();
            switch (m.event().kind()) {
                case WINDOW_UPDATE -> window.addDomainMarker(marker(t, ChartStyle.UPDATE, null, row, look, style, false),
                        Layer.FOREGROUND);
                case ZERO_WINDOW_PROBE -> window.addDomainMarker(marker(t, ChartStyle.PROBE, null, row, look, style, false),
                        Layer.FOREGROUND);
                case KNOB_CHANGED -> queues.addDomainMarker(marker(t, ChartStyle.KNOB, label, row, look, style,
                        layout.labelsAtBottom()), Layer.FOREGROUND);
                default -> queues.addDomainMarker(marker(t, ChartStyle.ERROR, label, row, look, style,
                        layout.labelsAtBottom()), Layer.FOREGROUND);
            }
            added++;
        }
        return added;
    }

    private static String label(OverlayRun run, TcpEvent e) {
        String text = EventMarkers.label(e);
        return text == null ? null : run.name() + ": " + text;
    }

    /** A marker line at {@code t} in {@code look}, labelled in the {@code row}-th row from the top (or bottom). */
    private static ValueMarker marker(double t, Color color, String label, int row, OverlayRun.Look look,
                                      ChartStyle style, boolean atBottom) {
        Color c = look.paint(color);
        ValueMarker m = new ValueMarker(t, c, look.marker(style));
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(style.font());
            m.setLabelPaint(c);
            int offset = 2 + row * (style.fontSize() + 4);
            m.setLabelOffset(atBottom ? new RectangleInsets(2, 4, offset, 4) : new RectangleInsets(offset, 4, 2, 4));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            m.setLabelAnchor(atBottom ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(atBottom ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
        }
        return m;
    }

    public JFreeChart chart() {
        return chart;
    }

    /** A line under the title saying how to read the chart (how the runs' clocks are lined up). */
    public void addNote(String note) {
        TextTitle line = new TextTitle(note, style.font());
        line.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(0, line);
    }

    /** Event markers drawn (lines, not the shaded zero-window periods), over all runs. */
    public int markerCount() {
        return markers;
    }
}
