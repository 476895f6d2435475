package tcpflowlab.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sweep.SweepManifest;
import tcpflowlab.sweep.SweepShard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** sweep.json: a {@link SweepManifest} as JSON, the base scenario in the scenario file format. */
public final class SweepJson {
    public static final String NAME = "sweep.json";
    private static final String FORMAT = "tcpflowlab-sweep";
    private static final int VERSION = 1;

    private final ScenarioCodec codec;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SweepJson(ScenarioCodec codec) {
        this.codec = codec;
    }

    public String text(SweepManifest m) {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode vary = root.putArray("vary");
        m.vary().forEach(vary::add);
        root.put("maxCells", m.maxCells());
        root.put("durationS", m.base().run().durationS());
        root.put("cells", m.cells());
        if (m.shard().isPresent()) {
            root.put("shard", m.shard().get().text());
        } else {
            root.putNull("shard");
        }
        root.put("finishedCells", m.finished());
        root.put("interrupted", m.interrupted().orElse(null));
        root.put("rerun", "tcpflowlab sweep --from sweep.json -o DIR"
                + m.shard().map(s -> " --shard " + s.text()).orElse(""));
        try {
            root.set("base", json.readTree(codec.write(m.base())));
            return json.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sweep.json cannot be written", e);
        }
    }

    public void write(Path dir, SweepManifest m) throws IOException {
        AtomicOutputFile.write(dir.resolve(NAME), text(m).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a sweep.json; errors name the file and the field. */
    public SweepManifest read(Path file) {
        String source = file.toString();
        JsonNode root;
        try {
            if (Files.size(file) > ScenarioCodec.MAX_FILE_BYTES) {
                throw new InvalidScenarioException(source + ": larger than " + ScenarioCodec.MAX_FILE_BYTES
                        + " bytes, not a sweep.json");
            }
            root = json.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(source + ": malformed JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(AtomicOutputFile.naming(file, e));
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new InvalidScenarioException(source + ": not a sweep.json (no \"format\": \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new InvalidScenarioException(source + ": version " + root.path("version") + " is not " + VERSION);
        }
        List<String> vary = new ArrayList<>();
        root.path("vary").forEach(v -> vary.add(v.asText()));
        JsonNode base = root.path("base");
        if (!base.isObject()) {
            throw new InvalidScenarioException(source + ": \"base\" is missing; it holds the sweep's scenario");
        }
        Scenario scenario = codec.parse(base.toString(), source + " base");
        long maxCells = root.path("maxCells").asLong(tcpflowlab.sweep.SweepSpec.DEFAULT_MAX_CELLS);
        Optional<SweepShard> shard = root.path("shard").isTextual()
                ? Optional.of(SweepShard.parse(root.path("shard").asText())) : Optional.empty();
        Optional<String> interrupted = root.path("interrupted").isTextual()
                ? Optional.of(root.path("interrupted").asText()) : Optional.empty();
        return new SweepManifest(vary, scenario, maxCells, shard, root.path("cells").asInt(),
                root.path("finishedCells").asInt(), interrupted);
    }
}
