package tcpflowlab.chart;

import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.TcpEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the run lost messages, for markers on the loss chart: each time the server starts
 * dropping (a DROP event with EAGAIN) and each time a connection ended with messages unread
 * (the lost-on-reset count steps up between two samples). Keeps the newest {@code max} marks.
 */
public final class LossMarks {
    /** What kind of loss a mark shows. */
    public enum Kind { DROPPING, LOST_ON_RESET }

    /** One mark: a time in seconds, its kind and its label. */
    public record Mark(double time, Kind kind, String label) {
    }

    private final int max;
    private final List<Mark> marks = new ArrayList<>();
    private long lost;

    public LossMarks(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max marks must be >= 1, got " + max);
        }
        this.max = max;
    }

    /** Follows one event, in time order. */
    public void add(TcpEvent e) {
        if (e.kind() == EventKind.DROP && e.errno() != null) {
            mark(new Mark(e.timeNanos() / 1e9, Kind.DROPPING, "dropping (DROP)"));
        }
    }

    /** Follows one sample, in time order. */
    public void add(Sample s) {
        long now = s.messagesLost();
        if (now != Sample.UNKNOWN && now > lost) {
            mark(new Mark(s.timeNanos() / 1e9, Kind.LOST_ON_RESET,
                    String.format(Locale.ROOT, "+%,d lost", now - lost)));
        }
        if (now != Sample.UNKNOWN) {
            lost = now;
        }
    }

    private void mark(Mark m) {
        if (marks.size() == max) {
            marks.remove(0);
        }
        marks.add(m);
    }

    /** The marks, oldest first. */
    public List<Mark> marks() {
        return marks;
    }

    public void clear() {
        marks.clear();
        lost = 0;
    }
}
