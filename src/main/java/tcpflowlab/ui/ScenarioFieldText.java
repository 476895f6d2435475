package tcpflowlab.ui;

import java.util.Locale;

/** Number formats for the views. */
final class ScenarioFieldText {
    private ScenarioFieldText() {
    }

    /** A slider value as a knob text: whole numbers plain, others with up to 2 decimals. */
    static String round(double v) {
        double r = Math.round(v * 100) / 100.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.2f", r);
    }

    /** Bytes the way people say them: 10 B, 4 KiB, 1.5 MiB. */
    static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "-";
        }
        double a = Math.abs(b);
        if (a < 1024) {
            return String.format(Locale.ROOT, "%.0f B", b);
        }
        if (a < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024);
        }
        return String.format(Locale.ROOT, "%.2f MiB", b / (1024 * 1024));
    }

    /**
     * A slider's round step, short: "32 B", "4 KiB", "1 MiB" for bytes (the unit changes along
     * the slider), the bare number otherwise ("500"; the knob's range line names the unit).
     */
    static String step(double v, String unit) {
        if (unit.equals("B") && v >= 1024 && v % 1024 == 0) {
            return v >= 1 << 20 && v % (1 << 20) == 0
                    ? tcpflowlab.scenario.ScenarioField.format(v / (1 << 20)) + " MiB"
                    : tcpflowlab.scenario.ScenarioField.format(v / 1024) + " KiB";
        }
        return tcpflowlab.scenario.ScenarioField.format(v) + (unit.equals("B") ? " B" : "");
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }
}
