package tcpflowlab.lesson;

import tcpflowlab.engine.Knobs;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.telemetry.Sample;

/**
 * What a lesson needs of a run: to step it to a condition and to read it at the stop. The
 * headless check drives a Model engine directly ({@link EngineLessonRun}); the app drives its
 * paused Model run. Calls may block for as long as the run takes to get there.
 */
public interface LessonRun {
    /** Runs until {@code condition} is met; false when the run ended (or was stopped) first. */
    boolean runUntil(StopCondition condition);

    /** Run time now, nanoseconds. */
    long timeNanos();

    /** The run time at which the run ends. */
    long endNanos();

    /** Whether the run has reached its end. */
    boolean ended();

    /** The queues and counters at this instant. */
    Sample snapshot();

    Knobs knobs();

    RunSummary summary();
}
