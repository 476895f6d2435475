package tcpflowlab.run;

import tcpflowlab.engine.Knobs;
import tcpflowlab.engine.RunState;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.lesson.LessonRun;
import tcpflowlab.telemetry.Sample;

/**
 * A lesson on the app's Model run: the run stays paused between steps, and each stop is reached
 * with {@link ModelRun#runUntil} on the caller's thread, so the views keep drawing what the run
 * reports meanwhile.
 */
public final class ModelLessonRun implements LessonRun {
    private final ModelRun run;

    public ModelLessonRun(ModelRun run) {
        this.run = run;
    }

    @Override
    public boolean runUntil(StopCondition condition) {
        run.pause(); // Run pressed in between: the lesson's stop is where the run pauses again
        return run.runUntil(condition);
    }

    @Override
    public long timeNanos() {
        return run.timeNanos();
    }

    @Override
    public long endNanos() {
        return run.engine().endTime();
    }

    @Override
    public boolean ended() {
        RunState s = run.state();
        return s == RunState.FINISHED || s == RunState.STOPPED || s == RunState.FAILED;
    }

    @Override
    public Sample snapshot() {
        return run.snapshot();
    }

    @Override
    public Knobs knobs() {
        return run.knobs();
    }

    @Override
    public RunSummary summary() {
        return run.summary();
    }
}
