package tcpflowlab.ui;

import javafx.application.Platform;
import tcpflowlab.lesson.KnobSetting;
import tcpflowlab.lesson.Lesson;
import tcpflowlab.lesson.LessonSession;
import tcpflowlab.lesson.StepRecord;
import tcpflowlab.run.ModelLessonRun;
import tcpflowlab.run.ModelRun;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.List;
import java.util.function.Supplier;

/**
 * Plays a lesson on the window's Model run: Next and Reveal run the {@link LessonSession} on a
 * thread of their own (a stop may be many seconds of run time away) while the views follow,
 * and Back plays the lesson again on a new run to the step before, with the predictions the
 * class gave on the way (the session only goes forward, so every play takes the same path).
 */
final class LessonPlayer {
    /** What the window does for a lesson. */
    interface Window {
        /** A new, paused Model run of the lesson's scenario whose engine also reports to {@code sink}. */
        ModelRun newRun(Lesson lesson, TelemetrySink sink);

        /** The session is working ({@code true}) or done: the views follow the run meanwhile. */
        void busy(boolean busy, String doing);

        /** The run stopped at {@code nanos}: the views show it there. */
        void stopped(long nanos);

        /** A question revealed: point at its evidence. */
        void revealed(LessonSession.Revealed revealed);

        /** The lesson turned these knobs on the run: the knob panel shows them. */
        void knobsTurned(List<KnobSetting> settings);

        /** The window's Model run now, or null (reset, another engine). */
        ModelRun currentRun();
    }

    /** Where the lesson is: its goal, a step, or the summary at the end. */
    enum Page { GOAL, STEP, SUMMARY }

    private final Window window;
    private final Runnable changed;
    private Lesson lesson;
    private LessonSession session;
    private Page page = Page.GOAL;
    private LessonSession.Reached reached;
    private LessonSession.Revealed revealed;
    private boolean busy;
    /** The run the lesson plays on, and its time when the lesson last left it paused. */
    private ModelRun run;
    private long leftAtNanos;
    /** Bumped by every new session: work finishing for an older one changes nothing. */
    private int generation;

    /** {@code changed}: called on the FX thread whenever what the panel shows changes. */
    LessonPlayer(Window window, Runnable changed) {
        this.window = window;
        this.changed = changed;
    }

    /** Starts {@code lesson} on a new run, at its goal. */
    void open(Lesson lesson) {
        this.lesson = lesson;
        restart();
        changed.run();
    }

    /** Ends the lesson; the run stays as it is, for the class to go on with by hand. */
    void close() {
        generation++;
        lesson = null;
        session = null;
        busy = false;
        changed.run();
    }

    private void restart() {
        generation++;
        session = new LessonSession(lesson);
        run = window.newRun(lesson, session.sink());
        leftAtNanos = run.timeNanos();
        session.attach(new ModelLessonRun(run));
        page = Page.GOAL;
        reached = null;
        revealed = null;
        busy = false;
    }

    /** To the next step, or from the last to the summary. */
    void next() {
        if (!canGo()) {
            return;
        }
        LessonSession s = session;
        if (s.hasNext() && movedByHand()) {
            playAgain(s.current() + 1, Then.WAIT, null);
        } else if (s.hasNext()) {
            work("running to the next stop", () -> s.next(), r -> {
                page = Page.STEP;
                reached = r;
                revealed = null;
                window.knobsTurned(lesson.steps().get(r.index()).set());
                window.stopped(r.timeNanos());
            });
        } else if (s.awaitingReveal() && movedByHand()) {
            playAgain(s.current(), Then.SUMMARY, null);
        } else if (s.awaitingReveal()) {
            // the summary gives every answer: the last one too
            work("revealing the answer", () -> s.reveal(null), v -> page = Page.SUMMARY);
        } else {
            page = Page.SUMMARY;
            changed.run();
        }
    }

