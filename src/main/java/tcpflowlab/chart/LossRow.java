package tcpflowlab.chart;

import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
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
 * The loss counts: cumulative messages dropped (DROP) and lost on reset (written, never read)
 * on a count axis of their own, on the right of a host row (the throughput row), a marker where
 * each loss begins, and a note where the engine cannot know what a reset lost (the Live engine:
 * the kernel discards unread data without saying how much).
 */
public final class LossRow {
    /** Colours and dashes of their own (see {@link SeriesStyle}): told apart with any colour vision. */
    public static final Color DROPPED = SeriesStyle.MESSAGES_DROPPED.color();
    public static final Color LOST = SeriesStyle.MESSAGES_LOST.color();
    static final String UNKNOWN_NOTE = "lost on reset: not known to this engine (the kernel does not say what a "
            + "reset discarded); dropped messages are counted";
    private static final int MAX_LABELS = 24;

    /** The host row's dataset, renderer and range-axis index the counts use. */
    private static final int INDEX = 1;

    private final XYPlot plot;
    private final WindowedXYDataset data;
    private final NumberAxis axis;
    private final XYTitleAnnotation note;
    private ChartStyle style = ChartStyle.NORMAL;
    private boolean noteShown;
    private boolean shown = true;

    LossRow(XYPlot host, WindowedXYDataset data) {
        plot = host;
        this.data = data;
        axis = FlowChart.bytesAxis(new NumberAxis("lost (msgs)"));
        plot.setDataset(INDEX, data);
        plot.setRenderer(INDEX, FlowChart.lineRenderer());
        plot.setRangeAxis(INDEX, axis);
        plot.mapDatasetToRangeAxis(INDEX, INDEX);
        TextTitle text = new TextTitle(UNKNOWN_NOTE);
        text.setPaint(LOST);
        text.setBackgroundPaint(new Color(255, 255, 255, 220));
        note = new XYTitleAnnotation(0.01, 0.95, text, RectangleAnchor.TOP_LEFT);
    }

    /** The row the counts are drawn on. */
    XYPlot plot() {
        return plot;
    }

    /** The counts' own axis (messages), on the right of the row. */
    public NumberAxis axis() {
        return axis;
    }

    boolean owns(WindowedXYDataset d) {
        return d == data;
    }

    /** Shows or hides the counts, their axis and their markers. */
    void setShown(boolean shown) {
        plot.getRenderer(INDEX).setDefaultSeriesVisible(shown);
        axis.setVisible(shown);
        if (!shown) {
            plot.clearDomainMarkers();
            if (noteShown) {
                plot.removeAnnotation(note, false);
                noteShown = false;
            }
        }
        this.shown = shown;
    }

    void applyStyle(ChartStyle s) {
        style = s;
        axis.setLabelPaint(Color.DARK_GRAY); // the axis serves both series, so it takes neither colour
        var r = plot.getRenderer(INDEX);
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
        if (!shown) {
            return;
        }
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
