package tcpflowlab.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tcpflowlab.scenario.ScenarioCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lessons the app ships: each one plays headless to its end with every stop met and every
 * answer the one its text assumes, so a change to the Model that makes a lesson's text untrue
 * fails here, naming the lesson, the step and the reason.
 */
class ShippedLessonsTest {
    private static final ScenarioCodec SCENARIOS = new ScenarioCodec();
    private static final LessonLibrary LIBRARY = new LessonLibrary(new LessonCodec(SCENARIOS));
    /** Short enough that checking every lesson takes seconds (they run on the Model, not in real time). */
    private static final double LONGEST_RUN_S = 30;

    static List<String> names() {
        return LIBRARY.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void passesItsCheck(String name) {
        LessonCheck.Report report = new LessonCheck(SCENARIOS).check(LIBRARY.load(name));
        assertThat(report.failure()).as("lesson %s failed its check: %s", name,
                report.failure().map(LessonCheck.Failure::describe).orElse("")).isEmpty();
        assertThat(report.lines()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void statesItsGoalAndAsksTheClassToPredict(String name) {
        Lesson lesson = LIBRARY.load(name);
        assertThat(lesson.goal()).as("%s: goal", name).isNotBlank();
        assertThat(lesson.steps()).as("%s: steps", name).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lesson.questions()).as("%s: questions", name).isGreaterThanOrEqualTo(2);
        List<Question> questions = lesson.steps().stream().map(LessonStep::question).filter(q -> q != null).toList();
        assertThat(questions).as("%s: a multiple-choice question", name).anyMatch(Question::isChoice);
        assertThat(questions).as("%s: a number question", name).anyMatch(q -> !q.isChoice());
        for (Question q : questions) {
            assertThat(q.expected()).as("%s: '%s' states the answer its text assumes", name, q.prompt()).isPresent();
            assertThat(q.explain()).as("%s: '%s' explains after Reveal", name, q.prompt()).isNotBlank();
        }
        for (LessonStep step : lesson.steps()) {
            assertThat(step.text()).as("%s: '%s' says what to look at", name, step.title()).isNotBlank();
        }
        assertThat(lesson.scenario().run().durationS()).as("%s: run length", name).isLessThanOrEqualTo(LONGEST_RUN_S);
    }

    @Test
    void lessonsTxtListsExactlyTheLessonFilesOnce() throws IOException {
        List<String> files;
        try (Stream<Path> dir = Files.list(Path.of("assets", "lessons"))) {
            files = dir.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length())).toList();
        }
        assertThat(names()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void shipsTheFiveLessonsOfTheCourseInTeachingOrder() {
        assertThat(names()).hasSizeGreaterThanOrEqualTo(5)
                .containsSubsequence("receive-window", "the-story", "two-cures", "spill-and-replay", "small-writes");
    }
}
