package tcpflowlab.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import tcpflowlab.engine.Outcome;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.LiveEffect;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads lesson files as strictly as scenario files: at most {@link ScenarioCodec#MAX_FILE_BYTES},
 * no unknown or repeated field, every value of its type and range, every problem reported at
 * once with the field's path ({@code steps[2].question.answer.side}). The format is described
 * for lesson writers in the app's help (assets/help/lesson-format.md).
 */
public final class LessonCodec {
    public static final String FORMAT = "tcpflowlab-lesson";
    public static final int VERSION = 1;
    static final int MAX_STEPS = 100;
    static final int MAX_TEXT = 20_000;
    static final int MAX_CHOICES = 12;

    private static final List<String> TOP = List.of("format", "version", "title", "goal", "scenario", "set", "steps");
    private static final List<String> STEP = List.of("title", "text", "set", "stop", "question");
    private static final List<String> STOP = List.of("atSeconds", "event", "side", "end");
    private static final List<String> QUESTION = List.of("prompt", "choices", "tolerance", "answer", "expect",
            "explain");
    private static final Map<String, List<String>> ANSWER = Map.of(
            "firstErrno", List.of("quantity", "side", "from"),
            "count", List.of("quantity", "event", "side", "before", "from"),
            "eventTime", List.of("quantity", "event", "side", "from"),
            "valueAtStop", List.of("quantity", "value"),
            "outcome", List.of("quantity"));
    private static final List<String> QUANTITIES = List.of("firstErrno", "count", "eventTime", "valueAtStop",
            "outcome");

    private final ScenarioCodec codec;
    private final Presets presets;
    private final ObjectMapper json = new ObjectMapper();

    public LessonCodec(ScenarioCodec codec) {
        this.codec = codec;
        this.presets = new Presets(codec);
    }

    /** Reads a lesson file; a problem (file missing, too large, malformed, invalid) throws with every reason. */
    public Lesson read(Path file) {
        byte[] bytes;
        try {
            bytes = ScenarioCodec.readFile(file, "lesson");
        } catch (IOException e) {
            throw new InvalidScenarioException(file + ": cannot read: " + e.getMessage());
        }
        return parse(bytes, file.toString());
    }

    public Lesson parse(byte[] bytes, String source) {
        if (bytes.length > ScenarioCodec.MAX_FILE_BYTES) {
            throw new InvalidScenarioException(source + ": larger than " + ScenarioCodec.MAX_FILE_BYTES + " bytes");
        }
        JsonNode root = codec.tree(bytes, source);
        if (!root.isObject()) {
            throw new InvalidScenarioException(source + ": a lesson must be a JSON object");
        }
        Problems p = new Problems();
        codec.duplicateKeys(bytes).forEach(p.list::add);
        Lesson lesson = lesson(root, p, source);
        if (!p.list.isEmpty() || lesson == null) {
            throw new InvalidScenarioException(p.list.stream().map(s -> source + ": " + s).toList());
        }
        return lesson;
    }

    private Lesson lesson(JsonNode root, Problems p, String source) {
        p.fields(root, "", TOP);
        String format = p.text(root, "format", true);
        if (format != null && !format.equals(FORMAT)) {
            p.add("format", "'" + format + "' is not a lesson file; expected \"" + FORMAT + "\"");
        }
        JsonNode version = root.get("version");
        if (version == null) {
            p.add("version", "missing (expected " + VERSION + ")");
        } else if (!version.isIntegralNumber() || version.asInt() != VERSION) {
            p.add("version", version + " is not supported; this version of the app reads version " + VERSION);
        }
        String title = p.shortText(root, "title");
        String goal = p.longText(root, "goal", true);
        Scenario scenario = scenario(root, p, source);
        String preset = root.path("scenario").isTextual() ? root.get("scenario").asText() : null;
        JsonNode steps = root.get("steps");
        List<LessonStep> out = new ArrayList<>();
        if (steps == null) {
            p.add("steps", "missing: a lesson has at least one step");
        } else if (!steps.isArray() || steps.isEmpty() || steps.size() > MAX_STEPS) {
            p.add("steps", "must be an array of 1 to " + MAX_STEPS + " steps");
        } else {
            LessonStep latest = null; // the step with the latest run-time stop so far
            for (int i = 0; i < steps.size(); i++) {
                LessonStep s = step(steps.get(i), "steps[" + i + "]", p, scenario);
                if (s != null) {
                    long t = s.stop().deadline();
                    // the run only goes forward: an earlier time would be "reached" at once, where the run already is
                    if (t != Long.MAX_VALUE && latest != null && t < latest.stop().deadline()) {
                        p.add("steps[" + i + "].stop", s.stop().describe() + " is before step " + (out.indexOf(latest) + 1)
                                + "'s stop at " + latest.stop().describe() + "; stops at a run time must go forward");
                    } else if (t != Long.MAX_VALUE) {
                        latest = s;
                    }
                    out.add(s);
                }
            }
        }
        if (!p.list.isEmpty() || scenario == null || title == null || goal == null) {
            return null;
        }
        return new Lesson(title, goal, preset, scenario, out);
    }

    private Scenario scenario(JsonNode root, Problems p, String source) {
        JsonNode node = root.get("scenario");
        Scenario s = null;
        if (node == null) {
            p.add("scenario", "missing: a preset name (" + String.join(", ", presets.names())
                    + ") or a scenario object");
            return null;
        }
        try {
            if (node.isTextual()) {
                s = presets.load(node.asText());
            } else if (node.isObject()) {
                s = codec.parse(json.writeValueAsBytes(node), "scenario");
            } else {
                p.add("scenario", "must be a preset name or a scenario object");
                return null;
            }
        } catch (InvalidScenarioException e) {
            e.problems().forEach(m -> p.list.add(m.startsWith("scenario") ? m : "scenario: " + m));
            return null;
        } catch (IOException e) {
            p.add("scenario", "cannot be read: " + e.getMessage());
            return null;
        }
        JsonNode set = root.get("set");
        if (set != null) {
            List<KnobSetting> settings = settings(set, "set", p, false);
            for (KnobSetting k : settings) {
                s = codec.with(s, k.field(), k.value());
            }
            List<String> problems = codec.problemsOf(s);
            problems.forEach(m -> p.add("set", m));
            if (!problems.isEmpty()) {
                return null;
            }
        }
        return s;
    }

    private LessonStep step(JsonNode node, String at, Problems p, Scenario scenario) {
        if (!node.isObject()) {
            p.add(at, "a step must be an object");
            return null;
        }
        p.fields(node, at + ".", STEP);
        String title = p.shortText(node, at + ".", "title");
        String text = p.longText(node, at + ".", "text", true);
        List<KnobSetting> set = node.has("set") ? settings(node.get("set"), at + ".set", p, true) : List.of();
        StopCondition stop = stop(node.get("stop"), at + ".stop", p, scenario);
        Question question = node.has("question") ? question(node.get("question"), at + ".question", p) : null;
        if (title == null || text == null || stop == null || (node.has("question") && question == null)) {
            return null;
        }
        return new LessonStep(title, text, set, stop, question);
    }

    private List<KnobSetting> settings(JsonNode node, String at, Problems p, boolean duringRun) {
        List<KnobSetting> out = new ArrayList<>();
        if (!node.isObject()) {
            p.add(at, "must be an object of field paths and values, e.g. {\"client.readSize\": 4096}");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = at + "." + e.getKey();
            var field = ScenarioField.byPath(e.getKey());
            if (field.isEmpty()) {
                p.add(where, "is not a scenario field (tcpflowlab fields lists them)");
                continue;
            }
            ScenarioField f = field.get();
            if (duringRun && f.liveEffect() == LiveEffect.NOT_LIVE) {
                p.add(where, "cannot be changed during a run; set it in the lesson's top-level \"set\"");
                continue;
            }
            JsonNode v = e.getValue();
            boolean typed = switch (f.type()) {
                case INT, LONG -> v.isIntegralNumber();
                case DOUBLE -> v.isNumber();
                case BOOLEAN -> v.isBoolean();
                case ENUM -> v.isTextual();
            };
            if (!typed) {
                p.add(where, v + " is not " + f.allowed());
                continue;
            }
            try {
                out.add(new KnobSetting(f, f.parse(v.asText())));
            } catch (InvalidScenarioException ex) {
                p.add(where, ex.getMessage());
            }
        }
        return out;
    }

    private StopCondition stop(JsonNode node, String at, Problems p, Scenario scenario) {
        if (node == null) {
            p.add(at, "missing: {\"atSeconds\": 2.5}, {\"event\": \"ZERO_WINDOW\", \"side\": \"client\"} or {\"end\": true}");
            return null;
        }
        if (!node.isObject()) {
            p.add(at, "must be an object");
            return null;
        }
        p.fields(node, at + ".", STOP);
        int kinds = (node.has("atSeconds") ? 1 : 0) + (node.has("event") ? 1 : 0) + (node.has("end") ? 1 : 0);
        if (kinds != 1) {
            p.add(at, "needs exactly one of atSeconds, event, end");
            return null;
        }
        if (node.has("side") && !node.has("event")) {
            p.add(at + ".side", "applies only to an event stop");
            return null;
        }
        double duration = scenario == null ? Double.MAX_VALUE : scenario.run().durationS();
        if (node.has("atSeconds")) {
            JsonNode t = node.get("atSeconds");
            if (!t.isNumber() || !(t.asDouble() >= 0) || t.asDouble() > duration) {
                p.add(at + ".atSeconds", t + " is not a run time: must be 0 to the run's duration ("
                        + ScenarioField.format(duration) + " s)");
                return null;
            }
            return StopCondition.at(Math.round(t.asDouble() * 1e9));
        }
        if (node.has("end")) {
            if (!node.get("end").isBoolean() || !node.get("end").asBoolean()) {
                p.add(at + ".end", "must be true");
                return null;
            }
            return StopCondition.at(Math.round(duration * 1e9));
        }
        EventKind kind = kind(node.get("event"), at + ".event", p);
        Side side = side(node, at, p);
        if (kind == null || (node.has("side") && side == null)) {
            return null;
        }
        return side == null ? StopCondition.nextEventOf(kind) : StopCondition.nextEventOf(kind, side);
    }

    private Question question(JsonNode node, String at, Problems p) {
        if (!node.isObject()) {
            p.add(at, "must be an object");
            return null;
        }
        p.fields(node, at + ".", QUESTION);
        int before = p.list.size();
        String prompt = p.longText(node, at + ".", "prompt", true);
        Quantity quantity = quantity(node.get("answer"), at + ".answer", p);
        List<String> choices = List.of();
        if (node.has("choices")) {
            choices = choices(node.get("choices"), at + ".choices", p, quantity);
        }
        double tolerance = 0;
        if (node.has("tolerance")) {
            JsonNode t = node.get("tolerance");
            if (node.has("choices")) {
                p.add(at + ".tolerance", "applies only to a number question (one without choices)");
            } else if (!t.isNumber() || !(t.asDouble() >= 0) || Double.isInfinite(t.asDouble())) {
                p.add(at + ".tolerance", t + " must be a number, 0 or more");
            } else {
                tolerance = t.asDouble();
            }
        }
        if (quantity != null && !quantity.numeric() && !node.has("choices")) {
            p.add(at + ".choices", "missing: " + quantity.describe() + " is not a number, so the question needs choices");
        }
        String expect = null;
        if (node.has("expect")) {
            JsonNode e = node.get("expect");
            if (node.has("choices")) {
                if (!e.isTextual() || !choices.contains(e.asText())) {
                    p.add(at + ".expect", e + " is not one of the choices");
                } else {
                    expect = e.asText();
                }
            } else if (!e.isNumber()) {
                p.add(at + ".expect", e + " must be a number");
            } else {
                expect = Question.format(e.asDouble());
            }
        }
        String explain = node.has("explain") ? p.longText(node, at + ".", "explain", false) : "";
        if (p.list.size() > before || prompt == null || quantity == null) {
            return null;
        }
        return new Question(prompt, choices, tolerance, quantity, expect, explain);
    }

    private List<String> choices(JsonNode node, String at, Problems p, Quantity quantity) {
        if (!node.isArray() || node.size() < 2 || node.size() > MAX_CHOICES) {
            p.add(at, "must be an array of 2 to " + MAX_CHOICES + " choices");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            String where = at + "[" + i + "]";
            if (!c.isTextual() || c.asText().isBlank() || c.asText().length() > 200) {
                p.add(where, "must be a non-empty text of at most 200 characters");
                continue;
            }
            String text = c.asText();
            if (!seen.add(text)) {
                p.add(where, "'" + text + "' is given twice");
            }
            if (quantity instanceof Quantity.FirstErrno && Arrays.stream(Errno.values()).noneMatch(x -> x.name().equals(text))) {
                p.add(where, "'" + text + "' is not an errno name; errnos: " + names(Errno.values()));
            } else if (quantity instanceof Quantity.RunOutcome
                    && Arrays.stream(Outcome.values()).noneMatch(x -> x.name().equals(text))) {
                p.add(where, "'" + text + "' is not an outcome; outcomes: " + names(Outcome.values()));
            } else if (quantity != null && quantity.numeric() && Question.number(text).isEmpty()) {
                p.add(where, "'" + text + "' is not a number, and " + quantity.describe() + " is one");
            }
            out.add(quantity != null && quantity.numeric() && Question.number(text).isPresent()
                    ? Question.format(Question.number(text).get()) : text);
        }
        return out;
    }

    private Quantity quantity(JsonNode node, String at, Problems p) {
        if (node == null) {
            p.add(at, "missing: what the answer is computed from, e.g. {\"quantity\": \"firstErrno\", \"side\": \"client\"}");
            return null;
        }
        if (!node.isObject()) {
            p.add(at, "must be an object");
            return null;
        }
        String name = p.text(node, at + ".", "quantity", true);
        if (name == null) {
            return null;
        }
        if (!ANSWER.containsKey(name)) {
            p.add(at + ".quantity", "'" + name + "' is not a quantity; quantities: " + String.join(", ", QUANTITIES));
            return null;
        }
        int before = p.list.size();
        p.fields(node, at + ".", ANSWER.get(name));
        Quantity q = null;
        try {
            switch (name) {
                case "firstErrno" -> {
                    Side side = side(node, at, p);
                    if (side == null && !node.has("side")) {
                        p.add(at + ".side", "missing: client or server");
                    }
                    Scope from = from(node, at, p, Scope.STOP);
                    q = side == null || from == null ? null : new Quantity.FirstErrno(side, from);
                }
                case "count" -> {
                    EventKind kind = kind(node.get("event"), at + ".event", p);
                    Side side = side(node, at, p);
                    EventKind beforeKind = null;
                    Side beforeSide = null;
                    JsonNode b = node.get("before");
                    if (b != null) {
                        if (!b.isObject()) {
                            p.add(at + ".before", "must be an object like {\"event\": \"RST_RECEIVED\", \"side\": \"client\"}");
                        } else {
                            p.fields(b, at + ".before.", List.of("event", "side"));
                            beforeKind = kind(b.get("event"), at + ".before.event", p);
                            beforeSide = side(b, at + ".before", p);
                        }
                    }
                    Scope from = from(node, at, p, b == null ? Scope.START : Scope.STOP);
                    if (b == null && from == Scope.STOP) {
                        p.add(at + ".from", "a count without \"before\" runs up to the stop, so it counts from the start");
                    }
                    q = p.list.size() > before ? null : new Quantity.EventCount(kind, side, beforeKind, beforeSide, from);
                }
                case "eventTime" -> {
                    EventKind kind = kind(node.get("event"), at + ".event", p);
                    Side side = side(node, at, p);
                    Scope from = from(node, at, p, Scope.STOP);
                    q = p.list.size() > before ? null : new Quantity.EventTime(kind, side, from);
                }
                case "valueAtStop" -> {
                    String v = p.text(node, at + ".", "value", true);
                    if (v != null && Gauge.byJson(v).isEmpty()) {
                        p.add(at + ".value", "'" + v + "' is not a value; values: " + Arrays.stream(Gauge.values())
                                .map(Gauge::json).collect(Collectors.joining(", ")));
                    } else if (v != null) {
                        q = new Quantity.ValueAtStop(Gauge.byJson(v).get());
                    }
                }
                default -> q = new Quantity.RunOutcome();
            }
        } catch (IllegalArgumentException e) {
            p.add(at, e.getMessage());
            return null;
        }
        return p.list.size() > before ? null : q;
    }

    private EventKind kind(JsonNode node, String at, Problems p) {
        if (node == null) {
            p.add(at, "missing: an event kind (" + names(EventKind.values()) + ")");
            return null;
        }
        for (EventKind k : EventKind.values()) {
            if (node.isTextual() && k.name().equals(node.asText())) {
                return k;
            }
        }
        p.add(at, node + " is not an event kind; kinds: " + names(EventKind.values()));
        return null;
    }

    /** The optional "side" of {@code node}: null when absent (either side) or wrong (a problem is added). */
    private Side side(JsonNode node, String at, Problems p) {
        JsonNode s = node.get("side");
        if (s == null) {
            return null;
        }
        for (Side side : Side.values()) {
            if (s.isTextual() && side.lower().equals(s.asText())) {
                return side;
            }
        }
        p.add(at + ".side", s + " is not a side; sides: client, server");
        return null;
    }

    private Scope from(JsonNode node, String at, Problems p, Scope otherwise) {
        JsonNode f = node.get("from");
        if (f == null) {
            return otherwise;
        }
        for (Scope s : Scope.values()) {
            if (f.isTextual() && s.json().equals(f.asText())) {
                return s;
            }
        }
        p.add(at + ".from", f + " must be \"start\" or \"stop\"");
        return null;
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The problems found so far, each "path: what is wrong". */
    private static final class Problems {
        final List<String> list = new ArrayList<>();

        void add(String path, String problem) {
            list.add(path + ": " + problem);
        }

        void fields(JsonNode node, String prefix, List<String> known) {
            node.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    add(prefix + name, "unknown field; fields here: " + String.join(", ", known));
                }
            });
        }

        String text(JsonNode node, String name, boolean required) {
            return text(node, "", name, required);
        }

        String text(JsonNode node, String prefix, String name, boolean required) {
            JsonNode v = node.get(name);
            if (v == null) {
                if (required) {
                    add(prefix + name, "missing");
                }
                return null;
            }
            if (!v.isTextual()) {
                add(prefix + name, v + " must be a text");
                return null;
            }
            String t = v.asText();
            int bad = unprintable(t);
            if (bad >= 0) {
                add(prefix + name, String.format("has U+%04X at character %d: a text may hold line breaks and tabs,"
                        + " no other control characters or broken surrogate pairs", (int) t.charAt(bad), bad + 1));
                return null;
            }
            return t;
        }

        /**
         * The first character that shows as nothing or as garbage (a NUL cut the title short on
         * the panel; a lone surrogate prints as "?"), or -1.
         */
        private static int unprintable(String t) {
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c) || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                    return i;
                }
            }
            return -1;
        }

        String shortText(JsonNode node, String name) {
            return shortText(node, "", name);
        }

        String shortText(JsonNode node, String prefix, String name) {
            String t = text(node, prefix, name, true);
            if (t != null && (t.isBlank() || t.length() > 200 || t.contains("\n"))) {
                add(prefix + name, "must be one line of 1 to 200 characters");
                return null;
            }
            return t;
        }

        String longText(JsonNode node, String name, boolean required) {
            return longText(node, "", name, required);
        }

        String longText(JsonNode node, String prefix, String name, boolean required) {
            String t = text(node, prefix, name, required);
            if (t != null && (t.isBlank() || t.length() > MAX_TEXT)) {
                add(prefix + name, "must be 1 to " + MAX_TEXT + " characters");
                return null;
            }
            return t;
        }
    }
}
