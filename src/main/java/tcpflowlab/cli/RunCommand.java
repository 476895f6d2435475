package tcpflowlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.export.CsvTelemetryWriter;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.telemetry.RunSummary;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a scenario headless and prints what happened: first zero window, "
                + "first EAGAIN, first RST, the errno values each side saw, bytes written and read.")
final class RunCommand implements Callable<Integer> {
    static final String SUMMARY = "summary.json";

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

    @Option(names = "--force", description = "overwrite existing output files in --out")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (!engine.equals("model") && !engine.equals("live")) {
            throw new InvalidScenarioException("--engine " + engine + " is not an engine; engines: model, live");
        }
        ScenarioCodec codec = new ScenarioCodec();
        Scenario scenario = scenarioOptions.load(codec);

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<TelemetrySink> sinks = new ArrayList<>();
        CsvTelemetryWriter csv = null;
        if (out != null) {
            refuseOverwrite(out);
            csv = new CsvTelemetryWriter(out, scenario.name());
            sinks.add(csv);
        }
        long wallStart = System.nanoTime();
        RunSummary summary;
        try {
            if (engine.equals("live")) {
                summary = LiveCommands.runLive(scenario, sinks, tcpflowlab.live.LiveOptions.both(), codec, stderr, quiet);
            } else {
                ModelEngine model = new ModelEngine(scenario, sinks, codec);
                runWithProgress(model, stderr);
                summary = model.summary();
            }
        } finally {
            if (csv != null) {
                csv.close();
            }
        }
        long wall = System.nanoTime() - wallStart;
        if (out != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.resolve(SUMMARY).toFile(), summary);
        }
        stdout.print(SummaryText.format(summary, wall));
        if (out != null) {
            stdout.println("  output in " + out.toAbsolutePath());
        }
        stdout.flush();
        return 0;
    }

    private void refuseOverwrite(Path dir) {
        if (force) {
            return;
        }
        for (String f : List.of(CsvTelemetryWriter.SAMPLES, CsvTelemetryWriter.EVENTS,
                CsvTelemetryWriter.SEGMENTS, SUMMARY)) {
            if (Files.exists(dir.resolve(f))) {
                throw new InvalidScenarioException(dir.resolve(f)
                        + " already exists; choose another --out or add --force to overwrite");
            }
        }
    }

    /** Runs in slices; once a run has taken a second of wall time, shows a progress bar. */
    private void runWithProgress(ModelEngine model, PrintWriter err) {
        long end = model.endTime();
        long slice = Math.max(1, end / 200);
        long wallStart = System.nanoTime();
        boolean shown = false;
        int lastPct = -1;
        for (long t = slice; ; t += slice) {
            model.runUntil(Math.min(t, end));
            if (model.isFinished()) {
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
