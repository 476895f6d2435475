package tcpflowlab.chart;

import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.XYDataset;
import tcpflowlab.sweep.CellResult;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.function.Function;

/**
 * Draws one panel of a sweep map: each cell a block between its value's edges (so blocks on a
 * log axis meet at geometric midpoints), filled by the map's colouring, with the outcome
 * class's initial on blocks large enough to read it.
 */
final class CellBlockRenderer extends AbstractXYItemRenderer {
    /** Below this many pixels a block gets no white border: the borders would hide the colours. */
    private static final double MIN_BORDERED = 6;

    private static final BasicStroke BORDER = new BasicStroke(1f);

    private final MapGrid grid;
    private final int panel;
    private final ChartStyle style;
    private Function<CellResult, Color> colouring;
    private boolean initials;

    CellBlockRenderer(MapGrid grid, int panel, ChartStyle style, Function<CellResult, Color> colouring, boolean initials) {
        this.grid = grid;
        this.panel = panel;
        this.style = style;
        this.colouring = colouring;
        this.initials = initials;
    }

    /** Items of the panel: one per block, column by column; the x and y are the block's centre. */
    static final class Blocks extends AbstractXYDataset {
        private static final BasicStroke BORDER = new BasicStroke(1f);

    private final MapGrid grid;

        Blocks(MapGrid grid) {
            this.grid = grid;
        }

        @Override
        public int getSeriesCount() {
            return 1;
        }

        @Override
        public Comparable<String> getSeriesKey(int series) {
            return "cells";
        }

        @Override
        public int getItemCount(int series) {
            return grid.across().size() * grid.rows();
        }

        @Override
        public Number getX(int series, int item) {
            return grid.across().centre(item / grid.rows());
        }

        @Override
        public Number getY(int series, int item) {
            return grid.up() == null ? 0.5 : grid.up().centre(item % grid.rows());
        }

        void changed() {
            fireDatasetChanged();
        }
    }

    /** The block of column {@code x}, row {@code y}, in Java2D space. */
    static Rectangle2D block(MapGrid grid, int x, int y, Rectangle2D area, XYPlot plot) {
        ValueAxis across = plot.getDomainAxis();
        ValueAxis up = plot.getRangeAxis();
        double x0 = across.valueToJava2D(grid.across().lower(x), area, plot.getDomainAxisEdge());
        double x1 = across.valueToJava2D(grid.across().upper(x), area, plot.getDomainAxisEdge());
        double lowY = grid.up() == null ? 0 : grid.up().lower(y);
        double highY = grid.up() == null ? 1 : grid.up().upper(y);
        double y0 = up.valueToJava2D(lowY, area, plot.getRangeAxisEdge());
        double y1 = up.valueToJava2D(highY, area, plot.getRangeAxisEdge());
        return new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                         int item, CrosshairState crosshairState, int pass) {
        int x = item / grid.rows();
        int y = item % grid.rows();
        CellResult cell = grid.cell(x, y, panel);
        Rectangle2D r = block(grid, x, y, dataArea, plot);
        Color fill = colouring.apply(cell);
        // axis-aligned blocks need no antialiasing, and a map redrawn for every finished cell is faster without
        Object antialias = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g2.setPaint(fill);
        g2.fill(r);
        if (Math.min(r.getWidth(), r.getHeight()) >= MIN_BORDERED) {
            g2.setPaint(Color.WHITE);
            g2.setStroke(BORDER);
            g2.draw(r);
        }
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialias);
        if (initials && cell != null) {
            drawInitial(g2, r, OutcomeStyle.of(cell.outcome()).initial(), fill);
        }
    }

    private void drawInitial(Graphics2D g2, Rectangle2D r, String initial, Color fill) {
        g2.setFont(style.font());
        FontMetrics fm = g2.getFontMetrics();
        if (r.getWidth() < fm.stringWidth(initial) * 1.8 || r.getHeight() < fm.getAscent() * 1.3) {
            return;
        }
        g2.setPaint(OutcomeStyle.textOn(fill));
        g2.drawString(initial, (float) (r.getCenterX() - fm.stringWidth(initial) / 2.0),
                (float) (r.getCenterY() + (fm.getAscent() - fm.getDescent()) / 2.0));
    }

    void setColouring(Function<CellResult, Color> colouring, boolean initials) {
        this.colouring = colouring;
        this.initials = initials;
    }

    @Override
    public LegendItem getLegendItem(int datasetIndex, int series) {
        return null;
    }
}
