package tcpflowlab.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes scenarios as JSON, strictly: unknown fields are rejected, every value is
 * type- and range-checked, files over {@link #MAX_FILE_BYTES} are refused before they are
 * read. Missing fields take {@link Scenario#defaults()}, so a file only says what differs.
 * Jackson's tree model is used instead of plain binding so that every problem in a file is
 * reported at once, by field path, rather than the first one as a stack trace.
 */
public final class ScenarioCodec {
    public static final long MAX_FILE_BYTES = 1L << 20;
    static final int MAX_NAME_CHARS = 200;
    static final int MAX_DESCRIPTION_CHARS = 4_000;

    private final ObjectMapper mapper;

    public ScenarioCodec() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(16).maxStringLength(16_384).maxNumberLength(40).build())
                .build();
        mapper = new ObjectMapper(factory)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Reads a scenario file; the file name appears in every error message. Only a regular file
     * is opened (a FIFO would block the open, a device never ends), and at most
     * {@link #MAX_FILE_BYTES} + 1 bytes are read whatever size the file system reports.
     */
    public Scenario read(Path file) {
        try {
            return parse(readFile(file, "scenario"), file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidScenarioException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InvalidScenarioException(file + ": permission denied");
        } catch (IOException e) {
            throw new InvalidScenarioException(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * The bytes of a JSON file read the way a scenario file is (a regular file, at most
     * {@link #MAX_FILE_BYTES}); {@code kind} names what the file should be in the errors.
     */
    public static byte[] readFile(Path file, String kind) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new InvalidScenarioException(file + ": not a regular file (" + ScenarioFileKind.of(file, attributes)
                    + "); a " + kind + " must be a regular file");
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            throw new InvalidScenarioException(file + ": file is " + attributes.size()
                    + " bytes; " + kind + " files are limited to " + MAX_FILE_BYTES + " bytes");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InvalidScenarioException(file + ": file is larger than " + MAX_FILE_BYTES
                    + " bytes; " + kind + " files are limited to " + MAX_FILE_BYTES + " bytes");
        }
        return bytes;
    }

    /** Reads at most {@link #MAX_FILE_BYTES} from a stream (a preset on the class path). */
    public Scenario read(InputStream in, String source) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InvalidScenarioException(source + ": larger than " + MAX_FILE_BYTES + " bytes");
        }
        return parse(bytes, source);
    }

    public Scenario parse(String json, String source) {
        return parse(json.getBytes(StandardCharsets.UTF_8), source);
    }

    public Scenario parse(byte[] json, String source) {
        if (json.length > MAX_FILE_BYTES) {
            throw new InvalidScenarioException(source + ": larger than " + MAX_FILE_BYTES + " bytes");
        }
        JsonNode root = tree(json, source);
        if (!root.isObject()) {
            throw new InvalidScenarioException(source + ": a scenario must be a JSON object");
        }
        // Every problem at once: duplicates, unknown fields and types, then the ranges of what bound.
        List<String> problems = new ArrayList<>(DuplicateKeys.in(mapper.getFactory(), json));
        Set<String> unbound = new HashSet<>();
        ObjectNode merged = (ObjectNode) mapper.valueToTree(Scenario.defaults());
        mergeStrict((ObjectNode) root, merged, problems, unbound);
        Scenario scenario = fromTree(merged);
        problems.addAll(rangeProblems(scenario));
        if (unbound.stream().noneMatch(CROSS_FIELD_PATHS::contains)) {
            // a default standing in for a rejected value would make a cross-field complaint misleading
            problems.addAll(crossFieldProblems(scenario));
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(prefixed(source, problems));
        }
        return scenario;
    }

    /**
     * JSON parsed under the scenario files' limits (nesting, string and number lengths, nothing
     * after the value); malformed input is reported with its line and column. Never null.
     */
    public JsonNode tree(byte[] json, String source) {
        try {
            JsonNode root = mapper.readTree(json);
            return root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidScenarioException(source + ": malformed JSON" + where + ": "
                    + withoutParserNames(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidScenarioException(source + ": cannot read: " + e.getMessage());
        }
    }

    /** The parser's message without the parser's own settings (class and feature names mean nothing to a user). */
    static String withoutParserNames(String message) {
        return String.valueOf(message)
                .replaceAll(", from `[^`]*`", "")
                .replaceAll(": enable `[^`]*` to allow", " (not allowed in JSON)")
                .replaceAll(" \\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)", "");
    }

    /** The keys given twice in {@code json}, each as a problem naming its path. */
    public List<String> duplicateKeys(byte[] json) {
        return DuplicateKeys.in(mapper.getFactory(), json);
    }

    public String write(Scenario scenario) {
        try {
            return mapper.writeValueAsString(scenario) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scenario cannot be written as JSON", e);
        }
    }

    public void write(Scenario scenario, Path file) throws IOException {
        Files.writeString(file, write(scenario), StandardCharsets.UTF_8);
    }

    /** The field's value: Integer, Long, Double, Boolean or the enum constant. */
    public Object get(Scenario scenario, ScenarioField field) {
        return value(mapper.valueToTree(scenario), field);
    }

    /** The field's value in a scenario already turned into a tree (one tree serves every field). */
    private static Object value(JsonNode tree, ScenarioField field) {
        JsonNode leaf = tree.path(field.group()).path(field.key());
        return switch (field.type()) {
            case INT -> leaf.intValue();
            case LONG -> leaf.longValue();
            case DOUBLE -> leaf.doubleValue();
            case BOOLEAN -> leaf.booleanValue();
            case ENUM -> field.parse(leaf.textValue());
        };
    }

    /** The field's value as text, in the form {@link ScenarioField#parse} accepts. */
    public String getText(Scenario scenario, ScenarioField field) {
        Object v = get(scenario, field);
        return v instanceof Double d ? ScenarioField.format(d) : v.toString();
    }

    /** A copy with one field changed; the value is range-checked and the result validated. */
    public Scenario with(Scenario scenario, ScenarioField field, Object value) {
        return with(scenario, Map.of(field, value));
    }

    /**
     * A copy with several fields changed at once (a sweep cell); each value is range-checked and
     * the result validated once, so two fields that must move together (the first and the
     * longest reconnect delay) can, and a cell costs one round trip through the tree, not one per field.
     */
    public Scenario with(Scenario scenario, Map<ScenarioField, Object> values) {
        values.forEach(ScenarioField::check);
        ObjectNode tree = mapper.valueToTree(scenario);
        values.forEach((field, value) -> {
            ObjectNode group = (ObjectNode) tree.get(field.group());
            switch (field.type()) {
                case INT -> group.put(field.key(), ((Number) value).intValue());
                case LONG -> group.put(field.key(), ((Number) value).longValue());
                case DOUBLE -> group.put(field.key(), ((Number) value).doubleValue());
                case BOOLEAN -> group.put(field.key(), (Boolean) value);
                case ENUM -> group.put(field.key(), ((Enum<?>) value).name());
            }
        });
        Scenario changed = fromTree(tree);
        List<String> problems = problemsOf(changed);
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return changed;
    }

    /** Applies {@code path=value} overrides in order (the CLI's {@code --set}). */
    public Scenario withOverrides(Scenario scenario, List<String> assignments) {
        Scenario s = scenario;
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new InvalidScenarioException("'" + assignment
                        + "' is not of the form field=value (e.g. client.readSize=4096)");
            }
            ScenarioField field = ScenarioField.require(assignment.substring(0, eq).trim());
            s = with(s, field, field.parse(assignment.substring(eq + 1)));
        }
        return s;
    }

    public Scenario withName(Scenario scenario, String name) {
        return new Scenario(name, scenario.description(), scenario.server(), scenario.client(),
                scenario.sockets(), scenario.link(), scenario.run());
    }

    /** Every range and cross-field problem of a scenario; empty when it is valid. */
    public List<String> problemsOf(Scenario scenario) {
        List<String> problems = rangeProblems(scenario);
        problems.addAll(crossFieldProblems(scenario));
        return problems;
    }

    private List<String> rangeProblems(Scenario scenario) {
        List<String> problems = new ArrayList<>();
        JsonNode tree = mapper.valueToTree(scenario);
        for (ScenarioField field : ScenarioField.values()) {
            field.problemWith(value(tree, field)).ifPresent(problems::add);
        }
        if (scenario.name().length() > MAX_NAME_CHARS) {
            problems.add("name is " + scenario.name().length() + " characters long; at most "
                    + MAX_NAME_CHARS + " allowed");
        }
        if (scenario.description().length() > MAX_DESCRIPTION_CHARS) {
            problems.add("description is " + scenario.description().length()
                    + " characters long; at most " + MAX_DESCRIPTION_CHARS + " allowed");
        }
        return problems;
    }

    /** The fields {@link #crossFieldProblems} compares. */
    private static final Set<String> CROSS_FIELD_PATHS = Set.of(
            ScenarioField.CLIENT_RECONNECT_BACKOFF.path(), ScenarioField.CLIENT_RECONNECT_BACKOFF_MAX.path());

    private static List<String> crossFieldProblems(Scenario scenario) {
        List<String> problems = new ArrayList<>();
        ClientConfig c = scenario.client();
        if (c.reconnectBackoffMaxMs() < c.reconnectBackoffMs()) {
            problems.add("client.reconnectBackoffMaxMs = "
                    + ScenarioField.format(c.reconnectBackoffMaxMs())
                    + " is not allowed: it must be at least client.reconnectBackoffMs ("
                    + ScenarioField.format(c.reconnectBackoffMs()) + " ms)");
        }
        return problems;
    }

    public void validate(Scenario scenario) {
        List<String> problems = problemsOf(scenario);
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
    }

    private Scenario fromTree(JsonNode tree) {
        try {
            return mapper.treeToValue(tree, Scenario.class);
        } catch (JsonProcessingException e) {
            // Types were checked leaf by leaf before, so this is a bug, not bad input.
            throw new IllegalStateException("checked scenario tree did not bind: " + e.getMessage(), e);
        }
    }

    private void mergeStrict(ObjectNode input, ObjectNode target, List<String> problems, Set<String> unbound) {
        Iterator<Map.Entry<String, JsonNode>> fields = input.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals("name") || key.equals("description")) {
                if (!value.isTextual()) {
                    problems.add(key + " must be a string");
                } else {
                    target.put(key, value.textValue());
                }
                continue;
            }
            JsonNode targetGroup = target.get(key);
            if (targetGroup == null || !targetGroup.isObject()) {
                problems.add("unknown field '" + key + "' (allowed: name, description, server, client, sockets, link, run)");
                continue;
            }
            if (!value.isObject()) {
                problems.add(key + " must be an object");
                continue;
            }
            mergeGroup(key, value, (ObjectNode) targetGroup, problems, unbound);
        }
    }

    private void mergeGroup(String group, JsonNode input, ObjectNode target, List<String> problems,
                            Set<String> unbound) {
        Iterator<Map.Entry<String, JsonNode>> fields = input.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String path = group + "." + entry.getKey();
            var field = ScenarioField.byPath(path);
            if (field.isEmpty()) {
                problems.add("unknown field '" + path + "'");
                continue;
            }
            JsonNode v = entry.getValue();
            ScenarioField f = field.get();
            String typeProblem = typeProblem(f, v);
            if (typeProblem != null) {
                problems.add(path + " = " + v + " is not allowed: " + typeProblem);
                unbound.add(path);
                continue;
            }
            target.set(entry.getKey(), f.type() == ScenarioField.Type.ENUM
                    ? mapper.getNodeFactory().textNode(((Enum<?>) f.parse(v.textValue())).name())
                    : v);
        }
    }

    private static String typeProblem(ScenarioField f, JsonNode v) {
        return switch (f.type()) {
            case INT -> v.isIntegralNumber() && v.canConvertToInt() ? null : f.label() + " must be a whole number, " + f.allowed();
            case LONG -> v.isIntegralNumber() && v.canConvertToLong() ? null : f.label() + " must be a whole number, " + f.allowed();
            case DOUBLE -> v.isNumber() ? null : f.label() + " must be a number, " + f.allowed();
            case BOOLEAN -> v.isBoolean() ? null : f.label() + " must be true or false";
            case ENUM -> {
                if (!v.isTextual()) {
                    yield f.label() + " must be " + f.allowed();
                }
                try {
                    f.parse(v.textValue());
                    yield null;
                } catch (InvalidScenarioException e) {
                    yield f.label() + " must be " + f.allowed();
                }
            }
        };
    }

    private static List<String> prefixed(String source, List<String> problems) {
        return problems.stream().map(p -> source + ": " + p).toList();
    }
}