    /** Reveals the current step's answer and judges the class's {@code prediction} (blank: none). */
    void reveal(String prediction) {
        if (!canGo() || !session.awaitingReveal()) {
            return;
        }
        if (movedByHand()) {
            playAgain(session.current(), Then.REVEAL, prediction);
            return;
        }
        LessonSession s = session;
        work("running to the answer", () -> s.reveal(prediction), v -> {
            revealed = v;
            window.revealed(v);
        });
    }

    /**
     * Back one step (from the summary: to the last step), on a new run played from the start with
     * the predictions given so far; the step returned to waits for its prediction again.
     */
    void back() {
        if (!canGo() || page == Page.GOAL) {
            return;
        }
        int target = page == Page.SUMMARY ? session.current() : session.current() - 1;
        if (target < 0) {
            restart();
            window.stopped(0);
            changed.run();
            return;
        }
        playAgain(target, Then.WAIT, null);
    }

    /**
     * Whether the run left the lesson's path: Run, Step or Reset pressed, another engine or
     * scenario chosen since the lesson last stopped. Going on from there would miss stops the
     * run went past, and answers would differ from the lesson's own.
     */
    private boolean movedByHand() {
        ModelRun now = window.currentRun();
        return now != run || run.state() == tcpflowlab.engine.RunState.RUNNING || run.timeNanos() != leftAtNanos;
    }

    /**
     * Plays the lesson again on a new run to step {@code target} with the predictions given so
     * far (the session only goes forward, so every play takes the same path), then as {@code then} says.
     */
    private void playAgain(int target, Then then, String prediction) {
        List<StepRecord> before = session.records();
        restart();
        LessonSession s = session;
        work("playing the lesson again to step " + (target + 1), () -> {
            LessonSession.Reached r = null;
            for (int i = 0; i <= target; i++) {
                r = s.next();
                StepRecord old = before.get(i);
                if (i < target && old.question() != null && old.answer() != null) {
                    s.reveal(old.prediction());
                }
            }
            return new Replayed(r, then == Then.WAIT ? null : s.reveal(prediction));
        }, p -> {
            page = then == Then.SUMMARY ? Page.SUMMARY : Page.STEP;
            reached = p.reached();
            window.knobsTurned(lesson.steps().subList(0, target + 1).stream()
                    .flatMap(step -> step.set().stream()).toList());
            window.stopped(p.reached().timeNanos());
            if (then == Then.REVEAL) {
                revealed = p.revealed();
                window.revealed(revealed);
            }
        });
    }

    /** After playing the lesson again to a step: wait for the prediction, reveal it, or go on to the summary. */
    private enum Then { WAIT, REVEAL, SUMMARY }

    /** A lesson played again to a step, and that step's answer when it was revealed too. */
    private record Replayed(LessonSession.Reached reached, LessonSession.Revealed revealed) {
    }

    private boolean canGo() {
        return session != null && !busy;
    }

    /** Runs {@code work} off the FX thread, then {@code done} on it unless the lesson moved on meanwhile. */
    private <T> void work(String doing, Supplier<T> work, java.util.function.Consumer<T> done) {
        busy = true;
        int mine = generation;
        window.busy(true, doing);
        changed.run();
        Thread t = new Thread(() -> {
            T result;
            RuntimeException failure = null;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                result = null;
                failure = e;
            }
            T r = result;
            RuntimeException f = failure;
            Platform.runLater(() -> {
                if (mine != generation) {
                    return;
                }
                busy = false;
                leftAtNanos = run.timeNanos();
                window.busy(false, f == null ? "" : "the lesson stopped: " + f.getMessage());
                if (f == null) {
                    done.accept(r);
                }
                changed.run();
            });
        }, "lesson");
        t.setDaemon(true);
        t.start();
    }

    boolean isOpen() {
        return session != null;
    }

    boolean isBusy() {
        return busy;
    }

    Lesson lesson() {
        return lesson;
    }

    LessonSession session() {
        return session;
    }

    Page page() {
        return page;
    }

    /** The step reached last, or null at the goal. */
    LessonSession.Reached reached() {
        return reached;
    }

    /** The current step's answer once revealed, or null. */
    LessonSession.Revealed revealed() {
        return revealed;
    }
}
