package tcpflowlab.ui;

import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepAxis;
import tcpflowlab.sweep.SweepMetric;
import tcpflowlab.sweep.SweepPlot;
import tcpflowlab.sweep.SweepSpec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the Sweep view says about one cell under the pointer: its values, outcome and metrics. */
final class SweepCellText {
    /** The metrics the one-line read-out names after the plotted one; the tooltip has them all. */
    private static final List<SweepMetric> SHORT = List.of(SweepMetric.FIRST_ZERO_WINDOW, SweepMetric.FIRST_RST,
            SweepMetric.GOODPUT, SweepMetric.MESSAGES_LOST);

    private SweepCellText() {
    }

    /** "client.readSize=10, client.processingDelayMs=5: RESET · first RST 3.412 s · goodput 1,234 B/s · ...". */
    static String line(SweepSpec spec, CellResult cell, SweepPlot plot) {
        List<String> parts = new ArrayList<>();
        parts.add(values(spec, cell.index()) + ": " + cell.outcome().name());
        List<SweepMetric> shown = new ArrayList<>();
        plot.metric().ifPresent(shown::add);
        SHORT.stream().filter(m -> !shown.contains(m)).forEach(shown::add);
        for (SweepMetric m : shown) {
            parts.add(m.label() + " " + value(m, cell.metric(m)));
        }
        return String.join(" · ", parts);
    }

    /** Every metric, one per line, for the tooltip. */
    static String all(SweepSpec spec, CellResult cell) {
        StringBuilder b = new StringBuilder("cell " + (cell.index() + 1) + " of " + spec.cellCount() + ": "
                + values(spec, cell.index()) + "\noutcome: " + cell.outcome().name());
        for (SweepMetric m : SweepMetric.values()) {
            b.append('\n').append(m.label()).append(": ").append(value(m, cell.metric(m)));
        }
        return b.toString();
    }

    /**
     * "client.readSize=10, client.processingDelayMs=31.579": the cell's values for reading, a
     * linear range's fractions cut to three decimals (31.57894736842105 ms tells a reader nothing
     * more); the cell's scenario keeps the exact values.
     */
    static String values(SweepSpec spec, int index) {
        List<Object> values = spec.valuesOf(index);
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < values.size(); a++) {
            Object v = values.get(a);
            String text = v instanceof Double d && Double.isFinite(d)
                    ? new BigDecimal(d).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
                    : SweepAxis.text(v);
            parts.add(spec.axes().get(a).field().path() + "=" + text);
        }
        return String.join(", ", parts);
    }

    /** A metric's value with its unit; "never" for a time that did not come, "cannot tell" for an unknown share. */
    static String value(SweepMetric m, double v) {
        if (Double.isNaN(v)) {
            return m.mayBeNever() ? "never" : "cannot tell";
        }
        if (m.unit().equals("s")) {
            return String.format(Locale.ROOT, "%.3f s", v);
        }
        if (m.column().endsWith("_share")) {
            return String.format(Locale.ROOT, "%.1f %%", v * 100);
        }
        if (m == SweepMetric.RESETS_PER_MINUTE) {
            return String.format(Locale.ROOT, "%.2f /min", v);
        }
        return String.format(Locale.ROOT, "%,.0f", v) + (m.unit().isEmpty() ? "" : " " + m.unit());
    }
}
