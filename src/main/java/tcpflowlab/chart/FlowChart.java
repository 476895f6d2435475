package tcpflowlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.List;

/**
 * The stacked charts on one shared time axis: (1) server send queue (left axis) and client
 * receive queue (right axis) with their capacities dashed, (2) the advertised window on a scale
 * reaching the receive buffer's capacity, (3) application throughput, (4) the spill queue's
 * depth, shown only for runs that have one; the throughput row also counts messages dropped and
 * lost on reset on its right axis ({@link LossRow}), for runs that can lose messages. Datasets, plots and renderers stay separate (JFreeChart's own
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
    private final WindowedXYDataset receiveData;
    private final LossRow losses;
    private final FlowLimitStrip limits;
    private final List<WindowedXYDataset> datasets;
    private final EventMarkers markers;
    private final ReferenceLayer reference;
    private final EvidenceMarker evidence = new EvidenceMarker(this::visibleRows);
    private ChartStyle style = ChartStyle.NORMAL;
    private boolean spillShown = true;
    private boolean lossShown = true;

    public FlowChart(SampleHistory history) {
        this.history = history;
        WindowedXYDataset sendData = new WindowedXYDataset(history, List.of(SampleColumn.SEND_QUEUE,
                SampleColumn.SEND_CAPACITY));
        receiveData = new WindowedXYDataset(history, List.of(SampleColumn.RECEIVE_QUEUE,
                SampleColumn.RECEIVE_CAPACITY));
        WindowedXYDataset windowData = new WindowedXYDataset(history, List.of(SampleColumn.WINDOW));
        WindowedXYDataset rateData = new WindowedXYDataset(history, List.of(SampleColumn.WRITE_RATE, SampleColumn.READ_RATE));
        WindowedXYDataset spillData = new WindowedXYDataset(history, List.of(SampleColumn.SPILL_DEPTH));
        WindowedXYDataset lossData = new WindowedXYDataset(history, List.of(SampleColumn.MESSAGES_DROPPED,
                SampleColumn.MESSAGES_LOST));
        datasets = List.of(sendData, receiveData, windowData, rateData, spillData, lossData);

        timeAxis = new TimeAxis();
        combined = new CombinedDomainXYPlot(timeAxis) {
            @Override
            public void draw(java.awt.Graphics2D g2, java.awt.geom.Rectangle2D area, java.awt.geom.Point2D anchor,
                             org.jfree.chart.plot.PlotState parentState, org.jfree.chart.plot.PlotRenderingInfo info) {
                int rows = visibleRows().stream().mapToInt(XYPlot::getWeight).sum();
                limits.fitTo(area.getHeight(), rows, FlowLimitStrip.bandPixels(area.getHeight(), style));
                super.draw(g2, area, anchor, parentState, info);
            }
        };
        combined.setGap(4); // 8 before the flow-limit strip came: the rows keep their height on a projector
        queues = subplot(sendData, new NumberAxis("send (B)"));
        // The client's receive queue (a few KiB) on its own axis on the right: on the send
        // queue's 128 KiB scale it would be a flat line at the bottom.
        queues.setDataset(1, receiveData);
        queues.setRenderer(1, lineRenderer());
        queues.setRangeAxis(1, bytesAxis(new NumberAxis("receive (B)")));
        queues.mapDatasetToRangeAxis(1, 1);
        window = subplot(windowData, new CapacityAxis("window (B)", this::receiveCapacity));
        throughput = subplot(rateData, new NumberAxis("app (B/s)"));
        spill = subplot(spillData, new NumberAxis("spill (B)"));
        // On the throughput row's right axis rather than a row of its own: at 1280x720 on a
        // projector a fifth row would leave every row too short to read.
        losses = new LossRow(throughput, lossData);
        combined.add(queues, 4);
        combined.add(window, 2);
        combined.add(throughput, 2);
        combined.add(spill, 1);
        // What held the sender back, under the rows it explains, on their time axis.
        limits = new FlowLimitStrip(history.flowLimits());
        combined.add(limits.plot(), 1);
        combined.setOrientation(PlotOrientation.VERTICAL);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(true);
        markers = new EventMarkers(queues, window);
        reference = new ReferenceLayer(queues, window);
        applyStyle(style);
    }

    /** The largest receive buffer capacity in view: the window can never advertise more. */
    private double receiveCapacity() {
        double max = 0;
        for (int i = 0; i < receiveData.getItemCount(1); i++) {
            max = Math.max(max, receiveData.getYValue(1, i));
        }
        return max;
    }

    private static XYPlot subplot(WindowedXYDataset data, NumberAxis axis) {
        XYPlot plot = bytesPlot(data, lineRenderer(), axis);
        plot.setDomainCrosshairPaint(Color.DARK_GRAY);
        plot.setDomainCrosshairLockedOnData(false);
        return plot;
    }

    /** A renderer that draws at most one segment per pixel column and creates no entities. */
    static SamplingXYLineRenderer lineRenderer() {
        SamplingXYLineRenderer renderer = new SamplingXYLineRenderer();
        renderer.setDefaultCreateEntities(false);
        return renderer;
    }

    /** A subplot of byte counts: its value axis from 0 in whole numbers, white, light grid. Shared with overlays. */
    static XYPlot bytesPlot(org.jfree.data.xy.XYDataset data, org.jfree.chart.renderer.xy.XYItemRenderer renderer,
                            String label) {
        return bytesPlot(data, renderer, new NumberAxis(label));
    }

    private static XYPlot bytesPlot(org.jfree.data.xy.XYDataset data, org.jfree.chart.renderer.xy.XYItemRenderer renderer,
                                    NumberAxis axis) {
        XYPlot plot = new XYPlot(data, null, bytesAxis(axis), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    static NumberAxis bytesAxis(NumberAxis axis) {
        axis.setAutoRangeIncludesZero(true);
        axis.setAutoRangeMinimumSize(1.0); // an all-zero series shows 0 .. 1, not +-5E-9
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis;
    }

    public void applyStyle(ChartStyle s) {
        this.style = s;
        for (XYPlot p : subplots()) {
            for (int d = 0; d < p.getDatasetCount(); d++) {
                if (!(p.getDataset(d) instanceof WindowedXYDataset data)) {
                    continue; // a pinned reference's, styled by its layer
                }
                for (int series = 0; series < data.getSeriesCount(); series++) {
                    SeriesStyle look = series(data, series);
                    p.getRenderer(d).setSeriesPaint(series, look.color());
                    p.getRenderer(d).setSeriesStroke(series, look.stroke(s.lineWidth()));
                }
            }
            for (int a = 0; a < p.getRangeAxisCount(); a++) {
                p.getRangeAxis(a).setLabelFont(s.font());
                p.getRangeAxis(a).setTickLabelFont(s.font());
            }
        }
        // Each queue axis is labelled in its queue's colour, so the class knows which scale to read.
        queues.getRangeAxis(0).setLabelPaint(SeriesStyle.SEND_QUEUE.color());
        queues.getRangeAxis(1).setLabelPaint(SeriesStyle.RECEIVE_QUEUE.color());
        timeAxis.setLabelFont(s.font());
        timeAxis.setTickLabelFont(s.font());
        // On a projector every row must stay readable, so the rows share the height evenly.
        boolean even = s.fontSize() > ChartStyle.NORMAL.fontSize();
        // Weights in hundredths, so the flow-limit strip's weight (FlowLimitStrip.fitTo) can be
        // fine: in tenths a short chart's strip rounded down to 11 px.
        queues.setWeight(even ? 100 : 300);
        window.setWeight(even ? 100 : 200);
        throughput.setWeight(even ? 100 : 200);
        spill.setWeight(100);
        limits.applyStyle(s);
        losses.applyStyle(s);
        reference.applyStyle(s);
        updateLegend();
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(s.titleFont());
        }
        markers.setStyle(s);
        evidence.setStyle(s);
    }

    private static SeriesStyle series(WindowedXYDataset data, int series) {
        return SeriesStyle.of(data.columns().get(series));
    }

    /** The legend: one item per drawn series, its swatch a short stretch of the series' own line. */
    private void updateLegend() {
        LegendItemCollection items = new LegendItemCollection();
        Line2D swatch = new Line2D.Double(-14, 0, 14, 0);
        for (XYPlot p : visibleRows()) {
            for (int d = 0; d < p.getDatasetCount(); d++) {
                if (!(p.getDataset(d) instanceof WindowedXYDataset data)) {
                    continue;
                }
                if (!lossShown && losses.owns(data)) {
                    continue;
                }
                for (int series = 0; series < data.getSeriesCount(); series++) {
                    SeriesStyle look = series(data, series);
                    LegendItem item = new LegendItem(look.label(), look.column().label(), null, null,
                            false, swatch, false, look.color(), false, look.color(), style.solid(),
                            true, swatch, look.stroke(style.lineWidth()), look.color());
                    items.add(item);
                }
            }
        }
        reference.legendItems().forEach(items::add);
        combined.setFixedLegendItems(items);
        if (chart != null && chart.getLegend() != null) {
            chart.getLegend().setItemFont(style.font());
        }
    }

    /**
     * Shows or hides the spill queue's row: a run without a spill queue has nothing to draw
     * there, and the other rows get its height.
     */
    public void setSpillShown(boolean shown) {
        if (shown == spillShown) {
            return;
        }
        spillShown = shown;
        if (shown) {
            combined.remove(limits.plot());
            combined.add(spill, spill.getWeight());
            combined.add(limits.plot(), limits.plot().getWeight());
        } else {
            combined.remove(spill);
        }
        updateLegend();
    }

    /**
     * Shows or hides the loss counts: a run that can lose nothing (BLOCK, SPILL) has nothing to
     * draw there.
     */
    public void setLossShown(boolean shown) {
        if (shown == lossShown) {
            return;
        }
        lossShown = shown;
        losses.setShown(shown);
        updateLegend();
    }

    /** The rows on screen, top to bottom. */
    public List<XYPlot> visibleRows() {
        return spillShown ? List.of(queues, window, throughput, spill) : List.of(queues, window, throughput);
    }

    /** The flow-limit strip under the rows. */
    public FlowLimitStrip limits() {
        return limits;
    }

    /** The loss chart: its series, markers and note. */
    public LossRow losses() {
        return losses;
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
        limits.show(from, to, pixelColumns);
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
        limits.publish();
        chart.setNotify(true);
    }

    public void setCrosshair(double t) {
        for (XYPlot p : subplots()) {
            p.setDomainCrosshairVisible(true);
            p.setDomainCrosshairValue(t, false);
        }
    }

    /** No crosshair: a new run has no moment chosen yet. */
    public void hideCrosshair() {
        for (XYPlot p : subplots()) {
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

    /** A lesson's evidence: where the answer to its question comes from. */
    public EvidenceMarker evidence() {
        return evidence;
    }

    /**
     * Draws a pinned run under the live one (in its look, on the same time axis), or removes it
     * ({@code null}). Its markers come with {@link #showReferenceMarkers}.
     */
    public void setReference(OverlayRun run) {
        if (run == null) {
            reference.clear();
        } else {
            reference.set(run);
        }
        updateLegend();
    }

    /** The pinned run drawn, or null. */
    public OverlayRun reference() {
        return reference.run();
    }

    /** Adds the pinned run's markers in [from, to] seconds, after the live markers were shown. */
    public void showReferenceMarkers(double from, double to) {
        reference.showMarkers(from, to);
    }

    public List<WindowedXYDataset> datasets() {
        return datasets;
    }

    /** The chart rows, top to bottom (the flow-limit strip under them is {@link #limits()}). */
    public List<XYPlot> subplots() {
        return List.of(queues, window, throughput, spill);
    }
}
