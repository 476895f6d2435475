package tcpflowlab.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tcpflowlab.export.AtomicOutputFile;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.LiveEffect;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moment files ({@code "format": "tcpflowlab-moment"}): a scenario inline, the knob changes
 * up to the moment with the instant and socket call each took effect at, and the moment's run
 * time in nanoseconds (exact, so the recomputed run stops where the original was). Read as
 * strictly as scenario files: at most {@link ScenarioCodec#MAX_FILE_BYTES}, no unknown or
 * repeated field, every problem reported at once with its path ({@code changes[2].value}).
 */
public final class MomentCodec {
    public static final String FORMAT = "tcpflowlab-moment";
    public static final int VERSION = 1;
    /** More changes than a class could make by hand in a day. */
    static final int MAX_CHANGES = 10_000;

    private static final List<String> TOP = List.of("format", "version", "atNanos", "scenario", "changes");
    private static final List<String> CHANGE = List.of("atNanos", "call", "field", "value");

    private final ScenarioCodec codec;
    private final ObjectMapper json = new ObjectMapper();

    public MomentCodec(ScenarioCodec codec) {
        this.codec = codec;
    }

    public String write(Moment moment) {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("atNanos", moment.atNanos());
        try {
            root.set("scenario", json.readTree(codec.write(moment.scenario())));
            ArrayNode changes = root.putArray("changes");
            for (KnobChangeAt c : moment.changes()) {
                ObjectNode n = changes.addObject();
                n.put("atNanos", c.atNanos());
                n.put("call", c.callAtInstant());
                n.put("field", c.field().path());
                n.set("value", json.valueToTree(c.value() instanceof Enum<?> e ? e.name() : c.value()));
            }
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("moment cannot be written as JSON", e);
        }
    }

    /** Writes the file whole or not at all. */
    public void write(Moment moment, Path file) throws IOException {
        AtomicOutputFile.write(file, write(moment).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a moment file; any problem (missing, too large, malformed, invalid) throws with every reason. */
    public Moment read(Path file) {
        byte[] bytes;
        try {
            bytes = ScenarioCodec.readFile(file, "moment");
        } catch (IOException e) {
            throw new InvalidScenarioException(file + ": cannot read: " + e.getMessage());
        }
        return parse(bytes, file.toString());
    }

    public Moment parse(byte[] bytes, String source) {
        if (bytes.length > ScenarioCodec.MAX_FILE_BYTES) {
            throw new InvalidScenarioException(source + ": larger than " + ScenarioCodec.MAX_FILE_BYTES + " bytes");
        }
        JsonNode root = codec.tree(bytes, source);
        if (!root.isObject()) {
            throw new InvalidScenarioException(source + ": a moment must be a JSON object");
        }
        List<String> problems = new ArrayList<>(codec.duplicateKeys(bytes));
        Optional<Moment> moment = moment(root, problems);
        if (!problems.isEmpty() || moment.isEmpty()) {
            throw new InvalidScenarioException(problems.stream().map(p -> source + ": " + p).toList());
        }
        return moment.get();
    }

    private Optional<Moment> moment(JsonNode root, List<String> problems) {
        unknown(root, "", TOP, problems);
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.textValue())) {
            problems.add("format: " + (format == null ? "missing" : format + " is not a moment file")
                    + "; expected \"" + FORMAT + "\"");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() != VERSION) {
            problems.add("version: " + (version == null ? "missing" : version + " is not supported")
                    + "; this version of the app reads version " + VERSION);
        }
        long at = nanos(root, "atNanos", problems);
        Scenario scenario = scenario(root.get("scenario"), problems);
        List<KnobChangeAt> changes = scenario == null ? List.of() : changes(root.get("changes"), scenario, problems);
        if (!problems.isEmpty() || scenario == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Moment(scenario, changes, at));
        } catch (InvalidScenarioException e) {
            problems.add("atNanos: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Scenario scenario(JsonNode node, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add("scenario: " + (node == null ? "missing" : "must be a scenario object"));
            return null;
        }
        try {
            return codec.parse(json.writeValueAsBytes(node), "scenario");
        } catch (InvalidScenarioException e) {
            problems.addAll(e.problems());
        } catch (JsonProcessingException e) {
            problems.add("scenario: cannot be read: " + e.getOriginalMessage());
        }
        return null;
    }

    /** Each change checked as the knobs would check it, in order, against the scenario as it is by then. */
    private List<KnobChangeAt> changes(JsonNode node, Scenario scenario, List<String> problems) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_CHANGES) {
            problems.add("changes: must be an array of at most " + MAX_CHANGES + " knob changes");
            return List.of();
        }
        ScenarioKnobs knobs = new ScenarioKnobs(codec, scenario);
        List<KnobChangeAt> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "changes[" + i + "]";
            JsonNode c = node.get(i);
            if (!c.isObject()) {
                problems.add(at + ": must be an object with " + String.join(", ", CHANGE));
                continue;
            }
            int before = problems.size();
            unknown(c, at + ".", CHANGE, problems);
            long time = nanos(c, at + ".atNanos", "atNanos", problems);
            long call = nanos(c, at + ".call", "call", problems);
            if (call > Integer.MAX_VALUE) {
                problems.add(at + ".call: " + call + " is too large");
            }
            ScenarioField field = field(c.get("field"), at, problems);
            Object value = field == null ? null : value(c.get("value"), field, at, problems);
            if (problems.size() > before) {
                continue;
            }
            try {
                knobs.set(field, value);
                out.add(new KnobChangeAt(time, (int) call, field, value));
            } catch (IllegalArgumentException e) {
                problems.add(at + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static ScenarioField field(JsonNode f, String at, List<String> problems) {
        Optional<ScenarioField> field = f != null && f.isTextual() ? ScenarioField.byPath(f.asText()) : Optional.empty();
        if (field.isEmpty()) {
            problems.add(at + ".field: " + (f == null ? "missing" : f + " is not a scenario field")
                    + " (a path such as \"client.readSize\")");
            return null;
        }
        if (field.get().liveEffect() == LiveEffect.NOT_LIVE) {
            problems.add(at + ".field: " + field.get().path() + " cannot be changed during a run");
            return null;
        }
        return field.get();
    }

    private static Object value(JsonNode v, ScenarioField field, String at, List<String> problems) {
        boolean typed = v != null && switch (field.type()) {
            case INT, LONG, DOUBLE -> v.isNumber();
            case BOOLEAN -> v.isBoolean();
            case ENUM -> v.isTextual();
        };
        if (!typed) {
            problems.add(at + ".value: " + (v == null ? "missing" : v + " is not allowed") + "; " + field.path()
                    + " must be " + field.allowed());
            return null;
        }
        try {
            return field.parse(v.asText());
        } catch (InvalidScenarioException e) {
            problems.add(at + ".value: " + e.getMessage());
            return null;
        }
    }

    private static long nanos(JsonNode node, String name, List<String> problems) {
        return nanos(node, name, name, problems);
    }

    private static long nanos(JsonNode node, String path, String name, List<String> problems) {
        JsonNode v = node.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            problems.add(path + ": " + (v == null ? "missing" : v + " is not allowed")
                    + "; a whole number, 0 or more");
            return 0;
        }
        return v.asLong();
    }

    private static void unknown(JsonNode node, String prefix, List<String> known, List<String> problems) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(prefix + name + ": unknown field; fields here: " + String.join(", ", known));
            }
        });
    }
}
