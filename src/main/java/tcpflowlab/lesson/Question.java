package tcpflowlab.lesson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A question asked at a step's stop. With choices it is multiple choice (the run's answer must
 * be one of them); without, a number judged right within {@code tolerance}. The answer is never
 * in the file: {@code quantity} says what to compute from the run. {@code expect} is what the
 * lesson's text assumes the answer is; only {@code lesson check} compares it with the run.
 *
 * @param explain Markdown shown after Reveal, empty for none
 */
public record Question(String prompt, List<String> choices, double tolerance, Quantity quantity, String expect,
                       String explain) {
    public Question {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(quantity, "quantity");
        choices = List.copyOf(choices);
        explain = explain == null ? "" : explain;
        if (choices.isEmpty() && !quantity.numeric()) {
            throw new IllegalArgumentException("a question about " + quantity.describe() + " needs choices");
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be 0 or more, got " + tolerance);
        }
    }

    public boolean isChoice() {
        return !choices.isEmpty();
    }

    public Optional<String> expected() {
        return Optional.ofNullable(expect);
    }

    /**
     * Whether {@code prediction} is right: the same choice, or a number within the tolerance
     * ("3", "0.17", "0,17" all read as numbers). A prediction that is not a number is wrong.
     */
    public boolean judge(String prediction, Answer answer) {
        if (prediction == null) {
            return false;
        }
        String p = prediction.strip();
        if (isChoice()) {
            return p.equals(answer.text());
        }
        // "5,680" is 5680 as the lessons write numbers, or 5.68 with a decimal comma: either reading counts
        return java.util.stream.Stream.of(number(p), grouped(p)).flatMap(Optional::stream)
                .anyMatch(v -> Math.abs(v - answer.number()) <= tolerance + 1e-9 * Math.max(1, Math.abs(answer.number())));
    }

    /** A number with its digits in groups of three ("131,072", "131 072"), or empty when it is not written so. */
    static Optional<Double> grouped(String text) {
        String t = text.strip();
        if (!t.matches("[-+]?\\d{1,3}([, \u00a0\u202f]\\d{3})+(\\.\\d*)?")) {
            return Optional.empty();
        }
        return number(t.replaceAll("[, \u00a0\u202f]", ""));
    }

    /** A prediction typed as a number: a dot or a comma as decimal separator, nothing else. */
    public static Optional<Double> number(String text) {
        String t = text.strip().replace(',', '.');
        if (!t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?")) {
            return Optional.empty();
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
    }

    /** A number as answers and the summary write it: at most 6 decimals, no trailing zeros. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
