package tcpflowlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Two runs side by side, quantity by quantity, and how the second differs from the first: the
 * table the {@code diff} command prints and writes, and the app shows beside a pinned
 * reference. Works on summaries only, so any two engines compare. A time that never came is
 * never subtracted: the difference says which run never got there.
 */
public final class RunDifference {
    /** How a quantity is written and subtracted. */
    private enum Kind { CLASS, TIME, COUNT, RATE, BYTES }

    /** The quantities compared, in table order. */
    public enum Quantity {
        OUTCOME("outcome", "", Kind.CLASS, s -> s.outcome().ordinal()),
        FIRST_ZERO_WINDOW("first zero window", "s", Kind.TIME, s -> seconds(s.firstZeroWindowNanos())),
        FIRST_EAGAIN("first EAGAIN", "s", Kind.TIME, s -> seconds(s.firstEagainNanos())),
        RESETS("resets (RST segments)", "", Kind.COUNT, s -> known(s.resets())),
        GOODPUT("goodput (client read)", "B/s", Kind.RATE, RunDifference::goodput),
        DROPPED("messages dropped", "", Kind.COUNT, s -> known(s.messagesDropped())),
        LOST("messages lost (never read)", "", Kind.COUNT, s -> known(s.messagesLost())),
        PEAK_SEND_QUEUE("peak send queue", "B", Kind.BYTES, s -> known(s.peakServerSendQueue())),
        PEAK_RECEIVE_QUEUE("peak receive queue", "B", Kind.BYTES, s -> known(s.peakClientReceiveQueue()));

        private final String label;
        private final String unit;
        private final Kind kind;
        private final ToDoubleFunction<RunSummary> value;

        Quantity(String label, String unit, Kind kind, ToDoubleFunction<RunSummary> value) {
            this.label = label;
            this.unit = unit;
            this.kind = kind;
            this.value = value;
        }

        public String label() {
            return label;
        }

        /** The unit of the value and difference columns ("" for counts and the outcome). */
        public String unit() {
            return unit;
        }

        /** The value as a number: NaN for a time that never came or a count the engine cannot know. */
        public double value(RunSummary s) {
            return value.applyAsDouble(s);
        }
    }

    /**
     * One quantity of both runs: the texts for a table, and the numbers for a CSV (NaN where
     * there is none: never, not known, or a difference that cannot be taken).
     */
    public record Row(Quantity quantity, String a, String b, String difference,
                      double aValue, double bValue, double differenceValue) {
    }

    private RunDifference() {
    }

    /** Every quantity of {@code a} and {@code b}, with b - a; a difference names the runs "A" and "B". */
    public static List<Row> of(RunSummary a, RunSummary b) {
        return of(a, b, "A", "B");
    }

    /** Like {@link #of(RunSummary, RunSummary)}, a difference naming the runs {@code aName} and {@code bName}. */
    public static List<Row> of(RunSummary a, RunSummary b, String aName, String bName) {
        List<Row> rows = new ArrayList<>();
        for (Quantity q : Quantity.values()) {
            rows.add(row(q, a, b, aName, bName));
        }
        return rows;
    }

    /** The rows of {@code a} alone (no second run yet): the B column and the difference stay empty. */
    public static List<Row> of(RunSummary a) {
        List<Row> rows = new ArrayList<>();
        for (Quantity q : Quantity.values()) {
            double av = q.value(a);
            rows.add(new Row(q, text(q, a, av), "", "", av, Double.NaN, Double.NaN));
        }
        return rows;
    }

    private static Row row(Quantity q, RunSummary a, RunSummary b, String aName, String bName) {
        double av = q.value(a);
        double bv = q.value(b);
        if (q.kind == Kind.CLASS) {
            boolean same = a.outcome() == b.outcome();
            return new Row(q, a.outcome().name(), b.outcome().name(),
                    same ? "same" : a.outcome() + " -> " + b.outcome(), av, bv, Double.NaN);
        }
        String difference;
        double dv = Double.NaN;
        if (Double.isNaN(av) && Double.isNaN(bv)) {
            difference = q.kind == Kind.TIME ? "same (never)" : "";
        } else if (Double.isNaN(av) || Double.isNaN(bv)) {
            String which = Double.isNaN(av) ? aName : bName;
            difference = q.kind == Kind.TIME ? "never in " + which : "not known in " + which;
        } else {
            dv = bv - av;
            difference = format(q.kind, dv, true);
        }
        return new Row(q, text(q, a, av), text(q, b, bv), difference, av, bv, dv);
    }

    private static String text(Quantity q, RunSummary s, double v) {
        if (q.kind == Kind.CLASS) {
            return s.outcome().name();
        }
        if (Double.isNaN(v)) {
            return q.kind == Kind.TIME ? "never" : "not known";
        }
        return format(q.kind, v, false);
    }

    private static String format(Kind kind, double v, boolean signed) {
        String sign = signed && v > 0 ? "+" : "";
        return sign + switch (kind) {
            case TIME -> String.format(Locale.ROOT, "%.3f s", v);
            case RATE -> String.format(Locale.ROOT, "%,.0f B/s", v);
            case BYTES -> String.format(Locale.ROOT, "%,.0f B", v);
            case COUNT -> String.format(Locale.ROOT, "%,.0f", v);
            case CLASS -> throw new IllegalArgumentException("an outcome has no number");
        };
    }

    private static double seconds(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e9;
    }

    private static double known(long count) {
        return count < 0 ? Double.NaN : count;
    }

    /** Bytes the client application read per second of the run; NaN for a run of no time. */
    static double goodput(RunSummary s) {
        return s.durationNanos() <= 0 ? Double.NaN : s.bytesRead() / (s.durationNanos() / 1e9);
    }

    /** The rows as an aligned text table: quantity | A | B | B - A, headed by the runs' names. */
    public static String table(List<Row> rows, String aName, String bName) {
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = new String[] {"quantity", "A: " + aName, "B: " + bName, "B - A"};
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            cells[i + 1] = new String[] {r.quantity().label(), r.a(), r.b(), r.difference()};
        }
        int[] width = new int[4];
        for (String[] line : cells) {
            for (int c = 0; c < 4; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] line : cells) {
            // names left-aligned, values right-aligned so their decimals line up
            b.append(String.format(Locale.ROOT, "%-" + width[0] + "s | %" + width[1] + "s | %" + width[2] + "s | %"
                    + width[3] + "s", (Object[]) line).stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
