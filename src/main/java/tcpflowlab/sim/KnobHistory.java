package tcpflowlab.sim;

import tcpflowlab.engine.KnobChangeAt;

import java.util.ArrayList;
import java.util.List;

/**
 * The knob changes a Model run has applied, in order: appended on the engine's thread, read
 * from any thread (the app copies it to branch or to write a moment file).
 */
final class KnobHistory {
    private final List<KnobChangeAt> applied = new ArrayList<>();

    synchronized void add(KnobChangeAt change) {
        applied.add(change);
    }

    /** The changes that took effect at or before run time {@code t}. */
    synchronized List<KnobChangeAt> upTo(long t) {
        return applied.stream().filter(c -> c.atNanos() <= t).toList();
    }
}
