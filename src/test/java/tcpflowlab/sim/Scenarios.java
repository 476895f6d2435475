package tcpflowlab.sim;

import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;

import java.util.List;

/** Presets and variations for tests. */
public final class Scenarios {
    public static final ScenarioCodec CODEC = new ScenarioCodec();

    private Scenarios() {
    }

    public static Scenario preset(String name, String... overrides) {
        return CODEC.withOverrides(new Presets(CODEC).load(name), List.of(overrides));
    }

    public static Scenario defaults(String... overrides) {
        return CODEC.withOverrides(Scenario.defaults(), List.of(overrides));
    }

    public static RecordingSink run(Scenario s) {
        RecordingSink sink = new RecordingSink();
        ModelEngine engine = new ModelEngine(s, List.of(sink), CODEC);
        engine.runToEnd();
        return sink;
    }
}
