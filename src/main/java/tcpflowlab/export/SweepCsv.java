package tcpflowlab.export;

import tcpflowlab.engine.Outcome;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepAxis;
import tcpflowlab.sweep.SweepMetric;
import tcpflowlab.sweep.SweepResult;
import tcpflowlab.sweep.SweepSpec;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * sweep.csv: one row per finished cell in cell order; the varied values first (columns named by
 * the field path), then {@code outcome}, then every {@link SweepMetric} in its order. Numbers are
 * written with a fixed number of decimals per metric, exactly rounded and locale-independent, so
 * the same cells give the same bytes on any machine, for any number of jobs or shards.
 */
public final class SweepCsv {
    public static final String NAME = "sweep.csv";

    private SweepCsv() {
    }

    public static String header(SweepSpec spec) {
        List<String> columns = new ArrayList<>();
        for (SweepAxis a : spec.axes()) {
            columns.add(Csv.field(a.field().path()));
        }
        columns.add("outcome");
        for (SweepMetric m : SweepMetric.values()) {
            columns.add(m.column());
        }
        return String.join(",", columns) + "\n";
    }

    public static String row(CellResult cell) {
        List<String> fields = new ArrayList<>();
        for (Object v : cell.values()) {
            fields.add(Csv.field(SweepAxis.text(v)));
        }
        fields.add(cell.outcome().name());
        for (SweepMetric m : SweepMetric.values()) {
            fields.add(format(m, cell.metric(m)));
        }
        return String.join(",", fields) + "\n";
    }

    /** The whole table. */
    public static String text(SweepResult result) {
        StringBuilder b = new StringBuilder(header(result.spec()));
        for (CellResult c : result.cells()) {
            b.append(row(c));
        }
        return b.toString();
    }

    /** Writes {@code dir/sweep.csv} atomically: a reader sees the old file or the whole new one. */
    public static void write(Path dir, SweepResult result) throws IOException {
        AtomicOutputFile.write(dir.resolve(NAME), text(result).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code dir/sweep.csv} from rows read back (a merge), each line copied as it was. */
    public static void write(Path dir, SweepSpec spec, List<Row> rows) throws IOException {
        StringBuilder b = new StringBuilder(header(spec));
        rows.stream().sorted(java.util.Comparator.comparingInt(r -> r.cell().index())).forEach(r -> b.append(r.line()));
        AtomicOutputFile.write(dir.resolve(NAME), b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Decimals per metric: times to the nanosecond, shares and rates to a millionth, counts whole. */
    static int decimals(SweepMetric m) {
        return switch (m) {
            case FIRST_ZERO_WINDOW, FIRST_EAGAIN, FIRST_RST -> 9;
            case RESETS_PER_MINUTE, ZERO_WINDOW_SHARE, LIMIT_RECEIVE_WINDOW, LIMIT_SEND_BUFFER, LIMIT_LINK, LIMIT_APP -> 6;
            case GOODPUT -> 3;
            case MESSAGES_DROPPED, MESSAGES_LOST, PEAK_SEND_QUEUE, PEAK_RECEIVE_QUEUE, PROBES, PEAK_SPILL_DEPTH -> 0;
        };
    }

    /** A metric's value as written: empty for NaN (never, or cannot tell). */
    public static String format(SweepMetric m, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return new BigDecimal(value).setScale(decimals(m), RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * Reads a sweep.csv written for {@code spec} back into cells, each row's number found from
     * its varied values. Errors name the file, the line and what was expected.
     */
    public static List<Row> read(SweepSpec spec, String text, String source) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 2 || !(lines[0] + "\n").equals(header(spec))) {
            throw new InvalidScenarioException(source + ": the header is not that of this sweep; expected "
                    + header(spec).strip());
        }
        Map<String, Integer> cellOfValues = new HashMap<>();
        for (int i = 0; i < spec.cellCount(); i++) {
            cellOfValues.put(valuesKey(spec.valuesOf(i)), i);
        }
        if (!text.endsWith("\n")) {
            // sweep writes whole lines; a last line without its end was cut short, a number in it perhaps too
            throw new InvalidScenarioException(source + " line " + lines.length + ": the line has no end; the file was "
                    + "cut short (copied or written only in part), run that shard again");
        }
        int axes = spec.axes().size();
        List<Row> cells = new ArrayList<>();
        for (int n = 1; n < lines.length - 1 || (n == lines.length - 1 && !lines[n].isEmpty()); n++) {
            String where = source + " line " + (n + 1);
            String[] f = lines[n].split(",", -1);
            if (f.length != axes + 1 + SweepMetric.values().length) {
                throw new InvalidScenarioException(where + ": " + f.length + " fields, expected "
                        + (axes + 1 + SweepMetric.values().length));
            }
            Integer index = cellOfValues.get(String.join(",", List.of(f).subList(0, axes)));
            if (index == null) {
                throw new InvalidScenarioException(where + ": the values " + String.join(", ", List.of(f).subList(0, axes))
                        + " are not a cell of this sweep");
            }
            Outcome outcome;
            try {
                outcome = Outcome.valueOf(f[axes]);
            } catch (IllegalArgumentException e) {
                throw new InvalidScenarioException(where + ": outcome '" + f[axes] + "' is not RESET, LOSSY, STALLED or CLEAN");
            }
            Map<SweepMetric, Double> metrics = new EnumMap<>(SweepMetric.class);
            int col = axes + 1;
            for (SweepMetric m : SweepMetric.values()) {
                metrics.put(m, number(where, m, f[col++]));
            }
            cells.add(new Row(new CellResult(index, spec.valuesOf(index), outcome, metrics), lines[n] + "\n"));
        }
        return cells;
    }

    /** A row read back: the cell, and the line exactly as it was written (a merge copies it byte for byte). */
    public record Row(CellResult cell, String line) {
    }

    /** A metric as sweep writes it and nothing else: a merge copies the line, so it must be the bytes a run gives. */
    private static double number(String where, SweepMetric m, String text) {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v) && format(m, v).equals(text)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidScenarioException(where + ": " + m.column() + " '" + text + "' is not a number as sweep writes "
                + "it (" + (decimals(m) == 0 ? "a whole number" : decimals(m) + " decimals") + ", empty for never)");
    }

    private static String valuesKey(List<Object> values) {
        return String.join(",", values.stream().map(v -> Csv.field(SweepAxis.text(v))).toList());
    }
}
