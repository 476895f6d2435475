package tcpflowlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void runWritesAllOutputsAndAHumanSummary(@TempDir Path dir) throws Exception {
        Path o = dir.resolve("out");
        assertEquals(0, run("run", "--preset", "seed-buggy", "--duration", "5", "--out", o.toString()), err.toString());
        String summary = out.toString();
        assertTrue(summary.contains("Scenario seed-buggy (model engine, seed 1)"), summary);
        assertTrue(summary.contains("first zero window        0."), summary);
        assertTrue(summary.contains("outcome                  RESET (a connection was reset)"), summary);
        assertTrue(summary.contains("ECONNRESET (104)"), summary);
        assertTrue(summary.contains("EPIPE (32)"), summary);
        assertTrue(summary.contains("ENOTCONN (107)"), summary);
        for (String f : List.of("samples.csv", "events.csv", "segments.csv", "summary.json")) {
            assertTrue(Files.size(o.resolve(f)) > 100, f);
        }
        List<String> events = Files.readAllLines(o.resolve("events.csv"));
        assertEquals("# TCP Flow Lab, scenario seed-buggy", events.get(0));
        assertEquals("time_s,connection,side,event,errno,errno_name,bytes,detail", events.get(1));
        assertTrue(events.stream().anyMatch(l -> l.contains(",client,SOCKET_ERROR,104,ECONNRESET,")));
        JsonNode json = new ObjectMapper().readTree(o.resolve("summary.json").toFile());
        assertEquals("seed-buggy", json.get("scenario").asText());
        assertTrue(json.get("firstZeroWindowNanos").asLong() > 0);
        assertTrue(json.get("resets").asLong() >= 1);
        assertEquals("RESET", json.get("outcome").asText());
        assertTrue(json.get("messagesLost").asLong() > 0, "a reset discards what the client had not read");
        long samples = Files.lines(o.resolve("samples.csv")).count();
        assertEquals(2 + 5001 + 1, samples, "header lines, one sample per ms from 0 to 5 s, and the final one");

        // A second run into the same folder refuses to overwrite, unless --force.
        assertEquals(Main.EXIT_BAD_INPUT, run("run", "-p", "seed-buggy", "-d", "1", "-o", o.toString()));
        assertTrue(err.toString().contains("already exists"), err.toString());
        assertEquals(0, run("run", "-p", "seed-buggy", "-d", "1", "-o", o.toString(), "--force"));
    }

    @Test
    void sameSeedGivesByteIdenticalEventsCsv(@TempDir Path dir) throws Exception {
        assertEquals(0, run("run", "-q", "-p", "small-buffers-classroom", "-d", "16", "-o", dir.resolve("a").toString()));
        assertEquals(0, run("run", "-q", "-p", "small-buffers-classroom", "-d", "16", "-o", dir.resolve("b").toString()));
        assertEquals(-1, Files.mismatch(dir.resolve("a/events.csv"), dir.resolve("b/events.csv")));
        assertEquals(-1, Files.mismatch(dir.resolve("a/segments.csv"), dir.resolve("b/segments.csv")));
    }

    @Test
    void badInputExitsWithTwoAndAClearMessage(@TempDir Path dir) throws Exception {
        assertEquals(2, run("run", "-p", "seed-buggy", "--set", "client.readSize=0"));
        assertTrue(err.toString().contains("client.readSize = 0 is not allowed: read size must be 1 .. 1048576 B"), err.toString());
        assertFalse(err.toString().contains("at tcpflowlab"), "no stack trace: " + err);

        assertEquals(2, run("run", "-p", "no-such-preset"));
        assertTrue(err.toString().contains("unknown preset 'no-such-preset'"));

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ \"client\": { \"readSize\": 10 ");
        assertEquals(2, run("validate", broken.toString()));
        assertTrue(err.toString().contains("broken.json: malformed JSON"), err.toString());

        assertEquals(2, run("run", "--engine", "warp", "-p", "seed-buggy"));
        assertTrue(err.toString().contains("--engine warp is not an engine; engines: model, live"), err.toString());
        assertEquals(2, run("run"), "a scenario source is required");
    }

    @Test
    void validatePresetsAndFieldsWork(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, "{\"name\": \"mine\", \"client\": {\"readSize\": 4096}}");
        assertEquals(0, run("validate", ok.toString()));
        assertTrue(out.toString().contains("valid scenario 'mine'"));
        assertEquals(0, run("presets"));
        assertTrue(out.toString().contains("small-buffers-classroom"));
        assertEquals(0, run("fields"));
        assertTrue(out.toString().contains("client.processingDelayMs"));
        assertTrue(out.toString().contains("0 .. 2000 ms"));
        assertEquals(0, run("notes"));
        assertTrue(out.toString().contains("Where it simplifies"));
        assertEquals(0, run("run", "-q", "-f", ok.toString(), "-d", "0.5", "--seed", "7"));
        assertTrue(out.toString().contains("Scenario mine (model engine, seed 7)"));
    }
}
