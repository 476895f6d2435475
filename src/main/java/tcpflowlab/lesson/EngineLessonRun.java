package tcpflowlab.lesson;

import tcpflowlab.engine.Knobs;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.telemetry.Sample;

/** A lesson on a Model engine driven on the caller's thread: the headless check. */
public final class EngineLessonRun implements LessonRun {
    private final ModelEngine engine;

    public EngineLessonRun(ModelEngine engine) {
        this.engine = engine;
    }

    @Override
    public boolean runUntil(StopCondition condition) {
        return engine.runUntil(condition);
    }

    @Override
    public long timeNanos() {
        return engine.now();
    }

    @Override
    public long endNanos() {
        return engine.endTime();
    }

    @Override
    public boolean ended() {
        return engine.isFinished();
    }

    @Override
    public Sample snapshot() {
        return engine.snapshot();
    }

    @Override
    public Knobs knobs() {
        return engine.knobs();
    }

    @Override
    public RunSummary summary() {
        return engine.summary();
    }
}
