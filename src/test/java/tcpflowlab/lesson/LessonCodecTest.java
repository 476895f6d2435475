package tcpflowlab.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LessonCodecTest {
    private final LessonCodec codec = new LessonCodec(new ScenarioCodec());

    static String lesson(String steps) {
        return "{\"format\":\"tcpflowlab-lesson\",\"version\":1,\"title\":\"T\",\"goal\":\"G\",\"scenario\":\"seed-buggy\","
                + "\"steps\":[" + steps + "]}";
    }

    static final String STEP = "{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"atSeconds\":1}}";

    private Lesson parse(String json) {
        return codec.parse(json.getBytes(StandardCharsets.UTF_8), "l.json");
    }

    private String problems(String json) {
        try {
            parse(json);
        } catch (InvalidScenarioException e) {
            return String.join("\n", e.problems());
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void readsEveryPartOfALesson() {
        Lesson l = parse("{\"format\":\"tcpflowlab-lesson\",\"version\":1,\"title\":\"Window\",\"goal\":\"**G**\","
                + "\"scenario\":\"seed-buggy\",\"set\":{\"run.durationS\":12},\"steps\":["
                + "{\"title\":\"a\",\"text\":\"t\",\"set\":{\"client.readSize\":4096},"
                + "\"stop\":{\"event\":\"ZERO_WINDOW\",\"side\":\"client\"},"
                + "\"question\":{\"prompt\":\"p\",\"choices\":[\"EAGAIN\",\"ECONNRESET\"],"
                + "\"answer\":{\"quantity\":\"firstErrno\",\"side\":\"client\",\"from\":\"start\"},\"expect\":\"ECONNRESET\",\"explain\":\"e\"}},"
                + "{\"title\":\"b\",\"text\":\"t\",\"stop\":{\"end\":true},\"question\":{\"prompt\":\"n\",\"tolerance\":0.5,"
                + "\"answer\":{\"quantity\":\"count\",\"event\":\"ZERO_WINDOW_PROBE\",\"side\":\"server\","
                + "\"before\":{\"event\":\"RST_RECEIVED\",\"side\":\"client\"}},\"expect\":3}}]}");
        assertThat(l.preset()).isEqualTo("seed-buggy");
        assertThat(l.scenario().run().durationS()).isEqualTo(12.0);
        LessonStep a = l.steps().get(0);
        assertThat(a.set()).containsExactly(new KnobSetting(ScenarioField.CLIENT_READ_SIZE, 4096));
        assertThat(a.stop()).isEqualTo(StopCondition.nextEventOf(EventKind.ZERO_WINDOW, Side.CLIENT));
        assertThat(a.question().quantity()).isEqualTo(new Quantity.FirstErrno(Side.CLIENT, Scope.START));
        assertThat(a.question().expect()).isEqualTo("ECONNRESET");
        LessonStep b = l.steps().get(1);
        assertThat(b.stop()).isEqualTo(StopCondition.at(12_000_000_000L));
        assertThat(b.question().quantity()).isEqualTo(new Quantity.EventCount(EventKind.ZERO_WINDOW_PROBE, Side.SERVER,
                EventKind.RST_RECEIVED, Side.CLIENT, Scope.STOP));
        assertThat(b.question().tolerance()).isEqualTo(0.5);
        assertThat(b.question().expect()).isEqualTo("3");
        assertThat(l.questions()).isEqualTo(2);
    }

    @Test
    void aStopAtARunTimeBeforeAnEarlierStepsIsRefused() {
        String stepAt2 = "{\"title\":\"a\",\"text\":\"x\",\"stop\":{\"atSeconds\":2}}";
        String event = "{\"title\":\"b\",\"text\":\"x\",\"stop\":{\"event\":\"ZERO_WINDOW\"}}";
        assertThat(problems(lesson(stepAt2 + "," + event + "," + STEP)))
                .isEqualTo("l.json: steps[2].stop: t = 1 s is before step 1's stop at t = 2 s;"
                        + " stops at a run time must go forward");
        assertThat(parse(lesson(STEP + "," + event + "," + stepAt2)).steps()).hasSize(3);
    }

    @Test
    void aTextWithAControlCharacterOrABrokenSurrogateIsRefusedAndLineBreaksAndTabsAreNot() {
        assertThat(problems(lesson("{\"title\":\"a\\u0000b\",\"text\":\"x\",\"stop\":{\"atSeconds\":1}}")))
                .isEqualTo("l.json: steps[0].title: has U+0000 at character 2: a text may hold line breaks and tabs,"
                        + " no other control characters or broken surrogate pairs");
        assertThat(problems(lesson("{\"title\":\"a\",\"text\":\"x \\ud83d\",\"stop\":{\"atSeconds\":1}}")))
                .contains("steps[0].text: has U+D83D at character 3");
        Lesson ok = parse(lesson("{\"title\":\"a \\ud83d\\ude00\",\"text\":\"x\\n\\ty\\r\\n\",\"stop\":{\"atSeconds\":1}}"));
        assertThat(ok.steps().get(0).title()).isEqualTo("a \ud83d\ude00");
    }

    @Test
    void aCountWithoutBeforeCountsFromTheStart() {
        Lesson l = parse(lesson("{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"atSeconds\":1},\"question\":{\"prompt\":\"p\","
                + "\"answer\":{\"quantity\":\"count\",\"event\":\"EAGAIN\"}}}"));
        assertThat(l.steps().get(0).question().quantity())
                .isEqualTo(new Quantity.EventCount(EventKind.EAGAIN, null, null, null, Scope.START));
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"atSeconds\":1},\"question\":{\"prompt\":\"p\","
                + "\"answer\":{\"quantity\":\"count\",\"event\":\"EAGAIN\",\"from\":\"stop\"}}}")))
                .contains("steps[0].question.answer.from");
    }

    @Test
    void unknownFieldsAreNamedByTheirPath() {
        assertThat(problems("{\"format\":\"tcpflowlab-lesson\",\"version\":1,\"title\":\"T\",\"goal\":\"G\","
                + "\"scenario\":\"seed-buggy\",\"answerKey\":1,\"steps\":[" + STEP + "]}"))
                .contains("l.json: answerKey: unknown field");
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"atSeconds\":1,\"at\":2}}")))
                .contains("steps[0].stop.at: unknown field");
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"atSeconds\":1},\"question\":{\"prompt\":\"p\","
                + "\"answer\":{\"quantity\":\"outcome\",\"side\":\"client\"},\"choices\":[\"RESET\",\"CLEAN\"]}}")))
                .contains("steps[0].question.answer.side: unknown field");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String p = problems("{\"format\":\"x\",\"version\":2,\"title\":\"\",\"goal\":3,\"scenario\":\"nope\",\"steps\":[]}");
        assertThat(p).contains("format: 'x' is not a lesson file").contains("version: 2 is not supported")
                .contains("title:").contains("goal: 3 must be a text").contains("unknown preset 'nope'")
                .contains("steps: must be an array of 1 to 100 steps");
    }

    @Test
    void stopsAreCheckedAgainstTheRun() {
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"atSeconds\":61}}")))
                .contains("steps[0].stop.atSeconds: 61 is not a run time: must be 0 to the run's duration (60 s)");
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"atSeconds\":-1}}"))).contains("atSeconds");
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"atSeconds\":1,\"end\":true}}")))
                .contains("steps[0].stop: needs exactly one of atSeconds, event, end");
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"event\":\"ZERO_WINDOWS\"}}")))
                .contains("steps[0].stop.event: \"ZERO_WINDOWS\" is not an event kind; kinds: LISTEN");
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"event\":\"RST_SENT\",\"side\":\"Client\"}}")))
                .contains("steps[0].stop.side: \"Client\" is not a side; sides: client, server");
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"atSeconds\":1,\"side\":\"client\"}}")))
                .contains("steps[0].stop.side: applies only to an event stop");
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"end\":false}}"))).contains("end: must be true");
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\"}"))).contains("steps[0].stop: missing");
    }

    @Test
    void knobsDuringARunMustBeLiveKnobsOfTheirType() {
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"set\":{\"client.readSize\":0},\"stop\":{\"atSeconds\":1}}")))
                .contains("steps[0].set.client.readSize:").contains("is not allowed");
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"set\":{\"client.readSize\":\"4096\"},\"stop\":{\"atSeconds\":1}}")))
                .contains("steps[0].set.client.readSize: \"4096\" is not");
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"set\":{\"client.readSiz\":1},\"stop\":{\"atSeconds\":1}}")))
                .contains("steps[0].set.client.readSiz: is not a scenario field");
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"set\":{\"run.seed\":5},\"stop\":{\"atSeconds\":1}}")))
                .contains("steps[0].set.run.seed: cannot be changed during a run");
        assertThat(problems(lesson("{\"title\":\"s\",\"text\":\"x\",\"set\":[1],\"stop\":{\"atSeconds\":1}}")))
                .contains("steps[0].set: must be an object");
    }

    @Test
    void questionsAreCheckedAgainstTheirQuantity() {
        String q = "{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"atSeconds\":1},\"question\":";
        assertThat(problems(lesson(q + "{\"prompt\":\"p\",\"answer\":{\"quantity\":\"firstErrno\",\"side\":\"client\"}}}")))
                .contains("steps[0].question.choices: missing");
        assertThat(problems(lesson(q + "{\"prompt\":\"p\",\"choices\":[\"EAGAIN\",\"ECONNREST\"],"
                + "\"answer\":{\"quantity\":\"firstErrno\",\"side\":\"client\"}}}")))
                .contains("steps[0].question.choices[1]: 'ECONNREST' is not an errno name");
        assertThat(problems(lesson(q + "{\"prompt\":\"p\",\"choices\":[\"RESET\",\"RESET\"],\"answer\":{\"quantity\":\"outcome\"}}}")))
                .contains("'RESET' is given twice");
        assertThat(problems(lesson(q + "{\"prompt\":\"p\",\"choices\":[\"RESET\",\"CLEAN\"],\"answer\":{\"quantity\":\"outcome\"},"
                + "\"expect\":\"LOSSY\"}}"))).contains("steps[0].question.expect: \"LOSSY\" is not one of the choices");
        assertThat(problems(lesson(q + "{\"prompt\":\"p\",\"answer\":{\"quantity\":\"eventTime\",\"event\":\"RST_SENT\"},"
                + "\"expect\":\"soon\"}}"))).contains("steps[0].question.expect: \"soon\" must be a number");
        assertThat(problems(lesson(q + "{\"prompt\":\"p\",\"answer\":{\"quantity\":\"eventTime\",\"event\":\"RST_SENT\"},"
                + "\"tolerance\":-1}}"))).contains("steps[0].question.tolerance: -1 must be a number, 0 or more");
        assertThat(problems(lesson(q + "{\"prompt\":\"p\",\"answer\":{\"quantity\":\"answerKey\"}}}")))
                .contains("steps[0].question.answer.quantity: 'answerKey' is not a quantity; quantities: firstErrno");
        assertThat(problems(lesson(q + "{\"prompt\":\"p\",\"answer\":{\"quantity\":\"valueAtStop\",\"value\":\"rwnd\"}}}")))
                .contains("steps[0].question.answer.value: 'rwnd' is not a value; values: sendQueue");
        assertThat(problems(lesson(q + "{\"prompt\":\"p\",\"answer\":{\"quantity\":\"firstErrno\"},\"choices\":[\"EAGAIN\",\"EPIPE\"]}}")))
                .contains("steps[0].question.answer.side: missing");
        assertThat(problems(lesson(q + "{\"prompt\":\"p\",\"choices\":[\"1\",\"two\"],\"answer\":{\"quantity\":\"count\",\"event\":\"EAGAIN\"}}}")))
                .contains("'two' is not a number");
        assertThat(problems(lesson(q + "{\"prompt\":\"p\"}}"))).contains("steps[0].question.answer: missing");
    }

    @Test
    void inlineScenariosAreReadAsScenarioFiles() {
        Lesson l = parse("{\"format\":\"tcpflowlab-lesson\",\"version\":1,\"title\":\"T\",\"goal\":\"G\","
                + "\"scenario\":{\"name\":\"mine\",\"client\":{\"readSize\":100}},\"steps\":[" + STEP + "]}");
        assertThat(l.preset()).isNull();
        assertThat(l.scenario().client().readSize()).isEqualTo(100);
        assertThat(problems("{\"format\":\"tcpflowlab-lesson\",\"version\":1,\"title\":\"T\",\"goal\":\"G\","
                + "\"scenario\":{\"client\":{\"readSize\":-5,\"bogus\":1}},\"steps\":[" + STEP + "]}"))
                .contains("scenario").contains("client.readSize").contains("bogus");
    }

    @Test
    void hostileFilesAreRefusedWithAReason(@TempDir Path dir) throws Exception {
        assertThat(problems("[1,2]")).contains("a lesson must be a JSON object");
        assertThatThrownBy(() -> parse("{\"format\":")).isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("malformed JSON at line 1");
        assertThat(problems(lesson(STEP).replace("\"title\":\"T\"", "\"title\":\"T\",\"title\":\"U\"")))
                .contains("title");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> parse("{\"format\":" + deep + "}")).isInstanceOf(InvalidScenarioException.class);
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) ScenarioCodec.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> codec.read(big)).isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("lesson files are limited to 1048576 bytes");
        assertThatThrownBy(() -> codec.read(dir.resolve("missing.json"))).isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("missing.json");
        assertThat(problems(lesson(("{\"title\":\"s\",\"text\":\"x\",\"stop\":{\"atSeconds\":1}},").repeat(100) + STEP)))
                .contains("steps: must be an array of 1 to 100 steps");
        assertThat(problems(lesson("{\"title\":\"a\\nb\",\"text\":\"x\",\"stop\":{\"atSeconds\":1}}")))
                .contains("steps[0].title: must be one line");
    }

    @Test
    void shippedLessonNamesAndFilesResolve(@TempDir Path dir) throws Exception {
        LessonLibrary lib = new LessonLibrary(codec);
        Path file = dir.resolve("mine.json");
        Files.writeString(file, lesson(STEP));
        assertThat(lib.resolve(file.toString()).title()).isEqualTo("T");
        assertThatThrownBy(() -> lib.resolve(dir.resolve("nope.json").toString()))
                .isInstanceOf(InvalidScenarioException.class).hasMessageContaining("is neither a lesson");
    }
}
