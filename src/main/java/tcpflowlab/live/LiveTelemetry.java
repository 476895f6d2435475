package tcpflowlab.live;

import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The Live engine's instrumentation channel. Three threads report (server, client, kernel
 * probe), so every call is serialized here: sinks such as the UI's single-producer recorder
 * and the CSV writer then see one producer at a time. Times come from the run's clock
 * (wall-clock nanoseconds since the run started, not counting pauses).
 */
final class LiveTelemetry {
    private final TelemetrySink[] sinks;
    private final LongSupplier clock;

    LiveTelemetry(List<TelemetrySink> sinks, LongSupplier clock) {
        this.sinks = sinks.toArray(new TelemetrySink[0]);
        this.clock = clock;
    }

    long now() {
        return clock.getAsLong();
    }

    synchronized void event(Side side, EventKind kind, Errno errno, long bytes, int connection, String detail) {
        TcpEvent e = new TcpEvent(now(), side, kind, errno, bytes, connection, detail);
        for (TelemetrySink s : sinks) {
            s.onEvent(e);
        }
    }

    /** An event the wire source timed itself (a segment's capture time). */
    synchronized void event(TcpEvent e) {
        for (TelemetrySink s : sinks) {
            s.onEvent(e);
        }
    }

    synchronized void segment(SegmentRecord r) {
        for (TelemetrySink s : sinks) {
            s.onSegment(r);
        }
    }

    synchronized void sample(Sample s) {
        for (TelemetrySink sink : sinks) {
            sink.onSample(s);
        }
    }
}
