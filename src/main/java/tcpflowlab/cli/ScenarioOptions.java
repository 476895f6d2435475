package tcpflowlab.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;

import java.util.ArrayList;
import java.util.List;

/** The scenario options several commands share: preset or file, duration, seed, --set overrides. */
final class ScenarioOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    ScenarioSource.Choice source;

    @Option(names = {"-d", "--duration"}, paramLabel = "SECONDS", description = "seconds to run (overrides the scenario)")
    Double duration;

    @Option(names = "--seed", description = "random seed (overrides the scenario)")
    Long seed;

    @Option(names = {"-s", "--set"}, paramLabel = "FIELD=VALUE",
            description = "override a field, e.g. --set client.readSize=4096 (see 'fields'); repeatable")
    List<String> overrides = new ArrayList<>();

    Scenario load(ScenarioCodec codec) {
        ScenarioSource src = new ScenarioSource();
        src.choice = source;
        List<String> sets = new ArrayList<>(overrides);
        if (duration != null) {
            sets.add(ScenarioField.RUN_DURATION.path() + "=" + duration);
        }
        if (seed != null) {
            sets.add(ScenarioField.RUN_SEED.path() + "=" + seed);
        }
        return codec.withOverrides(src.load(codec), sets);
    }
}
