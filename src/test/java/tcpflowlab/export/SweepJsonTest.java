package tcpflowlab.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sweep.SweepAxis;
import tcpflowlab.sweep.SweepManifest;
import tcpflowlab.sweep.SweepShard;
import tcpflowlab.sweep.SweepSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sweep.json is read as strictly as a scenario file: nothing unknown, nothing of the wrong type, nothing huge. */
class SweepJsonTest {
    private final ScenarioCodec codec = new ScenarioCodec();
    private final SweepJson json = new SweepJson(codec);
    private final ObjectMapper mapper = new ObjectMapper();

    private SweepManifest manifest() {
        SweepSpec spec = new SweepSpec(new Presets(codec).load("seed-buggy"),
                List.of(SweepAxis.parse("client.readSize=10,100,4096"), SweepAxis.parse("client.processingDelayMs=0..10:3")));
        return new SweepManifest(List.of("client.readSize=10,100,4096", "client.processingDelayMs=0..10:3"),
                spec.base(), 10_000, Optional.of(new SweepShard(1, 3)), 9, 3, Optional.empty());
    }

    /** The error reading the manifest as edited by {@code edit}. */
    private String error(Path tmp, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) mapper.readTree(json.text(manifest()));
        edit.accept(root);
        Path file = tmp.resolve("sweep.json");
        Files.writeString(file, mapper.writeValueAsString(root));
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> json.read(file));
        String message = String.join("\n", e.problems());
        assertTrue(message.startsWith(file.toString()), message);
        return message;
    }

    @Test
    void whatItWritesItReadsBack(@TempDir Path tmp) throws Exception {
        json.write(tmp, manifest());
        SweepManifest back = json.read(tmp.resolve(SweepJson.NAME));
        assertEquals(manifest().vary(), back.vary());
        assertEquals(9, back.cells());
        assertEquals(3, back.finished());
        assertEquals(Optional.of(new SweepShard(1, 3)), back.shard());
    }

    @Test
    void unknownFieldsWrongTypesAndEditedCountsAreRefusedNamingTheField(@TempDir Path tmp) throws Exception {
        assertTrue(error(tmp, r -> r.put("bogus", 1)).contains("unknown field 'bogus' (allowed: format, version"));
        assertTrue(error(tmp, r -> r.put("maxCells", -5)).contains("\"maxCells\" -5 is not allowed: a whole number, 1 .. 1000000"));
        assertTrue(error(tmp, r -> r.put("maxCells", 1e300)).contains("\"maxCells\" 1.0E300 is not allowed"));
        assertTrue(error(tmp, r -> r.put("maxCells", "lots")).contains("\"maxCells\" \"lots\" is not allowed"));
        assertTrue(error(tmp, r -> r.put("vary", "client.readSize=1,2")).contains("\"vary\" must be a list of FIELD=SPEC texts"));
        assertTrue(error(tmp, r -> r.putArray("vary").add(1)).contains("\"vary\" holds 1, not a FIELD=SPEC text"));
        assertTrue(error(tmp, r -> r.put("shard", 3)).contains("\"shard\" 3 is not a text"));
        assertTrue(error(tmp, r -> r.put("version", "1")).contains("\"version\" \"1\" is not 1"));
        assertTrue(error(tmp, r -> r.put("cells", 12345)).contains("\"cells\" 12345 is not the 9 cells of its \"vary\""));
        assertTrue(error(tmp, r -> r.put("finishedCells", 10)).contains("\"finishedCells\" 10 is more than the 9 cells"));
        assertTrue(error(tmp, r -> r.put("durationS", 99)).contains("\"durationS\" 99 differs from the base scenario's"));
        assertTrue(error(tmp, r -> r.putArray("vary").add("client.readSize=0..5:3")).contains("client.readSize = 0 is not allowed"));
        assertTrue(error(tmp, r -> r.put("shard", "5/3")).contains("--shard 5/3 is not allowed"));
        assertTrue(error(tmp, r -> ((ObjectNode) r.get("base")).put("bogus", 1)).contains("unknown field 'bogus'"));
        assertTrue(error(tmp, r -> r.putArray("vary").add("client.readSize=1..10000:10000").add("run.seed=1..10000:10000"))
                .contains("100000000 cells, more than the limit of 10000"), "a merge never reads more cells than a sweep runs");
    }

    @Test
    void hugeDeepRepeatedOrNonRegularFilesAreRefusedWithoutJavaNames(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("sweep.json");
        String good = json.text(manifest());
        Files.writeString(file, good.replace("\"description\" : \"", "\"description\" : \"" + "x".repeat(2 << 20)));
        assertTrue(message(file).contains("sweep.json files are limited to 1048576 bytes"), message(file));

        Files.writeString(file, good.replace("\"rerun\"", "\"rerun\" : " + "[".repeat(5000) + "]".repeat(5000) + ", \"x\""));
        assertTrue(message(file).contains("nesting depth"), message(file));
        assertFalse(message(file).contains("StreamReadConstraints"), message(file));

        Files.writeString(file, good.replace("\"version\" : 1", "\"version\" : 1, \"version\" : 1"));
        assertTrue(message(file).contains("duplicate key 'version'"), message(file));

        Files.writeString(file, good.replace("\"maxCells\" : 10000", "\"maxCells\" : NaN"));
        assertTrue(message(file).contains("Non-standard token 'NaN' (not allowed in JSON)"), message(file));

        assertTrue(message(tmp).contains("not a regular file (a directory); a sweep.json must be a regular file"), message(tmp));
    }

    private String message(Path file) {
        return String.join("\n", assertThrows(InvalidScenarioException.class, () -> json.read(file)).problems());
    }
}
