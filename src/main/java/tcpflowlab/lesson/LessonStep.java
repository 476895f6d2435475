package tcpflowlab.lesson;

import tcpflowlab.engine.StopCondition;

import java.util.List;
import java.util.Objects;

/**
 * One pause of a lesson: when it starts its knob changes are made, then the run goes on until
 * {@code stop}; there the text is read and the question asked.
 *
 * @param title    short, for the panel's heading and the summary
 * @param text     what to look at (Markdown)
 * @param set      knob changes made when the step starts, in file order (they take effect at
 *                 the next application call, as every knob change does)
 * @param stop     where the run pauses: a run time ({@link StopCondition.At}) or the next event
 *                 of a kind ({@link StopCondition.NextEventOf}) counted from where the previous
 *                 step left the run
 * @param question the question asked at the stop, or null
 */
public record LessonStep(String title, String text, List<KnobSetting> set, StopCondition stop, Question question) {
    public LessonStep {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stop, "stop");
        set = List.copyOf(set);
    }
}
