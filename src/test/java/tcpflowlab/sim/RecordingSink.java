package tcpflowlab.sim;

import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Keeps everything a run reports, for assertions. */
public final class RecordingSink implements TelemetrySink {
    public final List<Sample> samples = new ArrayList<>();
    public final List<TcpEvent> events = new ArrayList<>();
    public final List<SegmentRecord> segments = new ArrayList<>();

    @Override
    public void onSample(Sample sample) {
        samples.add(sample);
    }

    @Override
    public void onEvent(TcpEvent event) {
        events.add(event);
    }

    @Override
    public void onSegment(SegmentRecord segment) {
        segments.add(segment);
    }

    public List<TcpEvent> events(Predicate<TcpEvent> p) {
        return events.stream().filter(p).toList();
    }

    public List<TcpEvent> events(EventKind kind) {
        return events(e -> e.kind() == kind);
    }

    public TcpEvent first(int connection, Side side, EventKind kind) {
        return events.stream().filter(e -> e.connection() == connection && e.side() == side && e.kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " by " + side
                        + " on connection " + connection + " in " + events.size() + " events"));
    }

    /** Events as CSV-like lines, for comparing two runs. */
    public List<String> eventLines() {
        return events.stream().map(e -> e.timeNanos() + "," + e.connection() + "," + e.side() + "," + e.kind()
                + "," + e.errno() + "," + e.bytes() + "," + e.detail()).toList();
    }
}
