package tcpflowlab.sim;

import tcpflowlab.engine.Moment;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.List;

/**
 * Rewind to a moment: a new Model engine for the same scenario and seed that applies the same
 * knob changes at the same socket calls, so up to the moment it reports exactly what the
 * original did. It records its own history (the replayed changes, then the user's), so a
 * branch of a branch works the same way.
 */
public final class Rewind {
    private Rewind() {
    }

    /**
     * The engine with the moment's changes scheduled, not yet run: for a caller that runs it to
     * {@link Moment#atNanos()} itself (the app, in slices) and then calls
     * {@link ModelEngine#dropKnobSchedule()}.
     */
    public static ModelEngine engine(Moment moment, List<TelemetrySink> sinks, ScenarioCodec codec) {
        return new ModelEngine(moment.scenario(), sinks, codec, moment.changes());
    }

    /** The engine run to exactly the moment, its replay done: from here the knobs are the user's. */
    public static ModelEngine to(Moment moment, List<TelemetrySink> sinks, ScenarioCodec codec) {
        ModelEngine engine = engine(moment, sinks, codec);
        engine.runUntil(StopCondition.at(moment.atNanos()));
        engine.dropKnobSchedule();
        return engine;
    }

    /** The moment at run time {@code t} of {@code engine}'s run (t at most its current time). */
    public static Moment momentOf(ModelEngine engine, long t) {
        return new Moment(engine.initialScenario(), engine.knobHistory(t), t);
    }
}
