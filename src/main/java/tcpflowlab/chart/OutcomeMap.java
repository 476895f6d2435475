package tcpflowlab.chart;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;
import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepAxis;
import tcpflowlab.sweep.SweepMetric;
import tcpflowlab.sweep.SweepPlot;
import tcpflowlab.sweep.SweepResult;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sweep's outcome map: what {@link SweepPlot} says, for every cell. One varied field gives a
 * strip of outcome blocks or a line of the metric; two a heatmap (first field across, second
 * up); three one heatmap per value of the third, side by side, titled "field = value", on one
 * shared colour scale. Axes carry the fields' labels and units and are logarithmic where the
 * sweep spaced the values geometrically. Works on a partial result: cells not run yet are
 * pale, and {@link #update} refills the same chart as more cells finish.
 */
public final class OutcomeMap {
    /** The most varied fields a map can show. */
    public static final int MAX_FIELDS = 3;
    /** The "never" grey, lightened: a band behind a line chart's grid lines. */
    private static final Color NEVER_BAND = new Color(OutcomeStyle.NEVER.getRed(), OutcomeStyle.NEVER.getGreen(),
            OutcomeStyle.NEVER.getBlue(), 110);

    private final SweepPlot plot;
    private final ChartStyle style;
    private final MapGrid grid;
    private final JFreeChart chart;
    private final XYPlot root;
    private final List<XYPlot> panels = new ArrayList<>();
    private final List<CellBlockRenderer.Blocks> blocks = new ArrayList<>();
    private final DefaultXYDataset line;
    private final NumberAxis scaleAxis;
    private final PaintScaleLegend scaleLegend;
    private MetricScale scale;

    private OutcomeMap(SweepResult result, SweepPlot plot, ChartStyle style) {
        this.plot = plot;
        this.style = style;
        this.grid = new MapGrid(result.spec());
        grid.set(result);
        boolean lineChart = grid.fields() == 1 && plot.metric().isPresent();
        if (lineChart) {
            line = new DefaultXYDataset();
            root = linePlot();
            panels.add(root);
        } else {
            line = null;
            root = grid.fields() == 3 ? smallMultiples() : panel(0, upAxis());
        }
        chart = new JFreeChart(null, style.titleFont(), root, true);
        chart.setBackgroundPaint(Color.WHITE);
        // room on the right for the last tick label of the axis across
        chart.setPadding(new RectangleInsets(4, 8, 4, 24));
        chart.getLegend().setItemFont(style.font());
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        if (plot.metric().isPresent() && !lineChart) {
            scaleAxis = new NumberAxis(plot.label());
            scaleAxis.setLabelFont(style.font());
            scaleAxis.setTickLabelFont(style.font());
            scale = new MetricScale(0, 1);
            scaleLegend = new PaintScaleLegend(scale, scaleAxis);
            scaleLegend.setPosition(RectangleEdge.RIGHT);
            scaleLegend.setStripWidth(style.fontSize() * 1.2);
            scaleLegend.setSubdivisionCount(128);
            scaleLegend.setMargin(new RectangleInsets(8, 8, 8, 8));
            chart.addSubtitle(scaleLegend);
        } else {
            scaleAxis = null;
            scaleLegend = null;
        }
        refill();
    }

    /**
     * The map of {@code result} (complete or not) coloured by {@code plot}.
     *
     * @throws IllegalArgumentException when more than {@value #MAX_FIELDS} fields are varied; the
     *         message, naming them, is meant for the user
     */
    public static OutcomeMap of(SweepResult result, SweepPlot plot, ChartStyle style) {
        List<SweepAxis> axes = result.spec().axes();
        if (axes.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("a map shows at most " + MAX_FIELDS + " varied fields; this sweep varies "
                    + axes.size() + " (" + String.join(", ", axes.stream().map(a -> a.field().path()).toList())
                    + "): sweep.csv has every cell, or vary fewer fields for a map");
        }
        return new OutcomeMap(result, plot, style);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** How many heatmaps (one per value of a third field, else one). */
    public int panelCount() {
        return panels.size();
    }

    /** A size the map reads well at: wider with every panel, flatter for a strip. */
    public Dimension preferredSize() {
        if (grid.fields() == 1) {
            return new Dimension(1100, plot.metric().isPresent() ? 600 : 380);
        }
        int width = Math.min(10_000, 300 + 600 * panels.size());
        return new Dimension(Math.max(1100, width), 760);
    }

    /**
     * Redraws the same map for a later state of the same sweep (more cells finished): only the
     * cells, colour scale, legend and title change, so it is cheap to call for every cell.
     */
    public void update(SweepResult result) {
        grid.set(result);
        refill();
    }

    private void refill() {
        List<CellResult> done = grid.finished();
        String title = grid.spec().base().name() + ": " + plot.label();
        if (done.size() < grid.cellCount()) {
            title += " (" + done.size() + " of " + grid.cellCount() + " cells)";
        }
        chart.setTitle(new TextTitle(title, style.titleFont()));
        LegendItemCollection items = new LegendItemCollection();
        Optional<SweepMetric> metric = plot.metric();
        if (metric.isEmpty()) {
            for (OutcomeStyle o : OutcomeStyle.values()) {
                items.add(square(o.name() + " (" + o.initial() + ")", o.outcome().meaning(), o.color()));
            }
        } else {
            SweepMetric m = metric.get();
            if (done.stream().anyMatch(c -> Double.isNaN(c.metric(m)))) {
                items.add(square(m.mayBeNever() ? "never" : "cannot tell", m.label() + ": no value",
                        line == null ? OutcomeStyle.NEVER : NEVER_BAND));
            }
        }
        if (done.size() < grid.cellCount()) {
            items.add(square("not run yet", "cells still to run", OutcomeStyle.NOT_RUN));
        }
        root.setFixedLegendItems(items);
        chart.getLegend().setVisible(items.getItemCount() > 0);
        if (line != null) {
            fillLine(metric.get(), done);
        } else {
            if (scaleLegend != null) {
                scale = scaleFor(metric.get(), done);
                scaleLegend.setScale(scale);
                scaleAxis.setRange(scale.lower(), scale.upper());
            }
            for (XYPlot p : panels) {
                ((CellBlockRenderer) p.getRenderer()).setColouring(this::colour, metric.isEmpty());
            }
            blocks.forEach(CellBlockRenderer.Blocks::changed);
        }
    }

    private Color colour(CellResult cell) {
        if (cell == null) {
            return OutcomeStyle.NOT_RUN;
        }
        return plot.metric().map(m -> (Color) scale.getPaint(cell.metric(m)))
                .orElseGet(() -> OutcomeStyle.of(cell.outcome()).color());
    }

    /** Shares on 0 .. 1; anything else from its smallest to its largest value so far. */
    private static MetricScale scaleFor(SweepMetric m, List<CellResult> cells) {
        if (m.column().endsWith("_share")) {
            return new MetricScale(0, 1);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (CellResult c : cells) {
            double v = c.metric(m);
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new MetricScale(0, 1);
        }
        if (lo == hi) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.05;
            return new MetricScale(lo - (lo >= 0 && lo - pad < 0 ? lo : pad), hi + pad);
        }
        return new MetricScale(lo, hi);
    }

    private static LegendItem square(String label, String description, Color colour) {
        Rectangle box = new Rectangle(-6, -6, 12, 12);
        return new LegendItem(label, description, null, null, true, box, true, colour, true, Color.GRAY,
                new BasicStroke(1f), false, box, new BasicStroke(1f), colour);
    }

    private ValueAxis upAxis() {
        if (grid.up() != null) {
            return grid.up().valueAxis(style);
        }
        NumberAxis strip = new NumberAxis();
        strip.setRange(0, 1);
        strip.setVisible(false);
        return strip;
    }

    private XYPlot panel(int index, ValueAxis up) {
        CellBlockRenderer.Blocks data = new CellBlockRenderer.Blocks(grid);
        blocks.add(data);
        XYPlot p = new XYPlot(data, grid.across().valueAxis(style), up,
                new CellBlockRenderer(grid, index, style, this::colour, true));
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinesVisible(false);
        p.setRangeGridlinesVisible(false);
        panels.add(p);
        return p;
    }

    private XYPlot smallMultiples() {
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(upAxis());
        combined.setGap(style.fontSize() * 3.0);
        MapAxis third = grid.panelAxis();
        for (int i = 0; i < third.size(); i++) {
            XYPlot p = panel(i, null);
            NumberAxis title = new NumberAxis(third.sweepAxis().field().path() + " = "
                    + SweepAxis.text(third.sweepAxis().values().get(i)));
            title.setLabelFont(style.titleFont());
            title.setTickLabelsVisible(false);
            title.setTickMarksVisible(false);
            title.setAxisLineVisible(false);
            p.setDomainAxis(1, title);
            p.setDomainAxisLocation(1, AxisLocation.TOP_OR_LEFT);
            combined.add(p);
        }
        return combined;
    }

    private XYPlot linePlot() {
        NumberAxis value = new NumberAxis(plot.label());
        value.setLabelFont(style.font());
        value.setTickLabelFont(style.font());
        value.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, SeriesStyle.SEND_QUEUE.color());
        r.setSeriesStroke(0, style.solid());
        r.setDefaultCreateEntities(false);
        XYPlot p = new XYPlot(line, grid.across().valueAxis(style), value, r);
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(Color.LIGHT_GRAY);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return p;
    }

    /** The metric along the one field; a cell that never saw it is a grey band, a gap in the line. */
    private void fillLine(SweepMetric m, List<CellResult> done) {
        root.clearDomainMarkers();
        double[][] xy = new double[2][done.size()];
        for (int i = 0; i < done.size(); i++) {
            CellResult c = done.get(i);
            int x = c.index();
            xy[0][i] = grid.across().centre(x);
            xy[1][i] = c.metric(m);
            if (Double.isNaN(xy[1][i])) {
                IntervalMarker never = new IntervalMarker(grid.across().lower(x), grid.across().upper(x));
                never.setPaint(NEVER_BAND);
                never.setOutlinePaint(null);
                root.addDomainMarker(never, Layer.BACKGROUND);
            }
        }
        line.addSeries(m.label(), xy);
    }

    /** The finished cell under {@code pixel} of a chart drawn with {@code info}; empty off the blocks or for a cell not run yet. */
    public Optional<CellResult> cellAt(Point2D pixel, ChartRenderingInfo info) {
        PlotRenderingInfo plotInfo = info.getPlotInfo();
        int panel = 0;
        if (grid.fields() == 3) {
            panel = plotInfo.getSubplotIndex(pixel);
            if (panel < 0) {
                return Optional.empty();
            }
            plotInfo = plotInfo.getSubplotInfo(panel);
        }
        Rectangle2D area = plotInfo.getDataArea();
        if (!area.contains(pixel)) {
            return Optional.empty();
        }
        XYPlot p = panels.get(panel);
        int x = grid.across().positionAt(p.getDomainAxis().java2DToValue(pixel.getX(), area, p.getDomainAxisEdge()));
        int y = 0;
        if (grid.up() != null) {
            y = grid.up().positionAt(p.getRangeAxis().java2DToValue(pixel.getY(), area, p.getRangeAxisEdge()));
        }
        if (x < 0 || y < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(grid.cell(x, y, panel));
    }

    /**
     * Where cell {@code index} was drawn in a chart drawn with {@code info} (its block, or for a
     * line chart the band of its value), for a hover highlight.
     */
    public Optional<Rectangle2D> blockOf(int index, ChartRenderingInfo info) {
        if (index < 0 || index >= grid.cellCount()) {
            return Optional.empty();
        }
        int[] pos = grid.spec().positionOf(index);
        int panel = grid.fields() == 3 ? pos[2] : 0;
        PlotRenderingInfo plotInfo = info.getPlotInfo();
        if (grid.fields() == 3) {
            if (panel >= plotInfo.getSubplotCount()) {
                return Optional.empty(); // not drawn yet
            }
            plotInfo = plotInfo.getSubplotInfo(panel);
        }
        XYPlot p = panels.get(panel);
        Rectangle2D area = plotInfo.getDataArea();
        if (line != null) {
            double x0 = p.getDomainAxis().valueToJava2D(grid.across().lower(pos[0]), area, p.getDomainAxisEdge());
            double x1 = p.getDomainAxis().valueToJava2D(grid.across().upper(pos[0]), area, p.getDomainAxisEdge());
            return Optional.of(new Rectangle2D.Double(Math.min(x0, x1), area.getY(), Math.abs(x1 - x0), area.getHeight()));
        }
        return Optional.of(CellBlockRenderer.block(grid, pos[0], grid.up() == null ? 0 : pos[1], area, p));
    }
}
