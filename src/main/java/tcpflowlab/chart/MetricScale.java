package tcpflowlab.chart;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;

/**
 * A metric's colour scale: viridis (dark blue, through green, to yellow), which stays ordered
 * in lightness for colour-blind readers and in grey, and contains no grey of its own, so the
 * neutral "never" cells stand apart. Values outside the bounds take the end colours.
 */
record MetricScale(double lower, double upper) implements PaintScale {
    private static final int[] VIRIDIS = {
        0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725,
    };

    MetricScale {
        if (!(lower < upper)) {
            throw new IllegalArgumentException("a colour scale needs lower < upper, got " + lower + " .. " + upper);
        }
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return OutcomeStyle.NEVER;
        }
        double f = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) f);
        return mix(new Color(VIRIDIS[i]), new Color(VIRIDIS[i + 1]), f - i);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
