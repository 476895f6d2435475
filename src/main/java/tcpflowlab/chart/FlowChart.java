package tcpflowlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.Color;
import java.util.List;

/**
 * The four stacked charts on one shared time axis: (1) server send queue and client receive
 * queue with their capacities dashed, (2) the advertised window, (3) application throughput,
 * (4) the spill queue's depth. Datasets, plots and renderers stay separate (JFreeChart's own
 * split); the renderers draw at most one segment per pixel column and create no entities, so
 * hundreds of thousands of points redraw in milliseconds (BENCHMARKS.md).
 */
public final class FlowChart {
    private final SampleHistory history;
    private final JFreeChart chart;
    private final CombinedDomainXYPlot combined;
    private final TimeAxis timeAxis;
    private final XYPlot queues;
    private final XYPlot window;
    private final XYPlot throughput;
    private final XYPlot spill;
    private final List<WindowedXYDataset> datasets;
    private final EventMarkers markers;
    private ChartStyle style = ChartStyle.NORMAL;

    public FlowChart(SampleHistory history) {
        this.history = history;
        WindowedXYDataset queueData = new WindowedXYDataset(history, List.of(SampleColumn.SEND_QUEUE,
                SampleColumn.RECEIVE_QUEUE, SampleColumn.SEND_CAPACITY, SampleColumn.RECEIVE_CAPACITY));
        WindowedXYDataset windowData = new WindowedXYDataset(history, List.of(SampleColumn.WINDOW));
        WindowedXYDataset rateData = new WindowedXYDataset(history, List.of(SampleColumn.WRITE_RATE, SampleColumn.READ_RATE));
        WindowedXYDataset spillData = new WindowedXYDataset(history, List.of(SampleColumn.SPILL_DEPTH));
        datasets = List.of(queueData, windowData, rateData, spillData);

        timeAxis = new TimeAxis();
        combined = new CombinedDomainXYPlot(timeAxis);
        combined.setGap(8);
        queues = subplot(queueData, "queues (B)");
        window = subplot(windowData, "window (B)");
        throughput = subplot(rateData, "app B/s");
        spill = subplot(spillData, "spill (B)");
        combined.add(queues, 4);
        combined.add(window, 2);
        combined.add(throughput, 2);
        combined.add(spill, 1);
        combined.setOrientation(PlotOrientation.VERTICAL);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(true);
        markers = new EventMarkers(queues, window);
        applyStyle(style);
    }

    private static XYPlot subplot(WindowedXYDataset data, String label) {
        SamplingXYLineRenderer renderer = new SamplingXYLineRenderer();
        renderer.setDefaultCreateEntities(false);
        XYPlot plot = bytesPlot(data, renderer, label);
        plot.setDomainCrosshairPaint(Color.DARK_GRAY);
        plot.setDomainCrosshairLockedOnData(false);
        return plot;
    }

    /** A subplot of byte counts: its value axis from 0 in whole numbers, white, light grid. Shared with overlays. */
    static XYPlot bytesPlot(org.jfree.data.xy.XYDataset data, org.jfree.chart.renderer.xy.XYItemRenderer renderer,
                            String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        axis.setAutoRangeMinimumSize(1.0); // an all-zero series shows 0 .. 1, not +-5E-9
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    public void applyStyle(ChartStyle s) {
        this.style = s;
        paint(queues, 0, ChartStyle.SEND, false);
        paint(queues, 1, ChartStyle.RECEIVE, false);
        paint(queues, 2, ChartStyle.SEND, true);
        paint(queues, 3, ChartStyle.RECEIVE, true);
        paint(window, 0, ChartStyle.WINDOW, false);
        paint(throughput, 0, ChartStyle.SEND, false);
        paint(throughput, 1, ChartStyle.RECEIVE, false);
        paint(spill, 0, ChartStyle.SPILL, false);
        timeAxis.setLabelFont(s.font());
        timeAxis.setTickLabelFont(s.font());
        for (XYPlot p : List.of(queues, window, throughput, spill)) {
            p.getRangeAxis().setLabelFont(s.font());
            p.getRangeAxis().setTickLabelFont(s.font());
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(s.font());
        }
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(s.titleFont());
        }
        markers.setStyle(s);
    }

    private void paint(XYPlot plot, int series, Color color, boolean dashed) {
        var r = plot.getRenderer();
        r.setSeriesPaint(series, color);
        r.setSeriesStroke(series, dashed ? style.dashed() : style.solid());
    }

    /** Shows [from, to] seconds on the time axis and points the datasets at it. */
    public void show(double from, double to) {
        show(from, to, WindowedXYDataset.DEFAULT_COLUMNS);
    }

    /** Like {@link #show(double, double)} for a plot about {@code pixelColumns} wide. */
    public void show(double from, double to, int pixelColumns) {
        if (!(to > from)) {
            to = from + 1e-3;
        }
        for (WindowedXYDataset d : datasets) {
            d.show(from, to, pixelColumns);
        }
        timeAxis.setRange(from, to);
    }

    /** Starts a frame: changes until {@link #endFrame()} cause no redraw. */
    public void beginFrame() {
        chart.setNotify(false);
    }

    /** Ends a frame: every dataset changed, and the chart redraws once. */
    public void endFrame() {
        for (WindowedXYDataset d : datasets) {
            d.publish();
        }
        chart.setNotify(true);
    }

    public void setCrosshair(double t) {
        for (XYPlot p : List.of(queues, window, throughput, spill)) {
            p.setDomainCrosshairVisible(true);
            p.setDomainCrosshairValue(t, false);
        }
    }

    /** No crosshair: a new run has no moment chosen yet. */
    public void hideCrosshair() {
        for (XYPlot p : List.of(queues, window, throughput, spill)) {
            p.setDomainCrosshairVisible(false);
        }
    }

    public void setTitle(String title) {
        if (title == null) {
            chart.setTitle((TextTitle) null);
        } else {
            chart.setTitle(new TextTitle(title, style.titleFont()));
        }
    }

    public JFreeChart chart() {
        return chart;
    }

    public TimeAxis timeAxis() {
        return timeAxis;
    }

    public SampleHistory history() {
        return history;
    }

    public EventMarkers markers() {
        return markers;
    }

    public List<WindowedXYDataset> datasets() {
        return datasets;
    }

    /** The subplots, top to bottom. */
    public List<XYPlot> subplots() {
        return List.of(queues, window, throughput, spill);
    }
}
