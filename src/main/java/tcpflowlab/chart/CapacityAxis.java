package tcpflowlab.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.Range;

import java.util.function.DoubleSupplier;

/**
 * A byte axis whose automatic range reaches at least a buffer's capacity, so a value is seen
 * against the most it could be: a 4-byte window sits at the bottom of a row scaled to the
 * receive buffer instead of filling it.
 */
final class CapacityAxis extends NumberAxis {
    private final DoubleSupplier capacity;

    CapacityAxis(String label, DoubleSupplier capacity) {
        super(label);
        this.capacity = capacity;
    }

    @Override
    protected void autoAdjustRange() {
        super.autoAdjustRange();
        double cap = capacity.getAsDouble();
        Range r = getRange();
        if (cap > r.getUpperBound()) {
            setRange(new Range(r.getLowerBound(), cap * (1 + getUpperMargin())), false, false);
        }
    }
}
