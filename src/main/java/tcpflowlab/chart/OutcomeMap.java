package tcpflowlab.chart;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.GrayPaintScale;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import tcpflowlab.engine.Outcome;
import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepPlot;
import tcpflowlab.sweep.SweepResult;
import tcpflowlab.sweep.SweepSpec;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PLACEHOLDER until branch sweep-map's OutcomeMap is merged (same signatures): cells as blocks
 * at their axis positions, coloured by outcome or a grey scale of the metric.
 */
public final class OutcomeMap {
    private final JFreeChart chart;
    private final XYPlot plot;
    private final SweepSpec spec;
    private final Map<Integer, CellResult> cells = new HashMap<>();

    private OutcomeMap(SweepResult result, SweepPlot what, ChartStyle style) {
        this.spec = result.spec();
        int n = result.cells().size();
        double[][] xyz = new double[3][n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            CellResult c = result.cells().get(i);
            cells.put(c.index(), c);
            int[] pos = spec.positionOf(c.index());
            xyz[0][i] = pos[0];
            xyz[1][i] = pos.length > 1 ? pos[1] : 0;
            double z = what.metric().map(c::metric).orElse((double) c.outcome().ordinal());
            xyz[2][i] = z;
            if (!Double.isNaN(z)) {
                min = Math.min(min, z);
                max = Math.max(max, z);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("cells", xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale(what, min, max));
        NumberAxis x = new NumberAxis(spec.axes().get(0).field().path());
        x.setRange(-0.5, spec.axes().get(0).size() - 0.5);
        NumberAxis y = new NumberAxis(spec.axes().size() > 1 ? spec.axes().get(1).field().path() : "");
        y.setRange(-0.5, (spec.axes().size() > 1 ? spec.axes().get(1).size() : 1) - 0.5);
        plot = new XYPlot(data, x, y, renderer);
        chart = new JFreeChart(what.label(), style.titleFont(), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
    }

    private static PaintScale scale(SweepPlot what, double min, double max) {
        if (what.metric().isEmpty()) {
            LookupPaintScale s = new LookupPaintScale(0, Outcome.values().length, Color.LIGHT_GRAY);
            Color[] colors = {new Color(0xd62728), new Color(0xff7f0e), new Color(0xbcbd22), new Color(0x2ca02c)};
            for (Outcome o : Outcome.values()) {
                s.add(o.ordinal(), colors[o.ordinal()]);
            }
            return s;
        }
        return min < max ? new GrayPaintScale(min, max) : new GrayPaintScale(min - 1, min + 1);
    }

    public static OutcomeMap of(SweepResult result, SweepPlot plot, ChartStyle style) {
        return new OutcomeMap(result, plot, style);
    }

    public JFreeChart chart() {
        return chart;
    }

    public Optional<CellResult> cellAt(Point2D pixel, ChartRenderingInfo info) {
        PlotRenderingInfo p = info.getPlotInfo();
        Rectangle2D area = p == null ? null : p.getDataArea();
        if (area == null || !area.contains(pixel)) {
            return Optional.empty();
        }
        int px = (int) Math.round(plot.getDomainAxis().java2DToValue(pixel.getX(), area, RectangleEdge.BOTTOM));
        int py = (int) Math.round(plot.getRangeAxis().java2DToValue(pixel.getY(), area, RectangleEdge.LEFT));
        int index = 0;
        int[] pos = spec.axes().size() > 1 ? new int[] {px, py} : new int[] {px};
        for (int a = 0; a < pos.length; a++) {
            if (pos[a] < 0 || pos[a] >= spec.axes().get(a).size()) {
                return Optional.empty();
            }
            index = index * spec.axes().get(a).size() + pos[a];
        }
        return Optional.ofNullable(cells.get(index));
    }
}
