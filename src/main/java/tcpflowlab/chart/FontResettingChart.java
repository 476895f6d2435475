package tcpflowlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.plot.Plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * A chart that starts each drawing by setting a font no text uses. On screen the chart draws
 * through FXGraphics2D, which skips a setFont equal to the last font it set; but the canvas
 * restores its graphics context after every frame, which puts JavaFX's 13 px default back. So
 * from the second frame on, text in the last-used font came out at 13 px: presentation mode's
 * tick labels, legend and marker labels stayed small. Setting another font first makes the
 * next real font apply.
 */
final class FontResettingChart extends JFreeChart {
    private static final long serialVersionUID = 1L;
    private static final Font RESET = new Font(Font.MONOSPACED, Font.PLAIN, 1);

    FontResettingChart(Plot plot) {
        super(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, ChartRenderingInfo info) {
        g2.setFont(RESET);
        super.draw(g2, area, anchor, info);
    }
}
