package tcpflowlab.engine;

import tcpflowlab.live.LiveOptions;
import tcpflowlab.live.LiveRun;
import tcpflowlab.run.ModelRun;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.List;

/**
 * Builds the engines, the one place that knows how: the Model to drive on the caller's thread
 * (headless runs, exports, benchmarks), the Model on its own thread paced to the wall clock,
 * or the Live engine on real sockets. Every engine validates the scenario against the same
 * codec and sends its telemetry to the sinks given, in the order given.
 */
public final class Engines {
    /** The engines a run can use. */
    public enum Kind {
        MODEL("model", "Model"), LIVE("live", "Live");

        private final String name;
        private final String label;

        Kind(String name, String label) {
            this.name = name;
            this.label = label;
        }

        /** The engine's name on the command line and in summary.json. */
        public String cliName() {
            return name;
        }

        /** "model" or "live", as typed after {@code --engine}. */
        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.name.equals(text)) {
                    return k;
                }
            }
            throw new InvalidScenarioException("--engine " + text + " is not an engine; engines: model, live");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ScenarioCodec codec;

    public Engines(ScenarioCodec codec) {
        this.codec = codec;
    }

    /** The Model, single-threaded: the caller drives it with runUntil/step/runToEnd. */
    public ModelEngine model(Scenario scenario, List<TelemetrySink> sinks) {
        return new ModelEngine(scenario, sinks, codec);
    }

    /** The Model on its own thread, paced by the system clock at speed 1 until told otherwise. */
    public ModelRun modelRun(Scenario scenario, List<TelemetrySink> sinks) {
        return ModelRun.withSystemClock(model(scenario, sinks));
    }

    /** The Live engine: the scenario on real sockets, where {@code options} says. */
    public LiveRun live(Scenario scenario, List<TelemetrySink> sinks, LiveOptions options) {
        return new LiveRun(scenario, sinks, options, codec);
    }

    /** Either engine as a {@link Run}; the Live engine runs both sides on loopback as {@code live} says. */
    public Run run(Kind kind, Scenario scenario, List<TelemetrySink> sinks, LiveOptions live) {
        return switch (kind) {
            case MODEL -> modelRun(scenario, sinks);
            case LIVE -> live(scenario, sinks, live);
        };
    }
}
