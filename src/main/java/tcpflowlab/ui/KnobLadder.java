package tcpflowlab.ui;

import tcpflowlab.scenario.ScenarioField;

import java.util.ArrayList;
import java.util.List;

/**
 * The round values a knob's slider stops at, from its {@link ScenarioField}'s range: powers of
 * two for sizes a program asks for (read sizes), 1-2-5 steps of the field's unit elsewhere. The
 * slider moves over the positions 0, 1, 2 ... of this ladder, so a drag always lands on a round
 * value (4096, not 4180), and the ends are the field's own minimum and maximum.
 */
record KnobLadder(List<Double> steps) {
    private static final double[] ONE_TWO_FIVE = {1, 2, 5};

    KnobLadder {
        steps = List.copyOf(steps);
        if (steps.size() < 2) {
            throw new IllegalArgumentException("a ladder needs at least two steps: " + steps);
        }
    }

    /** min, the powers of two between, max. */
    static KnobLadder powersOfTwo(ScenarioField f) {
        List<Double> steps = new ArrayList<>();
        steps.add(f.min());
        for (double v = Math.max(1, Math.pow(2, Math.floor(log2(Math.max(f.min(), 1))))); v < f.max(); v *= 2) {
            if (v > f.min()) {
                steps.add(v);
            }
        }
        steps.add(f.max());
        return new KnobLadder(steps);
    }

    /** min, the 1-2-5 values between (from one unit up when min is 0), max. */
    static KnobLadder oneTwoFive(ScenarioField f) {
        List<Double> steps = new ArrayList<>();
        steps.add(f.min());
        double lowest = f.min() > 0 ? f.min() : 1;
        // whole exponents: multiplying a decade by 10 again and again drifts (0.001 * 10 * 10 != 0.1)
        for (int e = (int) Math.floor(Math.log10(lowest)); Math.pow(10, e) < f.max(); e++) {
            double decade = Math.pow(10, e);
            for (double m : ONE_TWO_FIVE) {
                double v = m * decade;
                if (v > f.min() && v < f.max()) {
                    steps.add(v);
                }
            }
        }
        steps.add(f.max());
        return new KnobLadder(steps);
    }

    int lastPosition() {
        return steps.size() - 1;
    }

    /** The step at the nearest whole position: a slider's raw position, snapped. */
    double valueAt(double position) {
        long i = Math.round(position);
        return steps.get((int) Math.max(0, Math.min(lastPosition(), i)));
    }

    /**
     * Where a value sits on the ladder: a whole position on a step, a fraction between two
     * (log scale, linear next to 0), so a typed 100 B puts the thumb between 64 and 128.
     */
    double positionOf(double value) {
        if (value <= steps.get(0)) {
            return 0;
        }
        for (int i = 0; i < lastPosition(); i++) {
            double lo = steps.get(i);
            double hi = steps.get(i + 1);
            if (value <= hi) {
                double fraction = lo > 0 ? Math.log(value / lo) / Math.log(hi / lo) : (value - lo) / (hi - lo);
                return i + fraction;
            }
        }
        return lastPosition();
    }

    /** The round value nearest (on the slider) to {@code value}. */
    double snap(double value) {
        return valueAt(positionOf(value));
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
