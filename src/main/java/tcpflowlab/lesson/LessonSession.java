package tcpflowlab.lesson;

import tcpflowlab.engine.StopCondition;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plays a lesson on a run, the same way for the app and for {@code lesson check}: step by step,
 * each step's knobs set, the run taken to its stop, its question answered from the run when
 * revealed. The path through the run is fixed: Next reveals a question not yet revealed first,
 * so every play of a lesson (and its check) sees the same run, and Back can rebuild any step by
 * playing the lesson again from the start. Calls block while the run gets there: off the UI thread.
 */
public final class LessonSession {
    /** A step reached: stopped where it says ({@code met}), or not, and why. */
    public record Reached(int index, boolean met, long timeNanos, String problem) {
    }

    /** A question revealed: the run's answer (or why there is none) and the verdict on the prediction. */
    public record Revealed(int index, Answer answer, String problem, String prediction, Boolean correct) {
    }

    private final Lesson lesson;
    private final Map<Integer, QuantityWatch> watches = new HashMap<>();
    private final EventTape tape;
    private final List<StepRecord> records = new ArrayList<>();
    private LessonRun run;
    private int current = -1;
    private boolean revealed;

    public LessonSession(Lesson lesson) {
        this.lesson = Objects.requireNonNull(lesson, "lesson");
        List<LessonStep> steps = lesson.steps();
        for (int i = 0; i < steps.size(); i++) {
            Question q = steps.get(i).question();
            if (q != null) {
                watches.put(i, QuantityWatch.of(q.quantity()));
            }
            records.add(new StepRecord(i, steps.get(i).title(), q, -1, null, null, null, null));
        }
        this.tape = new EventTape(new ArrayList<>(watches.values()));
    }

    /** Give this to the run's engine with its other sinks, before the run starts. */
    public TelemetrySink sink() {
        return tape;
    }

    /** The run the lesson plays on: built with {@link #sink()}, at its start, paused. */
    public void attach(LessonRun run) {
        this.run = Objects.requireNonNull(run, "run");
    }

    public Lesson lesson() {
        return lesson;
    }

    /** The step reached, from 0; -1 before the first. */
    public synchronized int current() {
        return current;
    }

    public synchronized Optional<LessonStep> step() {
        return current < 0 ? Optional.empty() : Optional.of(lesson.steps().get(current));
    }

    public synchronized boolean hasNext() {
        return current + 1 < lesson.steps().size();
    }

    /** Whether the current step asks a question whose answer has not been revealed yet. */
    public synchronized boolean awaitingReveal() {
        return current >= 0 && watches.containsKey(current) && !revealed;
    }

    /**
     * Goes to the next step: reveals the current question first if that was skipped (the run's
     * path must not depend on it), sets the step's knobs and runs to its stop.
     */
    public synchronized Reached next() {
        requireRun();
        if (!hasNext()) {
            throw new IllegalStateException("the lesson has no step after step " + (current + 1));
        }
        if (awaitingReveal()) {
            reveal(null);
        }
        current++;
        revealed = false;
        LessonStep step = lesson.steps().get(current);
        for (KnobSetting k : step.set()) {
            try {
                run.knobs().set(k.field(), k.value());
            } catch (IllegalArgumentException e) {
                return stopped(false, "its setting " + k.field().path() + " was refused: " + e.getMessage());
            }
        }
        long since = tape.count();
        // A run time already passed (a reveal may run past it, or to the end) is met where the run is.
        boolean met = step.stop().deadline() <= run.timeNanos() || run.runUntil(step.stop());
        if (!met) {
            return stopped(false, "the run ended at t = " + QuantityWatch.seconds(run.timeNanos()) + " s before "
                    + step.stop().describe());
        }
        QuantityWatch w = watches.get(current);
        if (w != null) {
            w.stopped(run.timeNanos(), run.snapshot(), tape.afterStop(since, step.stop()));
        }
        return stopped(true, null);
    }

    private Reached stopped(boolean met, String problem) {
        long t = run.timeNanos();
        records.set(current, records.get(current).withStop(met ? t : -1, problem));
        return new Reached(current, met, t, problem);
    }

    /**
     * Continues the run as far as the answer needs (not at all when the run already shows it),
     * then judges {@code prediction} (null: the class gave none).
     */
    public synchronized Revealed reveal(String prediction) {
        requireRun();
        QuantityWatch w = watches.get(current);
        if (w == null) {
            throw new IllegalStateException("step " + (current + 1) + " asks no question");
        }
        if (records.get(current).stopNanos() < 0) {
            revealed = true;
            return new Revealed(current, null, "the step did not reach its stop", prediction, null);
        }
        if (!revealed) {
            Optional<StopCondition> to = w.revealAt(run.endNanos());
            to.ifPresent(run::runUntil);
            revealed = true;
        }
        QuantityWatch.Result r = w.answer(run);
        Question q = lesson.steps().get(current).question();
        Boolean ok = r.answer() == null || prediction == null || prediction.isBlank() ? null
                : q.judge(prediction, r.answer());
        String p = prediction == null || prediction.isBlank() ? null : prediction.strip();
        records.set(current, records.get(current).withAnswer(p, r.answer(), ok, r.problem()));
        return new Revealed(current, r.answer(), r.problem(), p, ok);
    }

    /** Every step's record so far, for the summary. */
    public synchronized List<StepRecord> records() {
        return List.copyOf(records);
    }

    private void requireRun() {
        if (run == null) {
            throw new IllegalStateException("attach a run first");
        }
    }
}
