package tcpflowlab.ui;

import javafx.application.Platform;
import tcpflowlab.engine.Engines;
import tcpflowlab.engine.Moment;
import tcpflowlab.engine.Run;
import tcpflowlab.engine.RunState;
import tcpflowlab.engine.StopCondition;

import java.util.Locale;

/**
 * Rewind and branch (Model only): the run so far is pinned as the faded reference, a new run
 * of the same scenario is recomputed to t with the same knob changes, and it waits there,
 * paused, for the user's own changes. Opening a moment file is the same recomputation without
 * a reference. The recomputation runs off the FX thread in slices, the frame loop draining the
 * burst of telemetry as it comes, as a Step does.
 */
final class Branching {
    static final String LIVE_WHY = "Rewind and branch needs the Model: a Live run's kernel cannot be run again";
    /**
     * A lesson's session is bound to its run and its questions to that run's future: replacing the
     * run under it would leave the panel asking about a run that is gone. Closing it silently would
     * throw away the class's predictions, so the user closes it.
     */
    static final String LESSON_WHY = "a lesson is open and its questions follow this run: close the lesson "
            + "(✕ on the lesson panel; the run stays), then branch";

    /** What the main window does for a branch. */
    interface Window {
        /** Closes the current run and clears the views (the reference stays). */
        void resetRun();

        /** Pins the current run as the reference; why not, or null. */
        String pinReference();

        void message(String text);

        void updateButtons();

        /** Whether a lesson is playing on the run. */
        boolean lessonOpen();
    }

    private final RunController runs;
    private final FrameLoop frames;
    private final ChartPanelController charts;
    private final Window window;
    private boolean computing;
    private long lastMillis = -1;

    Branching(RunController runs, FrameLoop frames, ChartPanelController charts, Window window) {
        this.runs = runs;
        this.frames = frames;
        frames.holdViewsWhile(() -> computing);
        this.charts = charts;
        this.window = window;
    }

    /** Why the run cannot be branched now, or null. */
    String whyNot() {
        if (runs.engine() != Engines.Kind.MODEL) {
            return LIVE_WHY;
        }
        if (computing) {
            return "a branch is being computed";
        }
        if (window.lessonOpen()) {
            return LESSON_WHY;
        }
        RunState s = runs.state();
        if (!runs.isPrepared() || s == RunState.READY) {
            return "nothing to branch yet: run a scenario first";
        }
        if (s == RunState.RUNNING) {
            return "pause the run (or let it finish), then branch";
        }
        if (s == RunState.FAILED) {
            return "the run failed; it cannot be branched";
        }
        return null;
    }

    /** The latest time a branch may start at: where the run is now. */
    long latest() {
        return runs.timeNanos();
    }

    /** Branches the current run at run time {@code t} (clamped to 0 .. now). */
    void branch(long t) {
        String why = whyNot();
        if (why != null) {
            window.message(why);
            return;
        }
        Moment moment = runs.momentAt(Math.max(0, t));
        String pinned = window.pinReference();
        if (pinned != null) {
            window.message(pinned);
            return;
        }
        recompute(moment, ms -> String.format(Locale.ROOT, "branched at t = %.3f s (shown after %d ms): the original"
                + " run is drawn faded; change a knob and press Run", moment.atNanos() / 1e9, ms));
    }

    /** Shows {@code moment}: its scenario recomputed to its time, paused there. */
    void open(Moment moment, String source) {
        if (computing || window.lessonOpen()) {
            window.message(computing ? "a branch is being computed" : LESSON_WHY.replace("then branch",
                    "then open the moment"));
            return;
        }
        recompute(moment, ms -> String.format(Locale.ROOT, "opened the moment at t = %.3f s from %s (shown after %d ms):"
                + " change a knob and press Run", moment.atNanos() / 1e9, source, ms));
    }

    private void recompute(Moment moment, java.util.function.LongFunction<String> done) {
        long started = System.nanoTime();
        window.resetRun();
        runs.prepareBranch(moment);
        Run run = runs.run();
        computing = true;
        window.message(String.format(Locale.ROOT, "recomputing the run to t = %.3f s ...", moment.atNanos() / 1e9));
        window.updateButtons();
        frames.requestFrame(); // the loop beats while the run is recomputed, draining what it reports
        Thread thread = new Thread(() -> {
            run.runUntil(StopCondition.at(moment.atNanos()));
            Platform.runLater(() -> shown(run, done, started));
        }, "branch");
        thread.setDaemon(true);
        thread.start();
    }

    private void shown(Run run, java.util.function.LongFunction<String> done, long started) {
        computing = false;
        if (runs.run() != run) {
            window.updateButtons(); // reset meanwhile: the views belong to another run
            return;
        }
        runs.endReplay();
        charts.viewer().renderer().awaitIdle();
        frames.catchUp(System.nanoTime());
        charts.markTime(run.timeNanos() / 1e9);
        lastMillis = (System.nanoTime() - started) / 1_000_000;
        window.message(run.state() == RunState.FAILED ? "the run failed: " + run.failure() : done.apply(lastMillis));
        window.updateButtons();
        frames.requestFrame();
    }

    boolean isComputing() {
        return computing;
    }

    /** How long the last branch took from the press to the views showing it, ms; -1 before any. */
    long lastMillis() {
        return lastMillis;
    }
}
