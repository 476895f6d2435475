package tcpflowlab.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The sweep's progress on stderr: cells done of all, cells per second and the time left. On a
 * terminal a bar redrawn in place (at most five times a second); in a log file (a batch job's
 * output) a plain line per tenth of the cells, so the log stays readable.
 */
final class SweepProgress {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final int total;
    private final boolean terminal;
    private final long start;
    private int done;
    private long lastDraw;
    private int lastTenth;
    private boolean drawn;

    SweepProgress(PrintWriter err, int total, boolean terminal, long startNanos) {
        this.err = err;
        this.total = total;
        this.terminal = terminal;
        this.start = startNanos;
    }

    /** One more cell finished at {@code now} (System.nanoTime); called from any worker thread. */
    synchronized void cellDone(long now) {
        done++;
        if (terminal) {
            if (now - lastDraw >= REDRAW_NANOS || done == total) {
                lastDraw = now;
                drawn = true;
                err.print("\r" + line(done, total, now - start));
                err.flush();
            }
        } else {
            int tenth = (int) (10L * done / total);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.println(line(done, total, now - start));
                err.flush();
            }
        }
    }

    /** Ends the bar's line, so what follows starts on a line of its own. */
    synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }

    /** "[#####     ] 120/400 cells  28.4 cells/s  10 s left". */
    static String line(int done, int total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String left = rate > 0 ? String.format(Locale.ROOT, "%.0f s left", (total - done) / rate) : "";
        int filled = total == 0 ? 30 : (int) (30L * done / total);
        return String.format(Locale.ROOT, "[%-30s] %d/%d cells  %.1f cells/s  %s", "#".repeat(filled), done, total,
                rate, left).stripTrailing();
    }
}
