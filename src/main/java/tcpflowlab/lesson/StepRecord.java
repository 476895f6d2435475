package tcpflowlab.lesson;

/**
 * What happened at one step, for the summary at the end.
 *
 * @param index      the step's index, from 0
 * @param stopNanos  where the step stopped, or -1 when it did not
 * @param prediction the class's answer, or null when none was given
 * @param answer     the run's answer, or null (no question, not revealed, none shown)
 * @param correct    whether the prediction was right; null when there was no prediction or no answer
 * @param problem    why the step did not stop or the question has no answer, or null
 */
public record StepRecord(int index, String title, Question question, long stopNanos, String prediction,
                         Answer answer, Boolean correct, String problem) {
    StepRecord withStop(long nanos, String why) {
        return new StepRecord(index, title, question, nanos, prediction, answer, correct, why);
    }

    StepRecord withAnswer(String p, Answer a, Boolean ok, String why) {
        return new StepRecord(index, title, question, stopNanos, p, a, ok, why);
    }
}
