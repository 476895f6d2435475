package tcpflowlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleBiFunction;

/**
 * Two runs side by side, quantity by quantity, and how the second differs from the first: the
 * table the {@code diff} command prints and writes, and the app shows beside a pinned
 * reference. Works on summaries and each run's {@link TimeOrigin}, so any two engines compare:
 * times (and the goodput's seconds) count from each run's first connection when a
 * {@link ClockAlignment} is given. A time that never came is never subtracted: the difference
 * says which run never got there.
 */
public final class RunDifference {
    /** How a quantity is written and subtracted. */
    private enum Kind { CLASS, TIME, COUNT, RATE, BYTES }

    /** The quantities compared, in table order. */
    public enum Quantity {
        OUTCOME("outcome", "", Kind.CLASS, (s, o) -> s.outcome().ordinal()),
        FIRST_ZERO_WINDOW("first zero window", "s", Kind.TIME, (s, o) -> seconds(o.since(s.firstZeroWindowNanos()))),
        FIRST_EAGAIN("first EAGAIN", "s", Kind.TIME, (s, o) -> seconds(o.since(s.firstEagainNanos()))),
        RESETS("resets (RST segments)", "", Kind.COUNT, (s, o) -> known(s.resets())),
        GOODPUT("goodput (client read)", "B/s", Kind.RATE, RunDifference::goodput),
        DROPPED("messages dropped", "", Kind.COUNT, (s, o) -> known(s.messagesDropped())),
        LOST("messages lost (never read)", "", Kind.COUNT, (s, o) -> known(s.messagesLost())),
        PEAK_SEND_QUEUE("peak send queue", "B", Kind.BYTES, (s, o) -> known(s.peakServerSendQueue())),
        PEAK_RECEIVE_QUEUE("peak receive queue", "B", Kind.BYTES, (s, o) -> known(s.peakClientReceiveQueue()));

        private final String label;
        private final String unit;
        private final Kind kind;
        private final ToDoubleBiFunction<RunSummary, TimeOrigin> value;

        Quantity(String label, String unit, Kind kind, ToDoubleBiFunction<RunSummary, TimeOrigin> value) {
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

        /** The value as a number, times since the run's start: NaN for never or a count the engine cannot know. */
        public double value(RunSummary s) {
            return value(s, TimeOrigin.RUN_START);
        }

        /** The value with times (and the goodput's seconds) counted from {@code origin}. */
        public double value(RunSummary s, TimeOrigin origin) {
            return value.applyAsDouble(s, origin);
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

    /**
     * Every quantity of {@code a} and {@code b}, times since each run's start, with b - a; a
     * difference names the runs "A" and "B".
     */
    public static List<Row> of(RunSummary a, RunSummary b) {
        return of(a, b, "A", "B", ClockAlignment.RUN_STARTS);
    }

    /**
     * Like {@link #of(RunSummary, RunSummary)}, times counted from the origins {@code clocks}
     * gives, a difference naming the runs {@code aName} and {@code bName}.
     */
    public static List<Row> of(RunSummary a, RunSummary b, String aName, String bName, ClockAlignment clocks) {
        List<Row> rows = new ArrayList<>();
        for (Quantity q : Quantity.values()) {
            rows.add(row(q, a, b, aName, bName, clocks));
        }
        return rows;
    }

    /**
     * The rows of {@code a} alone (no second run yet), times counted from {@code origin}: the B
     * column and the difference stay empty.
     */
    public static List<Row> of(RunSummary a, TimeOrigin origin) {
        List<Row> rows = new ArrayList<>();
        for (Quantity q : Quantity.values()) {
            double av = q.value(a, origin);
            rows.add(new Row(q, text(q, a, av), "", "", av, Double.NaN, Double.NaN));
        }
        return rows;
    }

    private static Row row(Quantity q, RunSummary a, RunSummary b, String aName, String bName, ClockAlignment clocks) {
        double av = q.value(a, clocks.a());
        double bv = q.value(b, clocks.b());
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

    /** Bytes the client application read per second of the run from {@code origin} on; NaN for no time. */
    static double goodput(RunSummary s, TimeOrigin origin) {
        long nanos = s.durationNanos() - origin.nanos();
        return nanos <= 0 ? Double.NaN : s.bytesRead() / (nanos / 1e9);
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
