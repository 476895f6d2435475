package tcpflowlab.ui;

import java.util.Locale;

/**
 * How far a sweep has come, as the Sweep view's progress line says it: cells done of all,
 * cells per second so far, and the time left at that rate.
 */
record SweepProgress(int done, int total, long elapsedNanos) {
    double cellsPerSecond() {
        return elapsedNanos <= 0 ? 0 : done * 1e9 / elapsedNanos;
    }

    /** Seconds left at the rate so far; NaN before the first cell has finished. */
    double secondsLeft() {
        double rate = cellsPerSecond();
        return rate <= 0 ? Double.NaN : (total - done) / rate;
    }

    /** "12 / 400 cells · 3.1 cells/s · 2 min 05 s left". */
    String text() {
        return done == 0 || done >= total ? summary() : summary() + " · " + duration(secondsLeft()) + " left";
    }

    /** "12 / 400 cells · 3.1 cells/s": how far a sweep came, for one that has stopped (no time left to tell). */
    String summary() {
        String head = String.format(Locale.ROOT, "%,d / %,d cells", done, total);
        return done == 0 ? head : head + String.format(Locale.ROOT, " · %.1f cells/s", cellsPerSecond());
    }

    /** "45 s", "2 min 05 s", "1 h 02 min". */
    static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
