package tcpflowlab.sim;

import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.List;

/** The model's single instrumentation channel: stamps events with virtual time, fans out to sinks. */
public final class Telemetry {
    private final Simulator sim;
    private final TelemetrySink[] sinks;
    private final boolean payloads;
    private final boolean segmentsWanted;
    /** Sees the telemetry while a run is stepped to a condition; null otherwise. */
    private TelemetrySink watch;

    public Telemetry(Simulator sim, List<TelemetrySink> sinks) {
        this.sim = sim;
        this.sinks = sinks.toArray(new TelemetrySink[0]);
        this.payloads = sinks.stream().anyMatch(TelemetrySink::wantsPayloads);
        this.segmentsWanted = !sinks.isEmpty();
    }

    public void event(Side side, EventKind kind, Errno errno, long bytes, int connection, String detail) {
        TcpEvent e = new TcpEvent(sim.now(), side, kind, errno, bytes, connection, detail);
        for (TelemetrySink s : sinks) {
            s.onEvent(e);
        }
        if (watch != null) {
            watch.onEvent(e);
        }
    }

    public void segment(SegmentRecord record) {
        for (TelemetrySink s : sinks) {
            s.onSegment(record);
        }
        if (watch != null) {
            watch.onSegment(record);
        }
    }

    public void sample(Sample sample) {
        for (TelemetrySink s : sinks) {
            s.onSample(sample);
        }
    }

    /** Shows events and segments to {@code w} too, or to nothing more with null. */
    void watch(TelemetrySink w) {
        this.watch = w;
    }

    public boolean wantsPayloads() {
        return payloads;
    }

    public boolean wantsSegments() {
        return segmentsWanted;
    }

    public long now() {
        return sim.now();
    }
}
