package tcpflowlab.lesson;

import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plays a lesson headless on the Model, the path the app takes, and checks that every step
 * stops where it says, in order, that every question gets an answer from the run, that a
 * multiple-choice answer is among the choices, and that the answer the text assumes
 * ({@code expect}) is the run's. So lesson text and model cannot drift apart silently.
 */
public final class LessonCheck {
    /** Why a lesson failed its check: the step (from 0) and the reason. */
    public record Failure(int step, String title, String reason) {
        public String describe() {
            return "step " + (step + 1) + " \"" + title + "\": " + reason;
        }
    }

    /** What the check saw, a line per step, and the first failure if any. */
    public record Report(List<String> lines, Optional<Failure> failure) {
        public boolean passed() {
            return failure.isEmpty();
        }
    }

    private final ScenarioCodec codec;

    public LessonCheck(ScenarioCodec codec) {
        this.codec = codec;
    }

    public Report check(Lesson lesson) {
        LessonSession session = new LessonSession(lesson);
        ModelEngine engine = new ModelEngine(lesson.scenario(), List.of(session.sink()), codec);
        session.attach(new EngineLessonRun(engine));
        List<String> lines = new ArrayList<>();
        List<LessonStep> steps = lesson.steps();
        for (int i = 0; i < steps.size(); i++) {
            LessonStep step = steps.get(i);
            LessonSession.Reached r = session.next();
            String head = "step " + (i + 1) + "/" + steps.size() + " \"" + step.title() + "\": ";
            if (!r.met()) {
                return failed(lines, new Failure(i, step.title(), "does not stop at " + step.stop().describe() + ": "
                        + r.problem()));
            }
            lines.add(head + "stops at t = " + QuantityWatch.seconds(r.timeNanos()) + " s (" + step.stop().describe()
                    + ")");
            Question q = step.question();
            if (q == null) {
                continue;
            }
            LessonSession.Revealed v = session.reveal(null);
            if (v.answer() == null) {
                return failed(lines, new Failure(i, step.title(), "the question has no answer: " + v.problem()));
            }
            Answer a = v.answer();
            if (q.isChoice() && !q.choices().contains(a.text())) {
                return failed(lines, new Failure(i, step.title(), "the run's answer " + a.text()
                        + " is not among the choices " + q.choices() + " (" + a.because() + ")"));
            }
            if (q.expected().isPresent() && !q.judge(q.expect(), a)) {
                return failed(lines, new Failure(i, step.title(), "the text expects " + q.expect() + unit(q)
                        + " but the run gives " + a.text() + unit(q) + (q.isChoice() ? "" : " (tolerance "
                        + Question.format(q.tolerance()) + ")") + ": " + a.because()));
            }
            lines.add("    answer " + a.text() + unit(q) + (q.expected().isPresent() ? " (as the text expects)" : "")
                    + ": " + a.because());
        }
        return new Report(lines, Optional.empty());
    }

    private static String unit(Question q) {
        String u = q.quantity().unit();
        return u.isEmpty() ? "" : " " + u;
    }

    private static Report failed(List<String> lines, Failure f) {
        return new Report(lines, Optional.of(f));
    }
}
