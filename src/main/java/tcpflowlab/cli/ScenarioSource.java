package tcpflowlab.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;

import java.nio.file.Path;

/** Where a command's scenario comes from: a preset or a file (exactly one). */
final class ScenarioSource {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = {"-p", "--preset"}, paramLabel = "NAME", description = "a preset (see 'presets')")
        String preset;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "a scenario JSON file")
        Path file;
    }

    Scenario load(ScenarioCodec codec) {
        if (choice.preset != null) {
            return new Presets(codec).load(choice.preset);
        }
        return codec.read(choice.file);
    }
}
