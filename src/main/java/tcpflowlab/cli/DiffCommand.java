package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.chart.ChartStyle;
import tcpflowlab.chart.OverlayChart;
import tcpflowlab.chart.OverlayRun;
import tcpflowlab.engine.ClockAlignment;
import tcpflowlab.engine.Engines;
import tcpflowlab.engine.RunDifference;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.engine.TimeOrigin;
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
                + "Times count from each run's first connection (the Live engine's clock starts before its connect), "
                + "or from its start if it never connected. Prints the table, writes it as " + DiffCommand.CSV
                + " and the overlay chart of both runs (A solid, B faded and dashed, their first connections at "
                + "time 0) as " + DiffCommand.CHART + ".png, .svg and .pdf.")
final class DiffCommand implements Callable<Integer> {
    static final String CSV = "diff.csv";
    static final String CHART = "diff";
    static final List<String> OUTPUTS = List.of(CSV, CHART + ".png", CHART + ".svg", CHART + ".pdf");
    static final int CHART_WIDTH = 1200;
    static final int CHART_HEIGHT = 800;
    /** The CSV row of each run's first connection, on its own clock. */
    static final String CONNECT_ROW = Csv.field("first connection (time 0 of the times below; empty: the run's start)");

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
    record Side(Engines.Kind engine, Scenario scenario) {
        String describe() {
            return scenario.name() + " (" + engine.cliName() + ")";
        }
    }

    /** A finished side: what it came to and what it recorded for the chart. */
    record Result(RunSummary summary, DecimatedRecording recording) {
        TimeOrigin origin() {
            return new TimeOrigin(recording.firstConnectNanos());
        }

        /** The run drawn with its first connection (or its start) at time 0. */
        OverlayRun overlay(String name, OverlayRun.Look look) {
            return new OverlayRun(name, recording.samples(), recording.events(), look).shifted(-origin().nanos());
        }
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
            ClockAlignment clocks = new ClockAlignment(ra.origin(), rb.origin());
            List<RunDifference.Row> rows = RunDifference.of(ra.summary(), rb.summary(), "A", "B", clocks);
            writeCsv(out.resolve(CSV), rows, sideA, sideB, clocks);
            OverlayChart chart = chart(ra, rb, "A = " + sideA.describe() + " vs B = " + sideB.describe());
            for (String file : OUTPUTS.subList(1, OUTPUTS.size())) {
                // renamed into place whole: a link (allowed by --force) is replaced, its target left alone
                SweepMapFiles.export(chart.chart(), out.resolve(file), CHART_WIDTH, CHART_HEIGHT);
            }
            stdout.print(RunDifference.table(rows, sideA.describe(), sideB.describe()));
            stdout.println(clocks.note("A", "B"));
            signals.received().ifPresent(k -> stdout.println("interrupted by " + k.label() + ": the runs stopped early"));
            stdout.println("output in " + out.toAbsolutePath());
            stdout.flush();
            return signals.exitCode(0);
        }
    }

    /** Both runs with their first connections at time 0, the note under the title saying so. */
    static OverlayChart chart(Result ra, Result rb, String title) {
        OverlayChart chart = OverlayChart.of(List.of(ra.overlay("A", OverlayRun.Look.SOLID),
                rb.overlay("B (dashed)", OverlayRun.Look.FADED)), title, ChartStyle.NORMAL);
        chart.addNote(new ClockAlignment(ra.origin(), rb.origin()).note("A", "B") + " Time 0: each run's first connection.");
        return chart;
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

    /**
     * quantity, unit, A, B, B - A: numbers in plain decimals, empty for never / not known; a row
     * says from which instant of each run's clock its times count (empty: from its start).
     */
    static void writeCsv(Path file, List<RunDifference.Row> rows, Side a, Side b, ClockAlignment clocks)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("quantity,unit,A,B,B - A");
        lines.add("run,," + Csv.field(a.describe()) + "," + Csv.field(b.describe()) + ",");
        boolean both = clocks.a().connected() && clocks.b().connected();
        lines.add(String.join(",", CONNECT_ROW, "s", connect(clocks.a()), connect(clocks.b()),
                both ? number(clocks.offsetNanos() / 1e9, "s") : ""));
        for (RunDifference.Row r : rows) {
            String unit = r.quantity().unit();
            boolean outcome = r.quantity() == RunDifference.Quantity.OUTCOME;
            lines.add(String.join(",", Csv.field(r.quantity().label()), unit,
                    outcome ? r.a() : number(r.aValue(), unit), outcome ? r.b() : number(r.bValue(), unit),
                    outcome ? Csv.field(r.difference()) : number(r.differenceValue(), unit)));
        }
        AtomicOutputFile.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String connect(TimeOrigin origin) {
        return origin.connected() ? number(origin.nanos() / 1e9, "s") : "";
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
