package tcpflowlab.lesson;

import java.util.List;

/**
 * The end-of-lesson summary as Markdown, for a course page: the goal, then for every question
 * the class's prediction, the run's answer with its evidence, and whether the prediction was
 * right. The app renders the same text to PDF.
 */
public final class LessonSummary {
    private final Lesson lesson;
    private final List<StepRecord> records;

    public LessonSummary(Lesson lesson, List<StepRecord> records) {
        this.lesson = lesson;
        this.records = List.copyOf(records);
    }

    /** Questions answered right, and questions whose answer was revealed with a prediction. */
    public long right() {
        return records.stream().filter(r -> Boolean.TRUE.equals(r.correct())).count();
    }

    public long judged() {
        return records.stream().filter(r -> r.correct() != null).count();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(lesson.title()).append("\n\n");
        md.append("**Learning goal.** ").append(lesson.goal().strip()).append("\n\n");
        md.append("Scenario: ").append(lesson.preset() != null ? "preset " + lesson.preset() : lesson.scenario().name())
                .append(", seed ").append(lesson.scenario().run().seed()).append(", Model engine.\n\n");
        md.append("Predictions right: ").append(right()).append(" of ").append(judged()).append(" judged, ")
                .append(lesson.questions()).append(" questions in the lesson.\n\n");
        for (StepRecord r : records) {
            md.append("## ").append(r.index() + 1).append(". ").append(r.title()).append("\n\n");
            if (r.stopNanos() >= 0) {
                md.append("Stopped at t = ").append(QuantityWatch.seconds(r.stopNanos())).append(" s.\n\n");
            } else if (r.problem() != null) {
                md.append("Not reached: ").append(r.problem()).append(".\n\n");
            } else {
                md.append("Not reached.\n\n");
            }
            Question q = r.question();
            if (q == null) {
                continue;
            }
            md.append("**Question.** ").append(q.prompt().strip()).append("\n\n");
            md.append("- Prediction: ").append(r.prediction() == null ? "none given" : r.prediction()).append('\n');
            if (r.answer() != null) {
                String unit = q.quantity().unit().isEmpty() ? "" : " " + q.quantity().unit();
                md.append("- Answer from the run: ").append(r.answer().text()).append(unit).append(" (")
                        .append(r.answer().because()).append(")\n");
                md.append("- Verdict: ").append(r.correct() == null ? "not judged"
                        : r.correct() ? "right" : "wrong").append('\n');
            } else {
                md.append("- Answer from the run: ").append(r.problem() == null ? "not revealed" : r.problem())
                        .append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }
}
