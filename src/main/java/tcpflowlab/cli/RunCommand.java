package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.engine.Engines;
import tcpflowlab.export.CsvTelemetryWriter;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.export.Csv;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.FlowLimitShares;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a scenario headless and prints what happened: its outcome (RESET, LOSSY, STALLED, CLEAN), first zero window, "
                + "first EAGAIN, first RST, the errno values each side saw, bytes written and read.")
final class RunCommand implements Callable<Integer> {
    static final String SUMMARY = SummaryFile.NAME;

    @Spec
    CommandSpec spec;
    @picocli.CommandLine.Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--engine", defaultValue = "model",
            description = "model (default: deterministic simulation) or live (real sockets on loopback)")
    String engine;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "write samples.csv, events.csv, segments.csv and summary.json here")
    Path out;

    @Option(names = "--no-capture", description = "Live engine: take kernel events from this connection's "
            + "/proc/net/tcp row and ss -tin even where a loopback capture is permitted")
    boolean noCapture;

    @Option(names = "--force", description = "overwrite existing output files in --out")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Engines.Kind kind = Engines.Kind.parse(engine);
        OutputDir.refuseEmpty("-o/--out", out);
        ScenarioCodec codec = new ScenarioCodec();
        Scenario scenario = scenarioOptions.load(codec);

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (out != null) {
            OutputDir.checkOverwrite(out, OUTPUTS, force);
        }
        // Signals are caught before the first output file exists: from then on a stop writes them whole.
        try (StopSignals signals = StopSignals.install(stderr)) {
            List<TelemetrySink> sinks = new ArrayList<>();
            FlowLimitShares limits = new FlowLimitShares();
            sinks.add(limits);
            CsvTelemetryWriter csv = null;
            if (out != null) {
                csv = new CsvTelemetryWriter(out, scenario.name());
                sinks.add(csv);
            }
            long wallStart = System.nanoTime();
            RunSummary summary;
            try {
                CsvTelemetryWriter files = csv;
                java.util.function.BooleanSupplier outputFailed = () -> files != null && files.failed();
                if (kind == Engines.Kind.LIVE) {
                    summary = LiveCommands.runLive(scenario, sinks, tcpflowlab.live.LiveOptions.both().withCapture(!noCapture), codec, stderr, quiet,
                            signals, outputFailed);
                } else {
                    ModelEngine model = new Engines(codec).model(scenario, sinks);
                    runWithProgress(model, stderr, () -> signals.stopRequested() || outputFailed.getAsBoolean());
                    signals.received().ifPresent(k -> model.event(Side.SERVER, EventKind.RUN_END, null, 0, 0,
                            "the run was interrupted by " + k.label() + " after " + Csv.seconds(model.now())
                                    + " s of virtual time"));
                    summary = model.summary();
                }
            } finally {
                if (csv != null) {
                    csv.close();
                }
            }
            long wall = System.nanoTime() - wallStart;
            if (out != null) {
                SummaryFile.write(out, summary, signals.received(), limits);
            }
            stdout.print(SummaryText.format(summary, wall, limits));
            signals.received().ifPresent(k -> stdout.println("  interrupted by " + k.label() + ": the run stopped early"));
            if (out != null) {
                stdout.println("  output in " + out.toAbsolutePath());
            }
            stdout.flush();
            return signals.exitCode(0);
        }
    }

    static final List<String> OUTPUTS = List.of(CsvTelemetryWriter.SAMPLES, CsvTelemetryWriter.EVENTS,
            CsvTelemetryWriter.SEGMENTS, SUMMARY);

    /** Runs in slices; once a run has taken a second of wall time, shows a progress bar. */
    private void runWithProgress(ModelEngine model, PrintWriter err, java.util.function.BooleanSupplier stop) {
        long end = model.endTime();
        // at most a second of virtual time per slice, so a stop is heard within a fraction of a second
        long slice = Math.max(1, Math.min(end / 200, 1_000_000_000L));
        long wallStart = System.nanoTime();
        boolean shown = false;
        int lastPct = -1;
        for (long t = slice; ; t += slice) {
            model.runUntil(Math.min(t, end));
            if (model.isFinished() || stop.getAsBoolean()) {
                break;
            }
            int pct = (int) (100 * model.now() / end);
            if (!quiet && pct >= lastPct + 5 && System.nanoTime() - wallStart > 1_000_000_000L) {
                shown = true;
                lastPct = pct;
                err.printf("\r[%-40s] %3d%%  %.1f / %.1f s virtual", "#".repeat(pct * 40 / 100), pct,
                        model.now() / 1e9, end / 1e9);
                err.flush();
            }
        }
        if (shown) {
            err.printf("\r[%-40s] 100%%%30s%n", "#".repeat(40), "");
            err.flush();
        }
    }
}
