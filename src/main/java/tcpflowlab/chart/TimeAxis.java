package tcpflowlab.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.FontMetrics;
import java.awt.Graphics2D;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * The run-time axis, in seconds: tick labels are plain numbers ("0.25", "12"), never "5E-5";
 * when less than a second is in view the labels and the title switch to milliseconds, so a
 * stepped run read at 0.05 ms per tick says "0.05", not "0.00005".
 */
public final class TimeAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;
    static final String SECONDS = "time (s)";
    static final String MILLISECONDS = "time (ms)";

    public TimeAxis() {
        super(SECONDS);
        setAutoRangeIncludesZero(false);
        setNumberFormatOverride(new TickFormat());
    }

    /** Whether the view is short enough to read in milliseconds. */
    public boolean inMilliseconds() {
        return getRange().getLength() < 1.0;
    }

    /** The title follows the unit; read at each draw, so changing it fires no axis change. */
    @Override
    public String getLabel() {
        String label = super.getLabel();
        return label == null ? null : inMilliseconds() ? MILLISECONDS : SECONDS;
    }

    /** The text of a tick at {@code seconds}, as the axis draws it now. */
    public String tickLabel(double seconds) {
        double scale = inMilliseconds() ? 1e3 : 1;
        return plain(seconds * scale, getTickUnit().getSize() * scale);
    }

    /**
     * Measures the labels as they would read with {@code unit} (the format alone knows only the
     * current unit), with room for four more digits, so neighbouring labels never touch.
     */
    @Override
    protected double estimateMaximumTickLabelWidth(Graphics2D g2, TickUnit unit) {
        RectangleInsets insets = getTickLabelInsets();
        FontMetrics fm = g2.getFontMetrics(getTickLabelFont());
        if (isVerticalTickLabels()) {
            return insets.getTop() + insets.getBottom() + fm.getHeight();
        }
        double scale = inMilliseconds() ? 1e3 : 1;
        double step = unit.getSize() * scale;
        String lower = plain(getLowerBound() * scale, step);
        String upper = plain(getUpperBound() * scale, step);
        return insets.getLeft() + insets.getRight() + Math.max(fm.stringWidth(lower), fm.stringWidth(upper))
                + fm.stringWidth("0000");
    }

    /** {@code value} with as many decimals as {@code step} needs, and no exponent. */
    static String plain(double value, double step) {
        int decimals = step > 0 && Double.isFinite(step)
                ? Math.max(0, new BigDecimal(step, new MathContext(6)).stripTrailingZeros().scale()) : 3;
        BigDecimal v = new BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN);
        String text = v.toPlainString();
        return v.signum() == 0 ? text.replace("-", "") : text;
    }

    /** What the axis formats ticks with: the unit and decimals come from the axis at the time. */
    private final class TickFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return to.append(tickLabel(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are only written");
        }
    }
}
