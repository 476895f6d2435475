package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.chart.ChartStyle;
import tcpflowlab.chart.OverlayChart;
import tcpflowlab.chart.OverlayRun;
import tcpflowlab.export.ChartExporter;
import tcpflowlab.scenario.InvalidScenarioException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs nine variants in the Model and on the real kernel (loopback): the story's four (fixed read / "
                + "drain x CLOSE / BLOCK), DROP, small buffers, Nagle off with delayed ACKs, autotuning, and SPILL with "
                + "hang-ups. Prints each one's outcome class (RESET, LOSSY, STALLED, CLEAN), time to first zero window "
                + "and first EAGAIN, and the intervals between the persist probes of the first zero-window period, "
                + "and whether the engines agree: the same class, and the Model's probe intervals within 25 %% of the "
                + "kernel's. Exits 0 when every variant agrees, 1 otherwise. With --chart, also draws one variant's "
                + "model-vs-kernel overlay. With --grid, runs the fidelity grid instead: regimes of read size, "
                + "processing delay, SO_RCVBUF and send rate, comparing goodput and the wire's zero-window and "
                + "window-full segments.")
final class CompareCommand implements Callable<Integer> {
    static final String CHART = "model-vs-kernel";
    static final List<String> CHART_FILES = List.of(CHART + ".png", CHART + ".svg");
    static final int CHART_WIDTH = 1200;
    static final int CHART_HEIGHT = 800;

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S",
            description = "seconds per variant and engine (default 6: every variant tells its story in that time; "
                    + "with --grid 5, the length of the issue's measurements)")
    Double seconds;

    @Option(names = "--grid", description = "run the fidelity grid (" + FidelityGrid.CELL_COUNT + " cells) instead of the variants; "
            + "exits 0 when the engines agree in every cell (goodput within 15 %%, zero-window segments in the same class)")
    boolean grid;

    @Option(names = "--cells", paramLabel = "LIST", description = "with --grid: only these cells, by number (e.g. 1,4,7)")
    String cells;

    @Option(names = "--csv", paramLabel = "FILE", description = "with --grid: also write the table as CSV to FILE")
    Path csv;

    @Option(names = "--chart", paramLabel = "DIR",
            description = "write the model-vs-kernel overlay of one variant to DIR as " + CHART + ".png and .svg "
                    + "(the Model solid, the kernel faded and dashed)")
    Path chartDir;

    @Option(names = "--chart-variant", defaultValue = "1", paramLabel = "N",
            description = "the variant --chart draws, 1 .. " + EngineComparison.VARIANT_COUNT + " in the table's order (default ${DEFAULT-VALUE}: the story)")
    int chartVariant;

    @Option(names = "--force", description = "overwrite the chart files in --chart, or the --csv file")
    boolean force;

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (grid) {
            return grid();
        }
        if (cells != null || csv != null) {
            throw new InvalidScenarioException((cells != null ? "--cells" : "--csv") + " goes with --grid only");
        }
        double seconds = runLength(EngineComparison.DEFAULT_SECONDS);
        if (chartVariant < 1 || chartVariant > EngineComparison.VARIANTS.size()) {
            throw new InvalidScenarioException("--chart-variant " + chartVariant + " is not a variant: 1 .. "
                    + EngineComparison.VARIANTS.size());
        }
        OutputDir.refuseEmpty("--chart", chartDir);
        if (chartDir != null) {
            OutputDir.checkOverwrite("--chart", chartDir, CHART_FILES, force);
        }
        List<EngineComparison.Row> rows = EngineComparison.run(seconds);
        spec.commandLine().getOut().print(EngineComparison.table(rows));
        boolean agree = rows.stream().allMatch(EngineComparison.Row::agrees);
        spec.commandLine().getOut().println(EngineComparison.verdict(rows));
        if (chartDir != null) {
            EngineComparison.Row row = rows.get(chartVariant - 1);
            OverlayChart chart = OverlayChart.of(List.of(row.model().overlay("model", OverlayRun.Look.SOLID),
                    row.kernel().overlay("kernel", OverlayRun.Look.FADED)),
                    "model vs kernel: " + row.variant().name(), ChartStyle.NORMAL);
            Files.createDirectories(chartDir);
            for (String file : CHART_FILES) {
                Path target = chartDir.resolve(file);
                Files.deleteIfExists(target); // a link (allowed by --force) is replaced, its target left alone
                ChartExporter.write(chart.chart(), target, CHART_WIDTH, CHART_HEIGHT, false);
            }
            spec.commandLine().getOut().println("chart of '" + row.variant().name() + "' in "
                    + chartDir.toAbsolutePath());
        }
        spec.commandLine().getOut().flush();
        return agree ? 0 : 1;
    }

    private int grid() throws InterruptedException, IOException {
        if (chartDir != null) {
            throw new InvalidScenarioException("--chart draws a variant; it does not go with --grid");
        }
        double seconds = runLength(FidelityGrid.DEFAULT_SECONDS);
        List<FidelityGrid.Numbered> selected = FidelityGrid.select(cells);
        if (csv != null) {
            OutputDir.refuseEmpty("--csv", csv);
            Path dir = csv.toAbsolutePath().getParent();
            OutputDir.checkOverwrite("--csv", dir, List.of(csv.getFileName().toString()), force);
        }
        var out = spec.commandLine().getOut();
        List<GridComparison.Row> rows = GridComparison.run(selected, seconds, spec.commandLine().getErr());
        out.print(GridComparison.table(rows));
        out.print(GridComparison.summary(rows));
        if (csv != null) {
            GridComparison.writeCsv(csv, rows);
            out.println("table written to " + csv.toAbsolutePath());
        }
        out.flush();
        return rows.stream().allMatch(r -> r.verdict().agrees()) ? 0 : 1;
    }

    private double runLength(double byDefault) {
        double s = seconds == null ? byDefault : seconds;
        if (!(s >= 0.1 && s <= 3600)) {
            throw new InvalidScenarioException("--seconds " + s + " is not a run length: 0.1 .. 3600");
        }
        return s;
    }
}
