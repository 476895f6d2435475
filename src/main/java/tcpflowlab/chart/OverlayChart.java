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
    /** How far a faded colour goes towards white. */
    private static final float FADE = 0.55f;

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
    private int markers;

    private OverlayChart(List<OverlayRun> runs, String title, ChartStyle style) {
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
                boolean faded = run.look() == OverlayRun.Look.FADED;
                renderer.setSeriesPaint(series, faded ? fade(line.color()) : line.color());
                renderer.setSeriesStroke(series, faded ? style.dashed() : style.solid());
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
            shade(run);
        }
        mark(runs, style);
    }

    /** The chart of {@code runs}, drawn in list order (later runs on top). */
    public static OverlayChart of(List<OverlayRun> runs, String title, ChartStyle style) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("an overlay needs at least one run");
        }
        return new OverlayChart(runs, title, style);
    }

    private static double[][] series(List<Sample> samples, ToLongFunction<Sample> value) {
        double[][] xy = new double[2][samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            xy[0][i] = samples.get(i).timeNanos() / 1e9;
            xy[1][i] = value.applyAsLong(samples.get(i));
        }
        return xy;
    }

    private static XYPlot plot(DefaultXYDataset data, XYLineAndShapeRenderer renderer, String label, ChartStyle style) {
        renderer.setDefaultCreateEntities(false);
        XYPlot plot = FlowChart.bytesPlot(data, renderer, label);
        plot.getRangeAxis().setLabelFont(style.font());
        plot.getRangeAxis().setTickLabelFont(style.font());
        return plot;
    }

    private void shade(OverlayRun run) {
        boolean faded = run.look() == OverlayRun.Look.FADED;
        double end = run.samples().isEmpty() ? 0 : run.samples().get(run.samples().size() - 1).timeNanos() / 1e9;
        for (ZeroWindowSpan span : ZeroWindowPeriods.of(run.events())) {
            double to = Double.isNaN(span.end()) ? end : span.end();
            for (XYPlot p : List.of(queues, window)) {
                IntervalMarker m = new IntervalMarker(span.start(), Math.max(to, span.start() + 1e-6));
                m.setPaint(faded ? withAlpha(ChartStyle.ZERO_WINDOW_SHADE, 20) : ChartStyle.ZERO_WINDOW_SHADE);
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

    /**
     * All runs' markers in time order, so labels close in time (a reset's RST, ECONNRESET and
     * EPIPE, in either run) go into rows below each other instead of overprinting.
     */
    private void mark(List<OverlayRun> runs, ChartStyle style) {
        List<Marked> all = new java.util.ArrayList<>();
        double last = 0;
        for (OverlayRun run : runs) {
            for (TcpEvent e : run.events()) {
                if (EventMarkers.isMarked(e.kind())) {
                    all.add(new Marked(run, e));
                }
            }
            if (!run.samples().isEmpty()) {
                last = Math.max(last, run.samples().get(run.samples().size() - 1).timeNanos() / 1e9);
            }
        }
        all.sort(java.util.Comparator.comparingLong(m -> m.event().timeNanos()));
        boolean labels = all.stream().filter(m -> EventMarkers.label(m.event()) != null).count() <= MAX_LABELS;
        // label widths estimated from the text, for a plot about 1000 px wide (as EventMarkers does)
        double secondsPerChar = Math.max(last, 1e-3) / 1000.0 * style.fontSize() * 0.62;
        double[] rowFreeAt = new double[16];
        java.util.Arrays.fill(rowFreeAt, Double.NEGATIVE_INFINITY);
        for (Marked m : all) {
            boolean faded = m.run().look() == OverlayRun.Look.FADED;
            double t = m.seconds();
            String label = labels ? label(m.run(), m.event()) : null;
            int row = 0;
            if (label != null) {
                while (row < rowFreeAt.length - 1 && rowFreeAt[row] > t) {
                    row++;
                }
                rowFreeAt[row] = t + (label.length() + 2) * secondsPerChar;
            }
            switch (m.event().kind()) {
                case WINDOW_UPDATE -> add(window, t, ChartStyle.UPDATE, null, row, faded, style);
                case ZERO_WINDOW_PROBE -> add(window, t, ChartStyle.PROBE, null, row, faded, style);
                case KNOB_CHANGED -> add(queues, t, ChartStyle.KNOB, label, row, faded, style);
                default -> add(queues, t, ChartStyle.ERROR, label, row, faded, style);
            }
        }
    }

    private static String label(OverlayRun run, TcpEvent e) {
        String text = EventMarkers.label(e);
        return text == null ? null : run.name() + ": " + text;
    }

    private void add(XYPlot plot, double t, Color color, String label, int row, boolean faded, ChartStyle style) {
        Color c = faded ? fade(color) : color;
        ValueMarker m = new ValueMarker(t, c, faded ? style.dashed() : style.marker());
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(style.font());
            m.setLabelPaint(c);
            m.setLabelOffset(new RectangleInsets(2 + row * (style.fontSize() + 4), 4, 2, 4));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        }
        plot.addDomainMarker(m, Layer.FOREGROUND);
        markers++;
    }

    private static Color fade(Color c) {
        return new Color(mix(c.getRed()), mix(c.getGreen()), mix(c.getBlue()));
    }

    private static int mix(int channel) {
        return Math.round(channel + (255 - channel) * FADE);
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Event markers drawn (lines, not the shaded zero-window periods), over all runs. */
    public int markerCount() {
        return markers;
    }
}
