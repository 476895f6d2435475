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

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }
}
