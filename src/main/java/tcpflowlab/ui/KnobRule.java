package tcpflowlab.ui;

import tcpflowlab.scenario.ScenarioField;

/**
 * A refused knob value said the way the knob panel says it: with the knob's label ("Read
 * size"), not the scenario file's key, and the rule ("whole numbers only", the range).
 */
final class KnobRule {
    private KnobRule() {
    }

    /** "Read size: 4.5 is not allowed. Whole numbers only, 1 .. 1048576 B." */
    static String refusal(ScenarioField f, String typed) {
        String value = typed == null || typed.isBlank() ? "an empty field" : typed.trim();
        return label(f) + ": " + value + " is not allowed. " + rule(f) + ".";
    }

    /** What the field accepts, as a sentence start: "Whole numbers only, 1 .. 1048576 B". */
    static String rule(ScenarioField f) {
        return switch (f.type()) {
            case INT, LONG -> "Whole numbers only, " + f.allowed();
            case DOUBLE -> "A number, " + f.allowed();
            case BOOLEAN -> "On or off";
            case ENUM -> "One of " + String.join(", ", f.enumConstantNames());
        };
    }

    /** A message from the scenario's checks (one field against another) with labels for keys. */
    static String inLabels(String message) {
        String text = message;
        for (ScenarioField f : ScenarioField.values()) {
            text = text.replace(f.path(), f.label());
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
