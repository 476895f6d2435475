package tcpflowlab.chart;

import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Color;
import java.util.List;

/**
 * The loss chart: cumulative messages dropped (DROP) and lost on reset (written, never read)
 * on one count axis, a marker where each loss begins, and a note where the engine cannot know
 * what a reset lost (the Live engine: the kernel discards unread data without saying how much).
 */
public final class LossRow {
    /** Okabe-Ito orange and vermillion: told apart with any colour vision, and by the dash. */
    public static final Color DROPPED = SeriesStyle.MESSAGES_DROPPED.color();
    public static final Color LOST = SeriesStyle.MESSAGES_LOST.color();
    static final String UNKNOWN_NOTE = "lost on reset: not known to this engine (the kernel does not say what a "
            + "reset discarded); dropped messages are counted";
    private static final int MAX_LABELS = 24;

    private final XYPlot plot;
    private final XYTitleAnnotation note;
    private ChartStyle style = ChartStyle.NORMAL;
    private boolean noteShown;

    LossRow(WindowedXYDataset data) {
        plot = FlowChart.bytesPlot(data, FlowChart.lineRenderer(), "lost (msgs)");
        plot.setDomainCrosshairPaint(Color.DARK_GRAY);
        plot.setDomainCrosshairLockedOnData(false);
        TextTitle text = new TextTitle(UNKNOWN_NOTE);
        text.setPaint(LOST);
        text.setBackgroundPaint(new Color(255, 255, 255, 220));
        note = new XYTitleAnnotation(0.01, 0.95, text, RectangleAnchor.TOP_LEFT);
    }

    XYPlot plot() {
        return plot;
    }

    void applyStyle(ChartStyle s) {
        style = s;
        var r = plot.getRenderer();
        r.setSeriesPaint(0, DROPPED);
        r.setSeriesStroke(0, SeriesStyle.MESSAGES_DROPPED.stroke(s.lineWidth()));
        r.setSeriesPaint(1, LOST);
        r.setSeriesStroke(1, SeriesStyle.MESSAGES_LOST.stroke(s.lineWidth()));
        ((TextTitle) note.getTitle()).setFont(s.font());
    }

    /**
     * Replaces the markers with the marks in [from, to] seconds and shows the note when the
     * lost-on-reset count is not known.
     */
    public void show(List<LossMarks.Mark> marks, double from, double to, boolean lostKnown) {
        plot.clearDomainMarkers();
        List<LossMarks.Mark> visible = marks.stream().filter(m -> m.time() >= from && m.time() <= to).toList();
        boolean labels = visible.size() <= MAX_LABELS;
        for (LossMarks.Mark m : visible) {
            Color c = m.kind() == LossMarks.Kind.DROPPING ? DROPPED : LOST;
            ValueMarker line = new ValueMarker(m.time(), c, style.marker());
            if (labels) {
                line.setLabel(m.label());
                line.setLabelFont(style.font());
                line.setLabelPaint(c);
                line.setLabelBackgroundColor(new Color(255, 255, 255, 210));
                line.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
                line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            plot.addDomainMarker(line, Layer.FOREGROUND);
        }
        if (lostKnown == noteShown) {
            if (lostKnown) {
                plot.removeAnnotation(note, false);
            } else {
                plot.addAnnotation(note, false);
            }
            noteShown = !lostKnown;
        }
    }

    /** Whether the "not known" note is on the chart. */
    public boolean showsUnknownNote() {
        return noteShown;
    }
}
