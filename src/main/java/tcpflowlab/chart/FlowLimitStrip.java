package tcpflowlab.chart;

import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractIntervalXYDataset;
import tcpflowlab.telemetry.FlowLimit;

import java.awt.Color;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The row under the charts saying, for every sampling period, what held the sender back: one
 * coloured block per run of equal cause (Okabe-Ito colours, grey where the engine cannot tell),
 * on the charts' shared time axis. Where nothing in view is known it says why in words.
 */
public final class FlowLimitStrip {
    /** Okabe-Ito: the send and receive queues' own colours, the app rates' purple, and yellow. */
    private static final Map<FlowLimit, Color> COLORS = new EnumMap<>(Map.of(
            FlowLimit.RECEIVE_WINDOW, SeriesStyle.RECEIVE_QUEUE.color(),
            FlowLimit.SEND_BUFFER, SeriesStyle.SEND_QUEUE.color(),
            FlowLimit.LINK, new Color(0xF0E442),
            FlowLimit.APP, SeriesStyle.WRITE_RATE.color(),
            FlowLimit.UNKNOWN, new Color(0xBBBBBB)));
    static final String NOT_REPORTED = "what limits the flow: the kernel does not report this";

    private final FlowLimitRuns runs;
    private final Blocks blocks = new Blocks();
    private final XYPlot plot;
    private final XYTextAnnotation note = new XYTextAnnotation("", 0, 0.5);
    private ChartStyle style = ChartStyle.NORMAL;

    public FlowLimitStrip(FlowLimitRuns runs) {
        this.runs = runs;
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setDefaultCreateEntities(false);
        for (FlowLimit f : FlowLimit.values()) {
            renderer.setSeriesPaint(f.ordinal(), color(f));
        }
        NumberAxis axis = new NumberAxis("limit");
        axis.setRange(0, 1);
        axis.setTickLabelsVisible(false);
        axis.setTickMarksVisible(false);
        plot = new XYPlot(blocks, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDomainCrosshairPaint(Color.DARK_GRAY);
        plot.setDomainCrosshairLockedOnData(false);
        note.setTextAnchor(TextAnchor.CENTER);
        plot.addAnnotation(note, false);
    }

    /** The colour of a cause's blocks. */
    public static Color color(FlowLimit f) {
        return COLORS.get(f);
    }

    /** What the legend calls a cause. */
    public static String legendLabel(FlowLimit f) {
        return f == FlowLimit.UNKNOWN ? "limit unknown" : "limit: " + f.label();
    }

    public XYPlot plot() {
        return plot;
    }

    /** Points the strip at [from, to] seconds for a plot about {@code pixelColumns} wide; does not notify. */
    public void show(double from, double to, int pixelColumns) {
        blocks.set(runs.blocks(from, to, pixelColumns));
        boolean noneKnown = !blocks.all.isEmpty() && blocks.all.stream().allMatch(r -> r.cause() == FlowLimit.UNKNOWN);
        note.setText(noneKnown ? NOT_REPORTED : "");
        note.setX((from + to) / 2);
    }

    /** Blocks in view (after {@link #show}), for tests and read-outs. */
    public List<FlowLimitRuns.Run> blocks() {
        return List.copyOf(blocks.all);
    }

    /** The note drawn over the strip, empty when none. */
    public String note() {
        return note.getText();
    }

    /** Tells the chart its blocks changed (once per frame). */
    public void publish() {
        blocks.changed();
    }

    public void applyStyle(ChartStyle s) {
        this.style = s;
        plot.getRangeAxis().setLabelFont(s.font());
        note.setFont(s.font());
    }

    /** One legend item per cause, a filled box in its colour. */
    public List<LegendItem> legendItems() {
        List<LegendItem> items = new ArrayList<>();
        Rectangle box = new Rectangle(-7, -5, 14, 10);
        for (FlowLimit f : FlowLimit.values()) {
            LegendItem item = new LegendItem(legendLabel(f), f.label(), null, null, box, color(f));
            item.setLabelFont(style.font());
            items.add(item);
        }
        return items;
    }

    /** The blocks in view: one series per cause, each block [start, end] x [0, 1]. */
    private static final class Blocks extends AbstractIntervalXYDataset {
        private final List<List<FlowLimitRuns.Run>> bySeries = new ArrayList<>();
        private List<FlowLimitRuns.Run> all = List.of();

        Blocks() {
            for (FlowLimit f : FlowLimit.values()) {
                bySeries.add(new ArrayList<>());
            }
        }

        void set(List<FlowLimitRuns.Run> runs) {
            all = runs;
            bySeries.forEach(List::clear);
            for (FlowLimitRuns.Run r : runs) {
                bySeries.get(r.cause().ordinal()).add(r);
            }
        }

        void changed() {
            fireDatasetChanged();
        }

        private FlowLimitRuns.Run run(int series, int item) {
            return bySeries.get(series).get(item);
        }

        @Override
        public int getSeriesCount() {
            return bySeries.size();
        }

        @Override
        public Comparable<?> getSeriesKey(int series) {
            return legendLabel(FlowLimit.values()[series]);
        }

        @Override
        public DomainOrder getDomainOrder() {
            return DomainOrder.ASCENDING;
        }

        @Override
        public int getItemCount(int series) {
            return bySeries.get(series).size();
        }

        @Override
        public Number getX(int series, int item) {
            FlowLimitRuns.Run r = run(series, item);
            return (r.start() + r.end()) / 2;
        }

        @Override
        public Number getY(int series, int item) {
            return 0.5;
        }

        @Override
        public Number getStartX(int series, int item) {
            return run(series, item).start();
        }

        @Override
        public Number getEndX(int series, int item) {
            return run(series, item).end();
        }

        @Override
        public Number getStartY(int series, int item) {
            return 0.0;
        }

        @Override
        public Number getEndY(int series, int item) {
            return 1.0;
        }
    }
}
