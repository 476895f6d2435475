package tcpflowlab.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.sim.Rewind;
import tcpflowlab.sim.Scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Moment files: what is written reads back the same; anything else is refused naming where and why. */
class MomentCodecTest {
    private final MomentCodec codec = new MomentCodec(Scenarios.CODEC);

    private static Moment moment() {
        ModelEngine engine = new ModelEngine(Scenarios.preset("seed-buggy", "run.durationS=4"), List.of(),
                Scenarios.CODEC);
        engine.runUntil(StopCondition.at(1_000_000_000L));
        engine.knobs().set(ScenarioField.CLIENT_READ_SIZE, 4096);
        engine.knobs().set(ScenarioField.CLIENT_STRATEGY, tcpflowlab.scenario.ReadStrategy.DRAIN);
        engine.runUntil(StopCondition.at(2_000_000_000L));
        engine.knobs().set(ScenarioField.CLIENT_PROCESSING_DELAY, 0.5);
        engine.knobs().set(ScenarioField.SERVER_READ_REPLIES, true);
        engine.runUntil(StopCondition.at(3_123_456_789L));
        return Rewind.momentOf(engine, 3_123_456_789L);
    }

    @Test
    void aMomentReadsBackAsWrittenThroughAFile(@TempDir Path dir) throws IOException {
        Moment m = moment();
        assertEquals(4, m.changes().size());
        Path file = dir.resolve("moment.json");
        codec.write(m, file);
        assertEquals(m, codec.read(file));
        String text = Files.readString(file);
        assertTrue(text.contains("\"format\" : \"tcpflowlab-moment\""), text);
        assertTrue(text.contains("\"value\" : \"DRAIN\""), text);
    }

    private String problems(String json) {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> codec.parse(json.getBytes(StandardCharsets.UTF_8), "m.json"));
        assertTrue(e.getMessage().startsWith("m.json"), e.getMessage());
        return e.getMessage();
    }

    private String edited(String from, String to) {
        String text = codec.write(moment());
        assertTrue(text.contains(from), from);
        return text.replace(from, to);
    }

    @Test
    void unknownFieldsWrongFormatAndVersionAreNamed() {
        assertTrue(problems(edited("\"version\" : 1", "\"version\" : 1, \"extra\" : 2"))
                .contains("extra: unknown field"));
        assertTrue(problems(edited("\"field\" : \"client.readSize\"", "\"field\" : \"client.readSize\", \"why\" : 1"))
                .contains("changes[0].why: unknown field"));
        assertTrue(problems(edited("tcpflowlab-moment", "tcpflowlab-sweep")).contains("format:"));
        assertTrue(problems(edited("\"version\" : 1", "\"version\" : 2")).contains("version: 2 is not supported"));
        assertTrue(problems("[1, 2]").contains("a moment must be a JSON object"));
        assertTrue(problems("{\"format\": ").contains("malformed JSON"));
        assertTrue(problems("{\"format\": \"tcpflowlab-moment\", \"format\": \"x\"}").contains("format"));
    }

    @Test
    void changesAreCheckedAsTheKnobsWouldCheckThem() {
        assertTrue(problems(edited("\"value\" : 4096", "\"value\" : 0"))
                .contains("changes[0].value: client.readSize = 0 is not allowed"));
        assertTrue(problems(edited("\"value\" : 4096", "\"value\" : \"4096\"")).contains("changes[0].value"));
        assertTrue(problems(edited("\"value\" : 4096", "\"value\" : 4096.5")).contains("changes[0].value"));
        assertTrue(problems(edited("\"field\" : \"client.readSize\"", "\"field\" : \"run.seed\""))
                .contains("changes[0].field: run.seed cannot be changed during a run"));
        assertTrue(problems(edited("\"field\" : \"client.readSize\"", "\"field\" : \"client.nothing\""))
                .contains("changes[0].field"));
        assertTrue(problems(edited("\"value\" : \"DRAIN\"", "\"value\" : \"SIDEWAYS\"")).contains("changes[1].value"));
        assertTrue(problems(edited("\"call\" : 0", "\"call\" : -1")).contains("changes[0].call"));
        assertTrue(problems(edited("\"changes\" : [", "\"changes\" : 7, \"x\" : [")).contains("changes: must be an array"));
    }

    @Test
    void aMomentOutsideItsRunOrBeforeItsChangesIsRefused() {
        assertTrue(problems(edited("\"atNanos\" : 3123456789", "\"atNanos\" : 9000000000"))
                .contains("atNanos: the moment's time 9.0 s is outside the run"));
        assertTrue(problems(edited("\"atNanos\" : 3123456789", "\"atNanos\" : 1500000000"))
                .contains("comes after the moment"));
        assertTrue(problems(edited("\"atNanos\" : 3123456789", "\"atNanos\" : 1.5")).contains("atNanos: 1.5"));
        assertTrue(problems(edited("\"atNanos\" : 3123456789", "\"atNanos\" : 99999999999999999999999"))
                .contains("atNanos"));
    }

    @Test
    void aBadScenarioOrAHugeOrMissingFileIsReportedNotThrownAtTheUser(@TempDir Path dir) throws IOException {
        assertTrue(problems(edited("\"readSize\" : 10", "\"readSize\" : -5")).contains("client.readSize"));
        assertTrue(problems(edited("\"readSize\" : 10", "\"readSize\" : 10, \"color\" : 1")).contains("color"));
        Path huge = dir.resolve("huge.json");
        Files.write(huge, new byte[(int) tcpflowlab.scenario.ScenarioCodec.MAX_FILE_BYTES + 10]);
        assertTrue(assertThrows(InvalidScenarioException.class, () -> codec.read(huge)).getMessage()
                .contains("moment files are limited to"));
        assertThrows(InvalidScenarioException.class, () -> codec.read(dir.resolve("missing.json")));
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThrows(InvalidScenarioException.class, () -> codec.parse(deep.getBytes(StandardCharsets.UTF_8), "d"));
    }
}
