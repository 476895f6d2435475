package tcpflowlab.ui;

import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepMetric;
import tcpflowlab.sweep.SweepPlot;
import tcpflowlab.sweep.SweepSpec;

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
        parts.add(spec.describe(cell.index()) + ": " + cell.outcome().name());
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
                + spec.describe(cell.index()) + "\noutcome: " + cell.outcome().name());
        for (SweepMetric m : SweepMetric.values()) {
            b.append('\n').append(m.label()).append(": ").append(value(m, cell.metric(m)));
        }
        return b.toString();
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
