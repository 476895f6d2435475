package tcpflowlab.chart;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractIntervalXYDataset;
import tcpflowlab.telemetry.FlowLimit;

import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The row under the charts saying, for every sampling period, what held the sender back: one
 * coloured block per run of equal cause (Okabe-Ito colours, grey where the engine cannot tell),
 * each named inside where its name fits, on the charts' shared time axis. Where nothing in view
 * is known it says why in words.
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
    private final Labels labels = new Labels();
    private String note = "";
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
        // No axis title: rotated, it would not fit the band; the legend and the read-out name the causes.
        NumberAxis axis = new NumberAxis(null);
        axis.setRange(0, 1);
        axis.setTickLabelsVisible(false);
        axis.setTickMarksVisible(false);
        plot = new BandPlot(blocks, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(0, 8, 0, 8)); // a thin band: the rows' 4 px margins would eat it
        plot.setDomainCrosshairPaint(Color.DARK_GRAY);
        plot.setDomainCrosshairLockedOnData(false);
        plot.addAnnotation(labels, false);
    }

    /**
     * Gives the strip about {@code bandPixels} of a chart {@code chartHeight} tall whose other
     * rows weigh {@code rowsWeight}: a combined plot shares its height by weight only, and a
     * fixed weight would leave the band too thin to draw in a small window (JFreeChart skips
     * plots under 10 px) or too thick in a large one. Called just before each draw.
     */
    public void fitTo(double chartHeight, int rowsWeight, double bandPixels) {
        // about three quarters of a chart's height goes to its rows (the rest: legend, time axis, gaps)
        double rows = Math.max(bandPixels * 2, chartHeight * 0.75 - bandPixels);
        ((BandPlot) plot).weight = Math.max(1, (int) Math.round(rowsWeight * bandPixels / rows));
    }

    /**
     * How tall the band is asked to be on a chart {@code chartHeight} tall: tall enough for its
     * labels in the chart's font, but thin on a short chart, so the rows above keep their height;
     * in presentation mode the audience reads the band, so it may take twice the share (at
     * 1280 x 720 the normal share left its labels half the size of the axes'). At least 12 px
     * asked for, so the weight estimate (rows share the height with axes) never lands under the
     * 10 px below which JFreeChart skips a plot.
     */
    public static double bandPixels(double chartHeight, ChartStyle style) {
        boolean projector = style.fontSize() > ChartStyle.NORMAL.fontSize();
        // on a projector nine tenths of a font size tall, no more: every pixel more comes off the rows above,
        // which must stay 120 px tall at 1280 x 720
        double share = projector ? 0.05 : 0.025;
        return Math.max(12, Math.min(style.fontSize() * (projector ? 0.9 : 1.2), chartHeight * share));
    }

    /** An XY plot whose weight is set without a change event: it follows the size it is drawn at. */
    private static final class BandPlot extends XYPlot {
        private int weight = 1;

        BandPlot(Blocks blocks, NumberAxis axis, XYBarRenderer renderer) {
            super(blocks, null, axis, renderer);
        }

        @Override
        public int getWeight() {
            return weight;
        }
    }

    /** The colour of a cause's blocks. */
    public static Color color(FlowLimit f) {
        return COLORS.get(f);
    }

    /** A series' name: what held the sender back in its blocks. */
    static String seriesName(FlowLimit f) {
        return "limited by: " + f.label();
    }

    public XYPlot plot() {
        return plot;
    }

    /** Points the strip at [from, to] seconds for a plot about {@code pixelColumns} wide; does not notify. */
    public void show(double from, double to, int pixelColumns) {
        blocks.set(runs.blocks(from, to, pixelColumns));
        boolean noneKnown = !blocks.all.isEmpty() && blocks.all.stream().allMatch(r -> r.cause() == FlowLimit.UNKNOWN);
        note = noneKnown ? NOT_REPORTED : "";
    }

    /** Blocks in view (after {@link #show}), for tests and read-outs. */
    public List<FlowLimitRuns.Run> blocks() {
        return List.copyOf(blocks.all);
    }

    /** The note drawn over the strip, empty when none. */
    public String note() {
        return note;
    }

    /** Tells the chart its blocks changed (once per frame). */
    public void publish() {
        blocks.changed();
    }

    public void applyStyle(ChartStyle s) {
        this.style = s;
    }

    /**
     * Names each block's cause inside it where the name fits, or the note across the whole
     * band: labels on the band itself instead of legend entries, which would take a legend line
     * from the rows above (and on a projector the audience reads the band, not a key); the
     * hover read-out names the cause of a block too narrow for its name.
     */
    private final class Labels extends AbstractXYAnnotation {
        @Override
        public void draw(java.awt.Graphics2D g2, XYPlot p, java.awt.geom.Rectangle2D area,
                         org.jfree.chart.axis.ValueAxis domain, org.jfree.chart.axis.ValueAxis range, int rendererIndex,
                         org.jfree.chart.plot.PlotRenderingInfo info) {
            java.awt.Font font = style.font().deriveFont(Math.min(style.font().getSize2D(),
                    (float) area.getHeight() * 0.9f));
            g2.setFont(font);
            java.awt.FontMetrics fm = g2.getFontMetrics();
            float baseline = (float) (area.getCenterY() + (fm.getAscent() - fm.getDescent()) / 2.0);
            if (!note.isEmpty()) {
                g2.setPaint(Color.BLACK);
                g2.drawString(note, (float) (area.getCenterX() - fm.stringWidth(note) / 2.0), baseline);
                return;
            }
            for (FlowLimitRuns.Run r : blocks.all) {
                double x0 = domain.valueToJava2D(r.start(), area, org.jfree.chart.ui.RectangleEdge.BOTTOM);
                double x1 = domain.valueToJava2D(r.end(), area, org.jfree.chart.ui.RectangleEdge.BOTTOM);
                String text = r.cause().label();
                int w = fm.stringWidth(text);
                if (x1 - x0 > w + 8) {
                    g2.setPaint(textOn(r.cause()));
                    g2.drawString(text, (float) ((x0 + x1 - w) / 2), baseline);
                }
            }
        }
    }

    /** Black on the light colours (yellow, grey), white on the dark ones. */
    private static Color textOn(FlowLimit f) {
        return f == FlowLimit.LINK || f == FlowLimit.UNKNOWN ? Color.BLACK : Color.WHITE;
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
            return seriesName(FlowLimit.values()[series]);
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
