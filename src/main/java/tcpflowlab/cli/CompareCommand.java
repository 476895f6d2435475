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
                + "and whether the engines agree: the same class, and the Model's probe intervals within 25 % of the "
                + "kernel's. Exits 0 when every variant agrees, 1 otherwise. With --chart, also draws one variant's "
                + "model-vs-kernel overlay.")
final class CompareCommand implements Callable<Integer> {
    static final String CHART = "model-vs-kernel";
    static final List<String> CHART_FILES = List.of(CHART + ".png", CHART + ".svg");
    static final int CHART_WIDTH = 1200;
    static final int CHART_HEIGHT = 800;

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "6",
            description = "seconds per variant and engine (default ${DEFAULT-VALUE}: every variant tells its story in that time)")
    double seconds;

    @Option(names = "--chart", paramLabel = "DIR",
            description = "write the model-vs-kernel overlay of one variant to DIR as " + CHART + ".png and .svg "
                    + "(the Model solid, the kernel faded and dashed)")
    Path chartDir;

    @Option(names = "--chart-variant", defaultValue = "1", paramLabel = "N",
            description = "the variant --chart draws, 1 .. " + EngineComparison.VARIANT_COUNT + " in the table's order (default ${DEFAULT-VALUE}: the story)")
    int chartVariant;

    @Option(names = "--force", description = "overwrite the chart files in --chart")
    boolean force;

    @Override
    public Integer call() throws InterruptedException, IOException {
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
}
