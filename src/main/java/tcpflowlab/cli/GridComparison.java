package tcpflowlab.cli;

import tcpflowlab.export.AtomicOutputFile;
import tcpflowlab.export.Csv;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code compare --grid}: each {@link FidelityGrid} cell in the Model and on the kernel (the
 * compare harness, {@link EngineComparison}), with goodput and the wire's zero-window and
 * window-full segments, persist probes and first EAGAIN per engine, judged by
 * {@link GridTolerance}.
 */
final class GridComparison {
    /** One cell's two runs and the verdict on them. */
    record Row(int number, GridCell cell, double seconds, EngineComparison.Row runs) {
        double goodput(EngineComparison.EngineRun run) {
            return run.goodputKiBps(seconds);
        }

        GridTolerance.Verdict verdict() {
            return GridTolerance.judge(goodput(runs.model()), goodput(runs.kernel()),
                    runs.model().wire().zeroWindow(), runs.kernel().wire().zeroWindow(), seconds);
        }
    }

    static final List<String> CSV_COLUMNS = List.of("cell", "send_rate_bytes_per_s", "read_size", "processing_delay_ms",
            "client_rcvbuf", "model_goodput_kib_s", "kernel_goodput_kib_s", "model_zero_window", "kernel_zero_window",
            "model_window_full", "kernel_window_full", "model_probes", "kernel_probes", "model_first_eagain_s",
            "kernel_first_eagain_s", "goodput_agrees", "zero_window_agrees", "agrees");

    private GridComparison() {
    }

    /** Runs the cells one after the other, saying on {@code progress} which one is running. */
    static List<Row> run(List<FidelityGrid.Numbered> cells, double seconds, PrintWriter progress)
            throws InterruptedException {
        List<Row> rows = new java.util.ArrayList<>();
        for (FidelityGrid.Numbered c : cells) {
            progress.printf(Locale.ROOT, "cell %d (%s): %.1f s in the Model, then on the kernel%n", c.number(),
                    c.cell().name(), seconds);
            progress.flush();
            EngineComparison.Row runs = EngineComparison.run(seconds, List.of(c.cell().variant())).get(0);
            rows.add(new Row(c.number(), c.cell(), seconds, runs));
        }
        return rows;
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| # | sender, reader, SO_RCVBUF | goodput KiB/s (model / kernel) | zero-window segs (model / kernel) "
                + "| window-full segs (model / kernel) | persist probes (model / kernel) | first EAGAIN (model / kernel) "
                + "| agree |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            EngineComparison.EngineRun m = r.runs().model();
            EngineComparison.EngineRun k = r.runs().kernel();
            GridTolerance.Verdict v = r.verdict();
            b.append(String.format(Locale.ROOT, "| %d | %s | %s / %s | %s / %s | %s / %s | %d / %d | %s / %s | %s |%n",
                    r.number(), r.cell().name(), goodput(r.goodput(m)), goodput(r.goodput(k)),
                    count(m.wire().zeroWindow()), count(k.wire().zeroWindow()),
                    count(m.wire().windowFull()), count(k.wire().windowFull()),
                    m.summary().zeroWindowProbes(), k.summary().zeroWindowProbes(),
                    EngineComparison.seconds(m.firstEagain()), EngineComparison.seconds(k.firstEagain()),
                    v.agrees() ? "yes" : "NO: " + String.join(", ", v.differences())));
        }
        return b.toString();
    }

    /** The summary under the table: how many cells agree, and what differs in the others. */
    static String summary(List<Row> rows) {
        long agreeing = rows.stream().filter(r -> r.verdict().agrees()).count();
        double seconds = rows.isEmpty() ? FidelityGrid.DEFAULT_SECONDS : rows.get(0).seconds();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "model and kernel agree in %d of %d cells (goodput within %.0f %%; zero-window segments both at most "
                        + "%.0f in %s s, or within %.0fx of each other)%n",
                agreeing, rows.size(), GridTolerance.GOODPUT_TOLERANCE * 100, GridTolerance.few(seconds),
                GridCell.number(seconds), GridTolerance.ZERO_WINDOW_FACTOR));
        String differ = rows.stream().filter(r -> !r.verdict().agrees())
                .map(r -> "  cell " + r.number() + " (" + r.cell().name() + "): "
                        + String.join(", ", r.verdict().differences()))
                .collect(Collectors.joining("\n"));
        if (!differ.isEmpty()) {
            b.append("differ:\n").append(differ).append('\n');
        }
        return b.toString();
    }

    static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (Row r : rows) {
            EngineComparison.EngineRun m = r.runs().model();
            EngineComparison.EngineRun k = r.runs().kernel();
            GridTolerance.Verdict v = r.verdict();
            List<String> fields = List.of(Integer.toString(r.number()), Long.toString(r.cell().sendRate()),
                    Integer.toString(r.cell().readSize()), GridCell.number(r.cell().processingDelayMs()),
                    Integer.toString(r.cell().clientRcvBuf()),
                    String.format(Locale.ROOT, "%.1f", r.goodput(m)), String.format(Locale.ROOT, "%.1f", r.goodput(k)),
                    csvCount(m.wire().zeroWindow()), csvCount(k.wire().zeroWindow()),
                    csvCount(m.wire().windowFull()), csvCount(k.wire().windowFull()),
                    Long.toString(m.summary().zeroWindowProbes()), Long.toString(k.summary().zeroWindowProbes()),
                    Csv.seconds(m.firstEagain()), Csv.seconds(k.firstEagain()),
                    Boolean.toString(v.goodputAgrees()), Boolean.toString(v.zeroWindowsAgree()),
                    Boolean.toString(v.agrees()));
            b.append(fields.stream().map(Csv::field).collect(Collectors.joining(","))).append('\n');
        }
        return b.toString();
    }

    /** Writes the CSV under a temporary name and renames it into place. */
    static void writeCsv(Path file, List<Row> rows) throws IOException {
        byte[] bytes = csv(rows).getBytes(StandardCharsets.UTF_8);
        try (AtomicOutputFile f = AtomicOutputFile.create(file)) {
            try {
                f.stream().write(bytes);
            } catch (IOException e) {
                throw AtomicOutputFile.naming(file, e);
            }
            f.commit();
        }
    }

    /** Whole KiB/s, with a decimal below 100 where a whole number would hide the 15 %. */
    private static String goodput(double kibps) {
        return String.format(Locale.ROOT, kibps < 100 ? "%.1f" : "%.0f", kibps);
    }

    private static String count(long n) {
        return n < 0 ? "no capture" : Long.toString(n);
    }

    private static String csvCount(long n) {
        return n < 0 ? "" : Long.toString(n);
    }
}
