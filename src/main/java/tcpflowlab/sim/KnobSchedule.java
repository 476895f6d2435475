package tcpflowlab.sim;

import tcpflowlab.engine.KnobChangeAt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Knob changes a recomputed run applies again where the original applied them. Read on the
 * engine's thread only; {@link ModelEngine#dropKnobSchedule()} swaps in {@link #NONE} once the
 * replay has reached the branch point, so the user's own changes govern from there on.
 */
final class KnobSchedule {
    static final KnobSchedule NONE = new KnobSchedule(List.of());

    private final List<KnobChangeAt> changes;
    private int next;

    KnobSchedule(List<KnobChangeAt> changes) {
        List<KnobChangeAt> sorted = new ArrayList<>(changes);
        // stable: changes applied at one call keep their order
        sorted.sort(Comparator.comparingLong(KnobChangeAt::atNanos).thenComparingInt(KnobChangeAt::callAtInstant));
        this.changes = List.copyOf(sorted);
    }

    /**
     * The run time of the next change: no application loop may run inline or skip ahead to it,
     * so the call the change belongs to happens as a call of its own, as in the original.
     */
    long nextTime() {
        return next < changes.size() ? changes.get(next).atNanos() : Long.MAX_VALUE;
    }

    /** The changes due at this socket call, in the order the original applied them; removed from the schedule. */
    List<KnobChangeAt> takeDue(long now, int call) {
        int from = next;
        while (next < changes.size() && changes.get(next).dueAt(now, call)) {
            next++;
        }
        return changes.subList(from, next);
    }

    boolean isEmpty() {
        return next >= changes.size();
    }
}
