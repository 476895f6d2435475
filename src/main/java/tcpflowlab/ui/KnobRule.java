package tcpflowlab.ui;

import tcpflowlab.scenario.ScenarioField;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refused knob value said the way the knob panel says it: with the knob's label ("Read
 * size"), not the scenario file's key, and the rule ("whole numbers only", the range).
 */
final class KnobRule {
    private KnobRule() {
    }

    /** "Read size: 4.5 is not allowed; 1 .. 1048576 B, whole numbers only". */
    static String refusal(ScenarioField f, String typed) {
        String value = typed == null || typed.isBlank() ? "an empty field" : typed.trim();
        return label(f) + ": " + value + " is not allowed; " + rule(f);
    }

    /** What the field accepts: "1 .. 1048576 B, whole numbers only", "a number, 0 .. 2000 ms". */
    static String rule(ScenarioField f) {
        return switch (f.type()) {
            case INT, LONG -> f.allowed() + ", whole numbers only";
            case DOUBLE -> "a number, " + f.allowed();
            case BOOLEAN, ENUM -> f.allowed();
        };
    }

    /**
     * A message from the scenario's checks (one field against another) with each field's key
     * replaced by its label.
     */
    static String inLabels(String message) {
        String text = message;
        for (ScenarioField f : ScenarioField.values()) {
            // whole keys only: client.reconnect is also the start of client.reconnectBackoffMs
            text = text.replaceAll(Pattern.quote(f.path()) + "(?![A-Za-z0-9_])", Matcher.quoteReplacement(f.label()));
        }
        return capitalise(text);
    }

    static String label(ScenarioField f) {
        return capitalise(f.label());
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
