package tcpflowlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import tcpflowlab.telemetry.RunSummary;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.IOException;
import java.nio.file.Files;
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

    @Option(names = "--force", description = "overwrite existing output files in --out")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;

    abstract LiveOptions options();

    @Override
    public Integer call() throws IOException {
        LiveOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            throw new InvalidScenarioException(e.getMessage());
        }
        ScenarioCodec codec = new ScenarioCodec();
        Scenario scenario = scenarioOptions.load(codec);
        List<TelemetrySink> sinks = new ArrayList<>();
        CsvTelemetryWriter csv = null;
        if (out != null) {
            if (!force && Files.exists(out.resolve(CsvTelemetryWriter.EVENTS))) {
                throw new InvalidScenarioException(out.resolve(CsvTelemetryWriter.EVENTS)
                        + " already exists; choose another --out or add --force to overwrite");
            }
            csv = new CsvTelemetryWriter(out, scenario.name(), false);
            sinks.add(csv);
        }
        long start = System.nanoTime();
        RunSummary summary;
        LiveCommands.Outcome outcome;
        try {
            outcome = LiveCommands.run(scenario, sinks, options, codec, spec.commandLine().getErr(), quiet);
            summary = outcome.summary();
        } finally {
            if (csv != null) {
                csv.close();
            }
        }
        if (out != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve(RunCommand.SUMMARY).toFile(), summary);
        }
        spec.commandLine().getOut().print(SummaryText.format(summary, System.nanoTime() - start));
        spec.commandLine().getOut().flush();
        if (outcome.clientNeverConnected().isPresent()) {
            spec.commandLine().getErr().println("error: the client never connected; " + outcome.clientNeverConnected().get());
            return Main.EXIT_FAILED;
        }
        return 0;
    }
}
