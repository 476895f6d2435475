package tcpflowlab.chart;

import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a lesson's answer comes from, on every chart row: a violet band a little wider than a
 * pixel column with a dashed line at its centre, labelled on the top row. Violet and dashed, so
 * it is never taken for an event marker (red errors, orange probes, green updates, blue knobs).
 * The event markers replace the plots' markers every frame; this is added back after them.
 */
public final class EvidenceMarker {
    public static final Color COLOR = new Color(0x8e44ad);
    private static final Color BAND = new Color(0x8e, 0x44, 0xad, 60);
    /** The band's width as a share of the visible time: visible at any zoom, never hiding a neighbour. */
    private static final double BAND_SHARE = 0.012;

    private final Supplier<List<XYPlot>> rows;
    private final List<Placed> placed = new ArrayList<>();
    private ChartStyle style = ChartStyle.NORMAL;
    private double seconds = Double.NaN;
    private String label = "";

    private record Placed(XYPlot plot, org.jfree.chart.plot.Marker marker, Layer layer) {
    }

    EvidenceMarker(Supplier<List<XYPlot>> rows) {
        this.rows = rows;
    }

    void setStyle(ChartStyle style) {
        this.style = style;
    }

    /** Marks {@code seconds} from the next {@link #show}, labelled {@code label}. */
    public void set(double seconds, String label) {
        this.seconds = seconds;
        this.label = label == null ? "" : label;
    }

    /** No evidence marked: a new step, a new run. */
    public void clear() {
        seconds = Double.NaN;
    }

    /** The time marked, seconds, or NaN. */
    public double seconds() {
        return seconds;
    }

    /** Puts the marker on the rows when [from, to] seconds shows it. */
    public void show(double from, double to) {
        for (Placed p : placed) {
            p.plot().removeDomainMarker(0, p.marker(), p.layer(), false);
        }
        placed.clear();
        if (Double.isNaN(seconds) || seconds < from || seconds > to) {
            return;
        }
        double half = (to - from) * BAND_SHARE / 2;
        List<XYPlot> plots = rows.get();
        for (XYPlot plot : plots) {
            IntervalMarker band = new IntervalMarker(seconds - half, seconds + half);
            band.setPaint(BAND);
            band.setOutlinePaint(null);
            add(plot, band, Layer.BACKGROUND);
            ValueMarker line = new ValueMarker(seconds, COLOR, new BasicStroke(Math.max(2f, style.lineWidth()),
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            if (plot == plots.get(0) && !label.isEmpty()) {
                line.setLabel(label);
                line.setLabelFont(style.font().deriveFont(java.awt.Font.BOLD));
                line.setLabelPaint(COLOR);
                line.setLabelBackgroundColor(new Color(255, 255, 255, 220));
                // on the side with more room, so a mark near an edge keeps its label on the chart
                boolean right = seconds < (from + to) / 2;
                line.setLabelAnchor(right ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.BOTTOM_LEFT);
                line.setLabelTextAnchor(right ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
                line.setLabelOffset(new RectangleInsets(4, 6, 4, 6));
            }
            add(plot, line, Layer.FOREGROUND);
        }
    }

    private void add(XYPlot plot, org.jfree.chart.plot.Marker marker, Layer layer) {
        plot.addDomainMarker(0, marker, layer, false);
        placed.add(new Placed(plot, marker, layer));
    }

    /** The markers drawn now, for tests. */
    public List<org.jfree.chart.plot.Marker> drawn() {
        return placed.stream().map(Placed::marker).toList();
    }
}
