package tcpflowlab.lesson;

import tcpflowlab.engine.StopCondition;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.ArrayList;
import java.util.List;

/**
 * The lesson's ear on the run: numbers every event, hands it to the questions' watches and
 * keeps the events of the latest instant, so that at a stop the session can tell which of them
 * came after the event that made the run stop (the Model finishes the instant before pausing).
 */
final class EventTape implements TelemetrySink {
    private final List<QuantityWatch> watches;
    private final List<TcpEvent> instant = new ArrayList<>();
    private long instantFirstIndex;
    private long count;

    EventTape(List<QuantityWatch> watches) {
        this.watches = List.copyOf(watches);
    }

    @Override
    public synchronized void onEvent(TcpEvent event) {
        if (!instant.isEmpty() && instant.get(0).timeNanos() != event.timeNanos()) {
            instantFirstIndex += instant.size();
            instant.clear();
        }
        instant.add(event);
        count++;
        for (QuantityWatch w : watches) {
            w.onEvent(event);
        }
    }

    /** How many events the run has reported so far: where a step starts looking. */
    synchronized long count() {
        return count;
    }

    /**
     * The events of the latest instant after the first one, numbered from {@code since}, that
     * meets {@code stop}; none when no event met it (a stop at a run time: what happened at that
     * time happened before the pause).
     */
    synchronized List<TcpEvent> afterStop(long since, StopCondition stop) {
        int from = (int) Math.max(0, since - instantFirstIndex);
        for (int i = from; i < instant.size(); i++) {
            if (stop.matches(instant.get(i))) {
                return List.copyOf(instant.subList(i + 1, instant.size()));
            }
        }
        return List.of();
    }
}
