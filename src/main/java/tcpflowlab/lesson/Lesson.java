package tcpflowlab.lesson;

import tcpflowlab.scenario.Scenario;

import java.util.List;
import java.util.Objects;

/**
 * A guided classroom scenario: what the class should learn, the run it watches and the steps
 * that pause it and ask. Data only; {@link LessonSession} plays it, {@link LessonCheck} checks it.
 *
 * @param title    the lesson's name, as the Lessons menu shows it
 * @param goal     the learning goal, stated first (Markdown)
 * @param preset   the preset the scenario came from, or null for a scenario written inline
 * @param scenario the scenario run, with the lesson's own settings applied
 * @param steps    at least one, in order
 */
public record Lesson(String title, String goal, String preset, Scenario scenario, List<LessonStep> steps) {
    public Lesson {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(scenario, "scenario");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson has at least one step");
        }
    }

    /** The number of steps that ask a question. */
    public long questions() {
        return steps.stream().filter(s -> s.question() != null).count();
    }
}
