package tcpflowlab.ui;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import tcpflowlab.chart.EventMarkers.ZeroWindowSpan;
import tcpflowlab.chart.SampleHistory;
import tcpflowlab.chart.ZeroWindowPeriods;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.TcpEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * What the views show of the current run (of either engine), updated once per frame on the FX thread, in bounded memory: the sample
 * history behind the charts, the event log (the newest {@link #MAX_LOG} events; the whole log
 * is in the data export), the events drawn on the charts and the zero-window periods.
 */
public final class FrameData {
    static final int MAX_LOG = 50_000;
    static final int MAX_MARKED = 100_000;
    static final int MAX_SPANS = 20_000;

    private final SampleHistory history = new SampleHistory();
    private final ObservableList<TcpEvent> log = FXCollections.observableArrayList();
    private final List<TcpEvent> marked = new ArrayList<>();
    private final ZeroWindowPeriods zeroWindows = new ZeroWindowPeriods(MAX_SPANS);
    private final tcpflowlab.chart.LossMarks lossMarks = new tcpflowlab.chart.LossMarks(MAX_SPANS);
    private final List<TcpEvent> pending = new ArrayList<>();
    /** The run once more, thinned to a fixed budget: what "Pin as reference" keeps. */
    private final tcpflowlab.telemetry.DecimatedRecording recording =
            new tcpflowlab.telemetry.DecimatedRecording(tcpflowlab.chart.OverlayRun::drawsFrom);
    private final java.util.ArrayDeque<tcpflowlab.telemetry.SegmentRecord> segments = new java.util.ArrayDeque<>();
    private long segmentsSeen;
    static final int LADDER_SEGMENTS = 300;
    private long eventsSeen;
    private long logTrimmed;

    public SampleHistory history() {
        return history;
    }

    public ObservableList<TcpEvent> log() {
        return log;
    }

    public List<TcpEvent> markedEvents() {
        return marked;
    }

    public List<ZeroWindowSpan> zeroWindowSpans() {
        return zeroWindows.spans();
    }

    /** Where the run began to drop messages or lost them on a reset. */
    public List<tcpflowlab.chart.LossMarks.Mark> lossMarks() {
        return lossMarks.marks();
    }

    public long eventsSeen() {
        return eventsSeen;
    }

    /** Events no longer in the on-screen log (still in the data export). */
    public long logTrimmed() {
        return logTrimmed;
    }

    void addSegment(tcpflowlab.telemetry.SegmentRecord s) {
        segmentsSeen++;
        if (segments.size() == LADDER_SEGMENTS) {
            segments.pollFirst();
        }
        segments.addLast(s);
    }

    /** The last segments, oldest first (for the ladder view). */
    public List<tcpflowlab.telemetry.SegmentRecord> recentSegments() {
        return new ArrayList<>(segments);
    }

    public long segmentsSeen() {
        return segmentsSeen;
    }

    /** The current run in bounded memory, for pinning it as a reference. */
    public tcpflowlab.telemetry.DecimatedRecording recording() {
        return recording;
    }

    void addSample(Sample s) {
        history.add(s);
        recording.onSample(s);
        lossMarks.add(s);
    }

    /** Buffers an event; {@link #flushEvents()} adds the frame's batch to the log at once. */
    void addEvent(TcpEvent e) {
        eventsSeen++;
        pending.add(e);
        zeroWindows.add(e);
        lossMarks.add(e);
        recording.onEvent(e);
        if (tcpflowlab.chart.EventMarkers.isMarked(e.kind())) {
            if (marked.size() == MAX_MARKED) {
                marked.subList(0, MAX_MARKED / 10).clear();
            }
            marked.add(e);
        }
    }

    /** Whether events wait to be added to the log. */
    boolean hasPendingEvents() {
        return !pending.isEmpty();
    }

    /** Appends this frame's events to the log in one change (one table update). */
    boolean flushEvents() {
        if (pending.isEmpty()) {
            return false;
        }
        log.addAll(pending);
        pending.clear();
        int over = log.size() - MAX_LOG;
        if (over > 0) {
            log.remove(0, over);
            logTrimmed += over;
        }
        return true;
    }

    void clear() {
        segments.clear();
        segmentsSeen = 0;
        history.clear();
        log.clear();
        marked.clear();
        zeroWindows.clear();
        lossMarks.clear();
        recording.clear();
        pending.clear();
        eventsSeen = 0;
        logTrimmed = 0;
    }
}
