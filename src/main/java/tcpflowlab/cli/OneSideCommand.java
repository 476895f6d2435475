package tcpflowlab.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.export.CsvTelemetryWriter;
import tcpflowlab.live.LiveOptions;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.telemetry.FlowLimitShares;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** What `serve` and `connect` share: scenario, overrides, duration, outputs; the Live engine, one side. */
abstract class OneSideCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @picocli.CommandLine.Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "write samples.csv, events.csv and summary.json here")
    Path out;

    @Option(names = "--no-capture", description = "Live engine: take kernel events from this connection's "
            + "/proc/net/tcp row and ss -tin even where a loopback capture is permitted")
    boolean noCapture;

    @Option(names = "--force", description = "overwrite existing output files in --out")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;

    abstract LiveOptions options();

    @Override
    public Integer call() throws IOException {
        LiveOptions options;
        try {
            options = options().withCapture(!noCapture);
        } catch (IllegalArgumentException e) {
            throw new InvalidScenarioException(e.getMessage());
        }
        OutputDir.refuseEmpty("-o/--out", out);
        ScenarioCodec codec = new ScenarioCodec();
        Scenario scenario = scenarioOptions.load(codec);
        if (out != null) {
            OutputDir.checkOverwrite(out, RunCommand.OUTPUTS, force);
        }
        try (StopSignals signals = StopSignals.install(spec.commandLine().getErr())) {
            List<TelemetrySink> sinks = new ArrayList<>();
            FlowLimitShares limits = new FlowLimitShares();
            sinks.add(limits);
            CsvTelemetryWriter csv = null;
            if (out != null) {
                csv = new CsvTelemetryWriter(out, scenario.name(), false);
                sinks.add(csv);
            }
            long start = System.nanoTime();
            RunSummary summary;
            LiveCommands.Result outcome;
            try {
                CsvTelemetryWriter files = csv;
                outcome = LiveCommands.run(scenario, sinks, options, codec, spec.commandLine().getErr(), quiet,
                        signals, () -> files != null && files.failed());
                summary = outcome.summary();
            } finally {
                if (csv != null) {
                    csv.close();
                }
            }
            if (out != null) {
                SummaryFile.write(out, summary, signals.received(), limits);
            }
            spec.commandLine().getOut().print(SummaryText.format(summary, System.nanoTime() - start, limits));
            signals.received().ifPresent(k -> spec.commandLine().getOut()
                    .println("  interrupted by " + k.label() + ": the run stopped early"));
            spec.commandLine().getOut().flush();
            if (signals.received().isEmpty() && outcome.clientNeverConnected().isPresent()) {
                spec.commandLine().getErr().println("error: the client never connected; "
                        + outcome.clientNeverConnected().get());
                return Main.EXIT_FAILED;
            }
            return signals.exitCode(0);
        }
    }
}
