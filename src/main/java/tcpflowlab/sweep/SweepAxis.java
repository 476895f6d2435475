package tcpflowlab.sweep;

import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.ScenarioField;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * One varied field of a sweep and its values in order, parsed from {@code FIELD=SPEC}:
 * <ul>
 *   <li>a list, {@code client.readSize=10,100,4096} (enums and booleans only this way);</li>
 *   <li>a linear range, {@code client.processingDelayMs=0..50:11} (11 values, both ends included);</li>
 *   <li>a log range, {@code client.readSize=10..65536:log:12} (12 values spaced by a constant factor).</li>
 * </ul>
 * Integer fields round a range's values to whole numbers; values that round to the same number
 * are kept once, so a cell is never run twice. Every value is checked against the field's range
 * here, before anything runs.
 *
 * @param values Integer, Long, Double, Boolean or enum constants, as {@link ScenarioField#parse} gives them
 */
public record SweepAxis(ScenarioField field, List<Object> values, SweepScale scale, String spec) {
    /** More values than this on one axis is a typing mistake, not a sweep. */
    public static final int MAX_VALUES = 10_000;

    public SweepAxis {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a swept field needs at least one value");
        }
    }

    /** Parses {@code FIELD=SPEC}; errors name the field, the value and what is allowed. */
    public static SweepAxis parse(String assignment) {
        String text = assignment == null ? "" : assignment.trim();
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new InvalidScenarioException("--vary '" + assignment + "' is not of the form FIELD=SPEC "
                    + "(e.g. client.readSize=10,100,4096 or client.readSize=10..65536:log:12 or client.processingDelayMs=0..50:11)");
        }
        ScenarioField field = ScenarioField.require(text.substring(0, eq).trim());
        String spec = text.substring(eq + 1).trim();
        if (spec.contains("..")) {
            return range(field, spec);
        }
        List<Object> values = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            if (part.isBlank()) {
                throw new InvalidScenarioException("--vary " + field.path() + "=" + spec
                        + ": an empty value in the list; " + field.label() + " must be " + field.allowed());
            }
            values.add(field.parse(part));
        }
        // compared as written: -0 and 0 are two doubles but one "0" in sweep.csv, where a merge finds cells by text
        List<String> texts = values.stream().map(SweepAxis::text).toList();
        if (new LinkedHashSet<>(texts).size() != texts.size()) {
            throw new InvalidScenarioException("--vary " + field.path() + "=" + spec + ": a value is listed twice");
        }
        return new SweepAxis(field, checkedCount(field, spec, values), SweepScale.LIST, spec);
    }

    private static SweepAxis range(ScenarioField field, String spec) {
        if (!field.isNumeric()) {
            throw new InvalidScenarioException("--vary " + field.path() + "=" + spec + ": " + field.label()
                    + " is not a number, list its values instead (" + field.allowed() + ", comma-separated)");
        }
        String usage = "--vary " + field.path() + "=" + spec + " is not a range: write FROM..TO:COUNT (linear) "
                + "or FROM..TO:log:COUNT (logarithmic), e.g. 10..65536:log:12";
        int dots = spec.indexOf("..");
        String[] rest = spec.substring(dots + 2).split(":", -1);
        boolean log = rest.length == 3 && rest[1].trim().toLowerCase(Locale.ROOT).equals("log");
        if (!(rest.length == 2 || log)) {
            throw new InvalidScenarioException(usage);
        }
        double from = number(field, spec.substring(0, dots));
        double to = number(field, rest[0]);
        long count;
        try {
            count = Long.parseLong(rest[rest.length - 1].trim());
        } catch (NumberFormatException e) {
            throw new InvalidScenarioException(usage);
        }
        if (count < 2 || count > MAX_VALUES) {
            throw new InvalidScenarioException("--vary " + field.path() + "=" + spec + ": the count " + count
                    + " is not allowed: a range needs 2 .. " + MAX_VALUES + " values");
        }
        if (!(from < to)) {
            throw new InvalidScenarioException("--vary " + field.path() + "=" + spec + ": the range must go up ("
                    + ScenarioField.format(from) + " is not below " + ScenarioField.format(to) + ")");
        }
        if (log && !(from > 0)) {
            throw new InvalidScenarioException("--vary " + field.path() + "=" + spec
                    + ": a log range must start above 0, got " + ScenarioField.format(from));
        }
        java.util.LinkedHashMap<String, Object> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            double f = (double) i / (count - 1);
            double v = i == count - 1 ? to : log ? from * Math.pow(to / from, f) : from + (to - from) * f;
            Object value = typed(field, v);
            values.putIfAbsent(text(value), value); // kept once as written (-0 is 0), see parse
        }
        return new SweepAxis(field, List.copyOf(values.values()), log ? SweepScale.LOG : SweepScale.LINEAR, spec);
    }

    /** A range end, parsed and range-checked as the field's own value would be. */
    private static double number(ScenarioField field, String text) {
        return ((Number) field.parse(text)).doubleValue();
    }

    private static Object typed(ScenarioField field, double v) {
        Object value = switch (field.type()) {
            case INT -> (int) Math.round(v);
            case LONG -> Math.round(v);
            default -> v;
        };
        field.check(value);
        return value;
    }

    private static List<Object> checkedCount(ScenarioField field, String spec, List<Object> values) {
        if (values.size() > MAX_VALUES) {
            throw new InvalidScenarioException("--vary " + field.path() + "=" + spec + ": " + values.size()
                    + " values, at most " + MAX_VALUES + " are allowed on one field");
        }
        return values;
    }

    /** A value as the CSV and the map's tick labels write it (as {@code --set} would accept it). */
    public static String text(Object value) {
        if (value instanceof Double d) {
            return ScenarioField.format(d);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(value);
    }

    /** The values as text, in order. */
    public List<String> valueTexts() {
        return values.stream().map(SweepAxis::text).toList();
    }

    public int size() {
        return values.size();
    }
}
