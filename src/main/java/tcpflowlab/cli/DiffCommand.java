package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.chart.ChartStyle;
import tcpflowlab.chart.OverlayChart;
import tcpflowlab.chart.OverlayRun;
import tcpflowlab.engine.Engines;
import tcpflowlab.engine.RunDifference;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.export.AtomicOutputFile;
import tcpflowlab.export.Csv;
import tcpflowlab.export.SweepMapFiles;
import tcpflowlab.live.LiveOptions;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.telemetry.DecimatedRecording;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Runs two scenarios (or one in both engines) and compares them side by side: outcome, first zero "
                + "window, first EAGAIN, resets, goodput, messages dropped and lost, peak queues, each with B - A. "
                + "Prints the table, writes it as " + DiffCommand.CSV + " and the overlay chart of both runs "
                + "(A solid, B faded and dashed) as " + DiffCommand.CHART + ".png, .svg and .pdf.")
final class DiffCommand implements Callable<Integer> {
    static final String CSV = "diff.csv";
    static final String CHART = "diff";
    static final List<String> OUTPUTS = List.of(CSV, CHART + ".png", CHART + ".svg", CHART + ".pdf");
    static final int CHART_WIDTH = 1200;
    static final int CHART_HEIGHT = 800;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "the first run: a scenario file (an existing path) or a preset name")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "the second run, the same way")
    String b;

    @Option(names = {"-d", "--duration"}, paramLabel = "SECONDS", description = "seconds to run each (overrides both scenarios)")
    Double duration;

    @Option(names = "--engine-a", defaultValue = "model", paramLabel = "ENGINE",
            description = "model (default) or live (real sockets on loopback) for A")
    String engineA;

    @Option(names = "--engine-b", defaultValue = "model", paramLabel = "ENGINE", description = "the same for B")
    String engineB;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "write " + CSV + " and the charts here")
    Path out;

    @Option(names = "--force", description = "overwrite existing output files in --out")
    boolean force;

    /** One side, ready to run: its engine and scenario. */
    private record Side(Engines.Kind engine, Scenario scenario) {
        String describe() {
            return scenario.name() + " (" + engine.cliName() + ")";
        }
    }

    /** A finished side: what it came to and what it recorded for the chart. */
    private record Result(RunSummary summary, DecimatedRecording recording) {
    }

    @Override
    public Integer call() throws IOException {
        ScenarioCodec codec = new ScenarioCodec();
        Side sideA = side("A", a, "--engine-a", engineA, codec);
        Side sideB = side("B", b, "--engine-b", engineB, codec);
        OutputDir.refuseEmpty("-o/--out", out);
        OutputDir.checkOverwrite("-o/--out", out, OUTPUTS, force);
        OutputDir.requireWritable(out, CSV); // a directory that takes no files fails now, not after the runs
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try (StopSignals signals = StopSignals.install(stderr)) {
            Result ra = run(sideA, codec, stderr, signals);
            Result rb = run(sideB, codec, stderr, signals);
            List<RunDifference.Row> rows = RunDifference.of(ra.summary(), rb.summary());
            writeCsv(out.resolve(CSV), rows, sideA, sideB);
            OverlayChart chart = OverlayChart.of(List.of(
                            new OverlayRun("A", ra.recording().samples(), ra.recording().events(), OverlayRun.Look.SOLID),
                            new OverlayRun("B (dashed)", rb.recording().samples(), rb.recording().events(),
                                    OverlayRun.Look.FADED)),
                    "A = " + sideA.describe() + " vs B = " + sideB.describe(), ChartStyle.NORMAL);
            for (String file : OUTPUTS.subList(1, OUTPUTS.size())) {
                // renamed into place whole: a link (allowed by --force) is replaced, its target left alone
                SweepMapFiles.export(chart.chart(), out.resolve(file), CHART_WIDTH, CHART_HEIGHT);
            }
            stdout.print(RunDifference.table(rows, sideA.describe(), sideB.describe()));
            signals.received().ifPresent(k -> stdout.println("interrupted by " + k.label() + ": the runs stopped early"));
            stdout.println("output in " + out.toAbsolutePath());
            stdout.flush();
            return signals.exitCode(0);
        }
    }

    private Side side(String label, String text, String engineOption, String engineName, ScenarioCodec codec) {
        Engines.Kind kind;
        try {
            kind = Engines.Kind.parse(engineName);
        } catch (InvalidScenarioException e) {
            throw new InvalidScenarioException(engineOption + " " + engineName + " is not an engine; engines: model, live");
        }
        Scenario scenario = DiffSide.load(label, text, codec);
        if (duration != null) {
            scenario = codec.withOverrides(scenario, List.of(ScenarioField.RUN_DURATION.path() + "=" + duration));
        }
        return new Side(kind, scenario);
    }

    private static Result run(Side side, ScenarioCodec codec, PrintWriter err, StopSignals signals) {
        DecimatedRecording recording = new DecimatedRecording(OverlayRun::drawsFrom);
        RunSummary summary;
        if (side.engine() == Engines.Kind.LIVE) {
            summary = LiveCommands.runLive(side.scenario(), List.of(recording), LiveOptions.both(), codec, err, false,
                    signals, () -> false);
        } else {
            ModelEngine model = new Engines(codec).model(side.scenario(), List.of(recording));
            long end = model.endTime();
            // a second of virtual time per slice at most, so a stop is heard soon
            long slice = Math.max(1, Math.min(end / 200, 1_000_000_000L));
            for (long t = slice; !model.isFinished() && !signals.stopRequested(); t += slice) {
                model.runUntil(Math.min(t, end));
            }
            summary = model.summary();
        }
        return new Result(summary, recording);
    }

    /** quantity, unit, A, B, B - A: numbers in plain decimals, empty for never / not known. */
    static void writeCsv(Path file, List<RunDifference.Row> rows, Side a, Side b) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("quantity,unit,A,B,B - A");
        lines.add("run,," + Csv.field(a.describe()) + "," + Csv.field(b.describe()) + ",");
        for (RunDifference.Row r : rows) {
            String unit = r.quantity().unit();
            boolean outcome = r.quantity() == RunDifference.Quantity.OUTCOME;
            lines.add(String.join(",", Csv.field(r.quantity().label()), unit,
                    outcome ? r.a() : number(r.aValue(), unit), outcome ? r.b() : number(r.bValue(), unit),
                    outcome ? Csv.field(r.difference()) : number(r.differenceValue(), unit)));
        }
        AtomicOutputFile.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String number(double v, String unit) {
        if (Double.isNaN(v)) {
            return "";
        }
        return switch (unit) {
            case "s" -> String.format(Locale.ROOT, "%.9f", v);
            case "B/s" -> String.format(Locale.ROOT, "%.3f", v);
            default -> String.format(Locale.ROOT, "%.0f", v);
        };
    }
}
