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
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.sweep.SweepSpec;
import tcpflowlab.sweep.SweepManifest;
import tcpflowlab.sweep.SweepShard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /** The fields {@link #text} writes, the only ones {@link #read} accepts. */
    private static final List<String> FIELDS = List.of("format", "version", "vary", "maxCells", "durationS", "cells",
            "shard", "finishedCells", "interrupted", "rerun", "base");

    /**
     * Reads a sweep.json as strictly as a scenario file: a regular file of at most
     * {@link ScenarioCodec#MAX_FILE_BYTES}, no unknown or repeated field, every value of its type
     * and range; errors name the file and the field, all at once.
     */
    public SweepManifest read(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = ScenarioCodec.readFile(file, NAME);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(AtomicOutputFile.naming(file, e));
        }
        JsonNode root = codec.tree(bytes, source);
        if (!root.isObject() || !FORMAT.equals(root.path("format").textValue())) {
            throw new InvalidScenarioException(source + ": not a sweep.json (no \"format\": \"" + FORMAT + "\")");
        }
        List<String> problems = new ArrayList<>(codec.duplicateKeys(bytes));
        root.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                problems.add("unknown field '" + f + "' (allowed: " + String.join(", ", FIELDS) + ")");
            }
        });
        JsonNode version = root.path("version");
        if (!version.isInt() || version.intValue() != VERSION) {
            problems.add("\"version\" " + version + " is not " + VERSION);
        }
        List<String> vary = new ArrayList<>();
        JsonNode varyNode = root.path("vary");
        if (!varyNode.isArray() || varyNode.isEmpty()) {
            problems.add("\"vary\" must be a list of FIELD=SPEC texts, at least one, e.g. [\"client.readSize=10,100\"]");
        } else {
            varyNode.forEach(v -> {
                if (v.isTextual()) {
                    vary.add(v.textValue());
                } else {
                    problems.add("\"vary\" holds " + v + ", not a FIELD=SPEC text");
                }
            });
        }
        long maxCells = whole(root, "maxCells", SweepSpec.DEFAULT_MAX_CELLS, 1, SweepSpec.MAX_CELLS, problems);
        long cells = whole(root, "cells", -1, 1, SweepSpec.MAX_CELLS, problems);
        long finished = whole(root, "finishedCells", -1, 0, SweepSpec.MAX_CELLS, problems);
        Optional<String> shard = text(root, "shard", problems);
        Optional<String> interrupted = text(root, "interrupted", problems);
        text(root, "rerun", problems);
        JsonNode duration = root.path("durationS");
        if (!duration.isMissingNode() && !duration.isNumber()) {
            problems.add("\"durationS\" " + duration + " is not a number of seconds");
        }
        JsonNode base = root.path("base");
        if (!base.isObject()) {
            problems.add("\"base\" must be the sweep's scenario, a JSON object");
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems.stream().map(p -> source + ": " + p).toList());
        }
        Scenario scenario = codec.parse(base.toString(), source + " base");
        if (duration.isNumber() && duration.doubleValue() != scenario.run().durationS()) {
            throw new InvalidScenarioException(source + ": \"durationS\" " + duration + " differs from the base scenario's "
                    + "run.durationS " + ScenarioField.format(scenario.run().durationS()) + "; the file was edited");
        }
        SweepSpec spec;
        Optional<SweepShard> part;
        try {
            spec = new SweepSpec(scenario, vary.stream().map(tcpflowlab.sweep.SweepAxis::parse).toList())
                    .requireAtMost(maxCells); // as the sweep that wrote it did: a merge reads no more cells than a sweep runs
            part = shard.map(SweepShard::parse);
        } catch (InvalidScenarioException e) {
            throw new InvalidScenarioException(e.problems().stream().map(p -> source + ": " + p).toList());
        }
        int count = spec.cellCount();
        if (cells >= 0 && cells != count) {
            throw new InvalidScenarioException(source + ": \"cells\" " + cells + " is not the " + count
                    + " cells of its \"vary\"; the file was edited");
        }
        if (finished > count) {
            throw new InvalidScenarioException(source + ": \"finishedCells\" " + finished + " is more than the " + count
                    + " cells of the sweep");
        }
        return new SweepManifest(vary, scenario, maxCells, part, count, (int) finished,
                interrupted);
    }

    /** An optional whole number within {@code min .. max}; {@code absent} when the field is not there. */
    private static long whole(JsonNode root, String field, long absent, long min, long max, List<String> problems) {
        JsonNode n = root.path(field);
        if (n.isMissingNode()) {
            return absent;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < min || n.longValue() > max) {
            problems.add("\"" + field + "\" " + n + " is not allowed: a whole number, " + min + " .. " + max);
            return absent;
        }
        return n.longValue();
    }

    /** An optional text, null standing for absent. */
    private static Optional<String> text(JsonNode root, String field, List<String> problems) {
        JsonNode n = root.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            problems.add("\"" + field + "\" " + n + " is not a text (or null)");
            return Optional.empty();
        }
        return Optional.of(n.textValue());
    }
}
