package tcpflowlab.sweep;

import tcpflowlab.chart.ZeroWindowPeriods;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.telemetry.FlowLimit;
import tcpflowlab.telemetry.FlowLimitShares;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Measures, in constant memory, what a sweep cell needs beyond the run's {@link RunSummary}:
 * the time at a zero window (the same periods the charts shade), the peak spill depth, and
 * the share of time each {@link FlowLimit} held the sender back (see {@link FlowLimitShares}).
 */
public final class CellMeter implements TelemetrySink {
    private final ZeroWindowPeriods zeroWindow = new ZeroWindowPeriods(1);
    private final FlowLimitShares limits = new FlowLimitShares();
    private long peakSpill;

    @Override
    public void onEvent(TcpEvent e) {
        zeroWindow.add(e);
    }

    @Override
    public void onSegment(SegmentRecord s) {
        // segments are counted by the run's summary
    }

    @Override
    public void onSample(Sample s) {
        limits.onSample(s);
        peakSpill = Math.max(peakSpill, s.spillDepthBytes());
    }

    /** Every metric of the finished run {@code summary} was metered alongside. */
    public CellResult result(int index, List<Object> values, RunSummary summary) {
        double seconds = summary.durationNanos() / 1e9;
        Map<SweepMetric, Double> m = new EnumMap<>(SweepMetric.class);
        m.put(SweepMetric.FIRST_ZERO_WINDOW, secondsOrNever(summary.firstZeroWindowNanos()));
        m.put(SweepMetric.FIRST_EAGAIN, secondsOrNever(summary.firstEagainNanos()));
        m.put(SweepMetric.FIRST_RST, secondsOrNever(summary.firstRstNanos()));
        m.put(SweepMetric.RESETS_PER_MINUTE, seconds > 0 ? summary.resets() * 60.0 / seconds : 0.0);
        m.put(SweepMetric.ZERO_WINDOW_SHARE, seconds > 0 ? Math.min(1.0, zeroWindow.totalSeconds(seconds) / seconds) : 0.0);
        m.put(SweepMetric.GOODPUT, seconds > 0 ? summary.bytesRead() / seconds : 0.0);
        m.put(SweepMetric.MESSAGES_DROPPED, (double) summary.messagesDropped());
        m.put(SweepMetric.MESSAGES_LOST, (double) summary.messagesLost());
        m.put(SweepMetric.PEAK_SEND_QUEUE, (double) summary.peakServerSendQueue());
        m.put(SweepMetric.PEAK_RECEIVE_QUEUE, (double) summary.peakClientReceiveQueue());
        m.put(SweepMetric.PROBES, (double) summary.zeroWindowProbes());
        m.put(SweepMetric.PEAK_SPILL_DEPTH, (double) peakSpill);
        for (SweepMetric metric : SweepMetric.values()) {
            metric.flowLimit().ifPresent(limit -> m.put(metric, limits.share(limit)));
        }
        return new CellResult(index, values, summary.outcome(), m);
    }

    private static double secondsOrNever(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e9;
    }
}
