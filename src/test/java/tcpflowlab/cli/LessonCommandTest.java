package tcpflowlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tcpflowlab lesson list|check}: what a teacher runs before class, and its exit codes. */
class LessonCommandTest {
    private static final List<String> SHIPPED = List.of("receive-window", "the-story", "two-cures", "spill-and-replay",
            "small-writes");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void listNamesTheShippedLessonsInTeachingOrder() {
        assertThat(run("lesson", "list")).as(err.toString()).isZero();
        List<String> names = out.toString().lines().map(l -> l.split("\\s+")[0]).toList();
        assertThat(names).containsSubsequence(SHIPPED);
        assertThat(out.toString()).contains("The receive window and the zero window (5 steps, 5 questions)");
    }

    @Test
    void checkAllPassesEveryShippedLesson() {
        assertThat(run("lesson", "check", "--all")).as(err.toString()).isZero();
        for (String name : SHIPPED) {
            assertThat(out.toString()).contains(name + ": ok, ");
        }
        assertThat(out.toString()).contains("answer ECONNRESET (as the text expects)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aWrongExpectExitsWithTwoNamingTheStepAndBothAnswers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wrong.json");
        Files.writeString(file, """
                {"format": "tcpflowlab-lesson", "version": 1, "title": "Wrong", "goal": "g",
                 "scenario": "seed-buggy", "set": {"run.durationS": 3},
                 "steps": [
                   {"title": "The window closes", "text": "x", "stop": {"event": "ZERO_WINDOW", "side": "client"}},
                   {"title": "The server gives up", "text": "x", "stop": {"atSeconds": 1},
                    "question": {"prompt": "p", "choices": ["EAGAIN", "ECONNRESET"],
                                 "answer": {"quantity": "firstErrno", "side": "server"}, "expect": "ECONNRESET"}}
                 ]}
                """);
        assertThat(run("lesson", "check", file.toString())).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString())
                .contains("FAILED at step 2 \"The server gives up\"")
                .contains("the text expects ECONNRESET but the run gives EAGAIN");
        assertThat(out.toString()).contains("step 1/2 \"The window closes\": stops at t = 0.170025 s");
    }

    @Test
    void aNameThatIsNeitherALessonNorAFileExitsWithTwo() {
        assertThat(run("lesson", "check", "no-such-lesson")).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("'no-such-lesson' is neither a lesson").contains("the-story");
    }
}
