package tcpflowlab.scenario;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioCodecTest {
    private final ScenarioCodec codec = new ScenarioCodec();

    @Test
    void everyPresetLoadsAndRoundTrips() {
        Presets presets = new Presets(codec);
        assertEquals(List.of("seed-buggy", "seed-fixed", "backpressure", "drop", "small-buffers-classroom", "spill-and-replay"),
                presets.names());
        for (String name : presets.names()) {
            Scenario s = presets.load(name);
            assertEquals(name, s.name());
            assertEquals(s, codec.parse(codec.write(s), name), name + " survives write then parse");
        }
    }

    @Test
    void missingFieldsTakeTheDefaults() {
        Scenario s = codec.parse("{\"client\": {\"readSize\": 4096}}", "t");
        assertEquals(4096, s.client().readSize());
        assertEquals(Scenario.defaults().server(), s.server());
        assertEquals(13, s.server().messageSize());
    }

    @ParameterizedTest
    @EnumSource(ScenarioField.class)
    void everyNumericFieldRejectsValuesOutsideItsRangeNamingIt(ScenarioField field) {
        if (!field.isNumeric()) {
            InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                    () -> codec.parse("{\"" + field.group() + "\": {\"" + field.key() + "\": 12345}}", "f.json"));
            assertTrue(e.getMessage().contains(field.path()), e.getMessage());
            return;
        }
        String tooBig = field.type() == ScenarioField.Type.DOUBLE ? Double.toString(field.max() * 2 + 1)
                : Long.toString((long) Math.min(Long.MAX_VALUE / 2, field.max()) + 1);
        if (field.max() == Long.MAX_VALUE) {
            tooBig = "-1";
        }
        String json = "{\"" + field.group() + "\": {\"" + field.key() + "\": " + tooBig + "}}";
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> codec.parse(json, "f.json"));
        assertTrue(e.getMessage().contains(field.path()), e.getMessage());
        assertTrue(e.getMessage().contains(field.allowed()), e.getMessage());
        assertTrue(e.getMessage().startsWith("f.json: "), e.getMessage());
        assertThrows(InvalidScenarioException.class, () -> field.parse(field.max() == Long.MAX_VALUE ? "-5" : "-1e30"));
    }

    @Test
    void unknownFieldsAreRejectedByPath() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> codec.parse("{\"client\": {\"readSize\": 10, \"redSize\": 5}, \"extra\": 1}", "x.json"));
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("unknown field 'client.redSize'")), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("unknown field 'extra'")), e.getMessage());
    }

    @Test
    void wrongTypesAreRejectedWithTheFieldName() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> codec.parse("{\"client\": {\"readSize\": \"ten\", \"strategy\": \"FAST\"}, \"sockets\": {\"nagle\": 1}}", "x"));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("client.readSize"));
        assertTrue(e.getMessage().contains("one of FIXED_READ, DRAIN"));
        assertTrue(e.getMessage().contains("sockets.nagle"));
    }

    @Test
    void malformedJsonGivesLineAndColumnNotAStackTrace() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> codec.parse("{\n  \"client\": {\"readSize\": 10,,}\n}", "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json: malformed JSON at line 2"), e.getMessage());
        assertThrows(InvalidScenarioException.class, () -> codec.parse("[1,2]", "arr.json"));
        assertThrows(InvalidScenarioException.class, () -> codec.parse("{} {}", "two.json"));
    }

    @Test
    void crossFieldRulesAreChecked() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> codec.parse(
                "{\"client\": {\"reconnectBackoffMs\": 500, \"reconnectBackoffMaxMs\": 100}}", "x"));
        assertTrue(e.getMessage().contains("client.reconnectBackoffMaxMs"), e.getMessage());
    }

    @Test
    void filesOverOneMebibyteAreRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) ScenarioCodec.MAX_FILE_BYTES + 1]);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> codec.read(big));
        assertTrue(e.getMessage().contains("limited to 1048576 bytes"), e.getMessage());
        InvalidScenarioException missing = assertThrows(InvalidScenarioException.class,
                () -> codec.read(dir.resolve("nope.json")));
        assertTrue(missing.getMessage().contains("no such file"));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a stuck read must fail, not hang
    void devicesDirectoriesAndFifosAreRefusedWithoutBeingRead(@TempDir Path dir) throws Exception {
        for (String device : List.of("/dev/zero", "/dev/urandom")) {
            if (Files.exists(Path.of(device))) {
                InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> codec.read(Path.of(device)));
                assertEquals(device + ": not a regular file (a character device); a scenario must be a regular file",
                        e.getMessage());
            }
        }
        InvalidScenarioException folder = assertThrows(InvalidScenarioException.class, () -> codec.read(dir));
        assertEquals(dir + ": not a regular file (a directory); a scenario must be a regular file", folder.getMessage());

        Path fifo = dir.resolve("scenario.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("mkfifo is not installed, the FIFO case is not tested: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo could not make a FIFO here");
        try {
            // Nobody writes to it: opening it for reading would block, so the type is checked first.
            InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> codec.read(fifo));
            assertEquals(fifo + ": not a regular file (a named pipe); a scenario must be a regular file", e.getMessage());
        } finally {
            // Old code blocks in open(); a writer opened and closed releases it with end-of-file.
            try (var unblock = java.nio.channels.FileChannel.open(fifo, java.nio.file.StandardOpenOption.READ,
                    java.nio.file.StandardOpenOption.WRITE)) {
                unblock.force(false);
            } catch (java.io.IOException ignored) {
                // only a hang guard
            }
        }
    }

    @Test
    void aFileIsReadOnlyUpToTheLimitWhateverItsSizeSays(@TempDir Path dir) throws Exception {
        // /proc files say size 0 but are regular: the bounded read is what keeps the limit.
        Path self = Path.of("/proc/self/status");
        Assumptions.assumeTrue(Files.isRegularFile(self) && Files.size(self) == 0, "no /proc here");
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> codec.read(self));
        assertTrue(e.getMessage().startsWith(self + ": malformed JSON"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRejectedByPathNotSilentlyReplaced() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> codec.parse(
                "{\"name\": \"a\", \"client\": {\"readSize\": 10, \"strategy\": \"DRAIN\", \"readSize\": 20},"
                        + " \"name\": \"b\"}", "dup.json"));
        assertEquals(List.of(
                "dup.json: duplicate key 'client.readSize' (a second value would silently replace the first)",
                "dup.json: duplicate key 'name' (a second value would silently replace the first)"), e.problems());
        InvalidScenarioException groups = assertThrows(InvalidScenarioException.class, () -> codec.parse(
                "{\"client\": {\"readSize\": 10}, \"client\": {\"strategy\": \"DRAIN\"}}", "g.json"));
        assertEquals(List.of("g.json: duplicate key 'client' (a second value would silently replace the first)"),
                groups.problems());
        // the same key in two different objects is no duplicate
        assertEquals(10, codec.parse("{\"client\": {\"readSize\": 10}, \"server\": {\"messageSize\": 10}}", "ok")
                .client().readSize());
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> codec.parse(
                "{\"client\": {\"readSize\": 0, \"redSize\": 5, \"readSize\": 0}, \"sockets\": {\"nagle\": 1},"
                        + " \"server\": {\"messageSize\": 0}}", "all.json"));
        List<String> p = e.problems();
        assertEquals(5, p.size(), e.getMessage());
        assertTrue(p.contains("all.json: duplicate key 'client.readSize' (a second value would silently replace the first)"), e.getMessage());
        assertTrue(p.contains("all.json: unknown field 'client.redSize'"), e.getMessage());
        assertTrue(p.stream().anyMatch(l -> l.startsWith("all.json: sockets.nagle = 1 is not allowed")), e.getMessage());
        assertTrue(p.contains("all.json: client.readSize = 0 is not allowed: read size must be 1 .. 1048576 B"), e.getMessage());
        assertTrue(p.stream().anyMatch(l -> l.startsWith("all.json: server.messageSize = 0 is not allowed")), e.getMessage());
    }

    @Test
    void overridesParseTextWithUnitsOfTheField() {
        Scenario s = codec.withOverrides(Scenario.defaults(), List.of("client.readSize=4_096", "client.strategy=drain",
                "sockets.nagle=off", "link.delayUs=0.5"));
        assertEquals(4096, s.client().readSize());
        assertEquals(ReadStrategy.DRAIN, s.client().strategy());
        assertEquals(false, s.sockets().nagle());
        assertEquals(0.5, s.link().delayUs());
        assertThrows(InvalidScenarioException.class, () -> codec.withOverrides(Scenario.defaults(), List.of("readSize")));
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> codec.withOverrides(Scenario.defaults(), List.of("client.readSize=0")));
        assertEquals("client.readSize = 0 is not allowed: read size must be 1 .. 1048576 B", e.getMessage());
    }
}
