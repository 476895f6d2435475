package tcpflowlab.ui;

import tcpflowlab.engine.StopCondition;
import tcpflowlab.telemetry.EventKind;

import java.util.ArrayList;
import java.util.List;

/** One entry of the Step size box: what a press of Step runs until, and its name in the box. */
record StepChoice(String label, StopCondition condition) {
    static final StepChoice NEXT_EVENT = new StepChoice("next event", StopCondition.nextEvent());

    /** Next event, next segment, either, 1 ms, 10 ms, then the next event of each kind. */
    static List<StepChoice> all() {
        List<StepChoice> all = new ArrayList<>(List.of(NEXT_EVENT,
                new StepChoice("next segment", StopCondition.nextSegment()),
                new StepChoice("event or segment", StopCondition.nextEventOrSegment()),
                new StepChoice("1 ms", StopCondition.after(1_000_000)),
                new StepChoice("10 ms", StopCondition.after(10_000_000))));
        for (EventKind k : EventKind.values()) {
            if (k != EventKind.RUN_END) {
                all.add(new StepChoice("next " + k, StopCondition.nextEventOf(k)));
            }
        }
        return all;
    }

    @Override
    public String toString() {
        return label;
    }
}
