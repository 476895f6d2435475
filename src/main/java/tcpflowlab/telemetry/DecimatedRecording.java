package tcpflowlab.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A run's samples and events kept in bounded memory, for drawing the run again later (a pinned
 * reference, a diff's overlay): at most {@code sampleBudget} samples, thinned evenly over the
 * whole run, and the first {@code eventBudget} events a filter keeps. Thinning keeps every
 * {@code stride}-th sample and doubles the stride each time the budget fills, so memory never
 * grows past the budget whatever the run's length; the last sample is always kept, so the
 * drawn run reaches its end. Peaks between kept samples may be missed: the numbers compared
 * come from the run's summary, not from these points. Safe to feed from one thread and read
 * from another.
 */
public final class DecimatedRecording implements TelemetrySink {
    /**
     * Samples kept per run (each sample carries every series, so also points per series):
     * 20,000 points draw in a few milliseconds and cost about 2.4 MB, and a line chart under
     * 2,000 px wide cannot show more.
     */
    public static final int SAMPLE_BUDGET = 20_000;
    /** Events kept per run: the markers a chart can draw are far fewer. */
    public static final int EVENT_BUDGET = 20_000;

    private final int sampleBudget;
    private final int eventBudget;
    private final Predicate<EventKind> keep;
    private final List<Sample> samples = new ArrayList<>();
    private final List<TcpEvent> events = new ArrayList<>();
    private long stride = 1;
    private long seen;
    private Sample last;
    private long eventsLeftOut;
    private long firstConnect = FirstConnect.NEVER;

    public DecimatedRecording(Predicate<EventKind> keep) {
        this(SAMPLE_BUDGET, EVENT_BUDGET, keep);
    }

    public DecimatedRecording(int sampleBudget, int eventBudget, Predicate<EventKind> keep) {
        if (sampleBudget < 2 || eventBudget < 0) {
            throw new IllegalArgumentException("sample budget must be >= 2 and event budget >= 0, got "
                    + sampleBudget + " and " + eventBudget);
        }
        this.sampleBudget = sampleBudget;
        this.eventBudget = eventBudget;
        this.keep = keep;
    }

    @Override
    public synchronized void onSample(Sample s) {
        last = s;
        if (seen++ % stride != 0) {
            return;
        }
        samples.add(s);
        // one place is left for the last sample
        if (samples.size() >= sampleBudget - 1) {
            int kept = 0;
            for (int i = 0; i < samples.size(); i += 2) {
                samples.set(kept++, samples.get(i));
            }
            samples.subList(kept, samples.size()).clear();
            stride *= 2;
        }
    }

    @Override
    public synchronized void onEvent(TcpEvent e) {
        // kept whatever the filter, so runs of different engines can be lined up when compared
        if (FirstConnect.isClientConnect(e) && (firstConnect == FirstConnect.NEVER || e.timeNanos() < firstConnect)) {
            firstConnect = e.timeNanos();
        }
        if (!keep.test(e.kind())) {
            return;
        }
        if (events.size() < eventBudget) {
            events.add(e);
        } else {
            eventsLeftOut++;
        }
    }

    /** The kept samples in time order, the run's last sample included. */
    public synchronized List<Sample> samples() {
        List<Sample> out = new ArrayList<>(samples.size() + 1);
        out.addAll(samples);
        if (last != null && (samples.isEmpty() || samples.get(samples.size() - 1) != last)) {
            out.add(last);
        }
        return out;
    }

    /** The kept events in time order. */
    public synchronized List<TcpEvent> events() {
        return List.copyOf(events);
    }

    /** When the run's client first connected, nanoseconds since its start, or {@link FirstConnect#NEVER}. */
    public synchronized long firstConnectNanos() {
        return firstConnect;
    }

    /** Samples the run produced, kept or not. */
    public synchronized long samplesSeen() {
        return seen;
    }

    /** Events the filter kept but the budget had no room for. */
    public synchronized long eventsLeftOut() {
        return eventsLeftOut;
    }

    public synchronized void clear() {
        samples.clear();
        events.clear();
        stride = 1;
        seen = 0;
        last = null;
        eventsLeftOut = 0;
        firstConnect = FirstConnect.NEVER;
    }
}
