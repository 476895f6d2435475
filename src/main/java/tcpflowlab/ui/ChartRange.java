package tcpflowlab.ui;

import tcpflowlab.chart.FlowChart;
import tcpflowlab.chart.SampleColumn;
import tcpflowlab.telemetry.TcpEvent;

import java.util.List;

/**
 * Puts a time range on the charts together with exactly the markers of that range (zero-window
 * bands, window updates, probes, errors, knob changes, losses). The screen and every chart export draw
 * through it, so an export of "whole run" carries every marker of the run and one of the current
 * view carries what the screen shows.
 */
final class ChartRange {
    private final FlowChart chart;
    private final FrameData data;

    ChartRange(FlowChart chart, FrameData data) {
        this.chart = chart;
        this.data = data;
    }

    /** Shows [from, to] seconds on a plot about {@code pixelColumns} wide, with that range's markers. */
    void show(double from, double to, int pixelColumns) {
        chart.show(from, to, pixelColumns);
        List<TcpEvent> marked = data.markedEvents();
        int lo = lowerBound(marked, from);
        int hi = lowerBound(marked, Math.nextUp(to));
        chart.markers().show(marked.subList(lo, hi), data.zeroWindowSpans(), from, to, data.history().lastTime());
        chart.showReferenceMarkers(from, to);
        chart.evidence().show(from, to);
        boolean lostKnown = data.history().isEmpty() || !Double.isNaN(data.history().latest(SampleColumn.MESSAGES_LOST));
        chart.losses().show(data.lossMarks(), from, to, lostKnown);
    }

    /** The whole run's range in seconds, {first sample, last sample}; null before the first sample. */
    double[] wholeRun() {
        if (data.history().isEmpty()) {
            return null;
        }
        double from = data.history().firstTime();
        return new double[] {from, Math.max(data.history().lastTime(), from + 1e-3)};
    }

    private static int lowerBound(List<TcpEvent> events, double t) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).timeNanos() / 1e9 < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
