package tcpflowlab.chart;

import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import tcpflowlab.telemetry.Sample;

import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A pinned run drawn under the live one on the flow charts: its send and receive queues and
 * window in its {@link OverlayRun.Look} (faded, dashed), its zero-window periods and markers
 * through {@link OverlayChart}'s own drawing, on the same time axis. Its datasets hold the
 * pinned run's points whole (a bounded recording, see {@code DecimatedRecording}).
 */
public final class ReferenceLayer {
    /** Dataset slots after the live ones: the queues row has two (send, receive), the window row one. */
    private static final int SEND_SLOT = 2;
    private static final int RECEIVE_SLOT = 3;
    private static final int WINDOW_SLOT = 1;
    /** Window updates and probes of the reference drawn per view at most, as the live markers. */
    private static final int MAX_LINES = 400;

    /** One reference series: the plot slot it goes in, what it draws, its colour. */
    private record Line(SeriesStyle series, int slot, boolean onQueues, ToLongFunction<Sample> value) {
    }

    private static final List<Line> LINES = List.of(
            new Line(SeriesStyle.SEND_QUEUE, SEND_SLOT, true, Sample::serverSendQueue),
            new Line(SeriesStyle.RECEIVE_QUEUE, RECEIVE_SLOT, true, Sample::clientReceiveQueue),
            new Line(SeriesStyle.WINDOW, WINDOW_SLOT, false, Sample::advertisedWindow));

    private final XYPlot queues;
    private final XYPlot window;
    private OverlayRun run;
    private ChartStyle style = ChartStyle.NORMAL;

    ReferenceLayer(XYPlot queues, XYPlot window) {
        this.queues = queues;
        this.window = window;
    }

    /** Draws {@code reference} from now on, replacing any other. */
    void set(OverlayRun reference) {
        run = reference;
        for (Line line : LINES) {
            XYPlot plot = line.onQueues() ? queues : window;
            DefaultXYDataset data = new DefaultXYDataset();
            data.addSeries(legendLabel(line), OverlayChart.series(reference.samples(), line.value()));
            SamplingXYLineRenderer renderer = FlowChart.lineRenderer();
            plot.setRenderer(line.slot(), renderer);
            plot.setDataset(line.slot(), data);
            // the reference's receive queue on the live receive queue's scale (the right axis)
            plot.mapDatasetToRangeAxis(line.slot(), line.series() == SeriesStyle.RECEIVE_QUEUE ? 1 : 0);
        }
        applyStyle(style);
    }

    /** Removes the reference's lines; its markers go at the next {@link #showMarkers}. */
    void clear() {
        run = null;
        for (Line line : LINES) {
            XYPlot plot = line.onQueues() ? queues : window;
            plot.setDataset(line.slot(), null);
            plot.setRenderer(line.slot(), null);
        }
    }

    /** The run drawn, or null. */
    public OverlayRun run() {
        return run;
    }

    void applyStyle(ChartStyle s) {
        style = s;
        if (run == null) {
            return;
        }
        for (Line line : LINES) {
            XYPlot plot = line.onQueues() ? queues : window;
            plot.getRenderer(line.slot()).setSeriesPaint(0, run.look().paint(line.series().color()));
            plot.getRenderer(line.slot()).setSeriesStroke(0, run.look().line(s));
        }
    }

    /**
     * Adds the reference's zero-window shading and markers in [from, to] seconds; called after
     * the live markers were replaced, which clears the plots' markers.
     */
    void showMarkers(double from, double to) {
        if (run == null) {
            return;
        }
        OverlayChart.shade(run, queues, window, from, to);
        // labels along the bottom, so they never cover the live run's, which stack from the top
        OverlayChart.mark(List.of(run), queues, window, style,
                new OverlayChart.MarkerLayout(from, to, MAX_LINES, true));
    }

    /** The legend's items for the reference, after the live ones. */
    List<LegendItem> legendItems() {
        List<LegendItem> items = new ArrayList<>();
        if (run == null) {
            return items;
        }
        Line2D swatch = new Line2D.Double(-14, 0, 14, 0);
        for (Line line : LINES) {
            var color = run.look().paint(line.series().color());
            items.add(new LegendItem(legendLabel(line), legendLabel(line), null, null, false, swatch, false, color,
                    false, color, style.solid(), true, swatch, run.look().line(style), color));
        }
        return items;
    }

    private String legendLabel(Line line) {
        return run.name() + " " + line.series().label();
    }
}
