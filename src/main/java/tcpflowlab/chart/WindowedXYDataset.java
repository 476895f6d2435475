package tcpflowlab.chart;

import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

import java.util.List;

/**
 * A JFreeChart dataset that shows some columns of a {@link SampleHistory} over a time window,
 * without copying: at full resolution when the window lies within the recent ring, otherwise
 * as the min/max envelope of the decimated history (two points per bucket). The frame loop
 * calls {@link #show} and then {@link #publish()} once per frame, so the chart redraws once
 * per frame however many samples arrived (DESIGN.md: XYSeries costs O(window) per add).
 */
public final class WindowedXYDataset extends AbstractXYDataset {
    private final SampleHistory history;
    private final List<SampleColumn> columns;
    private boolean fullResolution = true;
    private int first;
    private int count;

    public WindowedXYDataset(SampleHistory history, List<SampleColumn> columns) {
        this.history = history;
        this.columns = List.copyOf(columns);
    }

    /** Chooses what to show for the window [from, to] seconds; does not notify. */
    public void show(double from, double to) {
        if (history.isEmpty()) {
            count = 0;
            return;
        }
        if (from >= history.oldestRecentTime()) {
            fullResolution = true;
            first = history.recentLowerBound(from);
            int end = history.recentLowerBound(Math.nextUp(to));
            // one point either side keeps the line running to the plot's edges
            first = Math.max(0, first - 1);
            end = Math.min(history.recentSize(), end + 1);
            count = Math.max(0, end - first);
        } else {
            fullResolution = false;
            first = history.bucketLowerBound(from);
            int end = history.bucketLowerBound(Math.nextUp(to));
            end = Math.min(history.bucketCount(), end + 1);
            count = Math.max(0, 2 * (end - first));
        }
    }

    /** Tells listeners (the chart) that the data changed: one redraw. */
    public void publish() {
        fireDatasetChanged();
    }

    public boolean isFullResolution() {
        return fullResolution;
    }

    public List<SampleColumn> columns() {
        return columns;
    }

    @Override
    public int getSeriesCount() {
        return columns.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int series) {
        return columns.get(series).label();
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    @Override
    public int getItemCount(int series) {
        return count;
    }

    @Override
    public Number getX(int series, int item) {
        return getXValue(series, item);
    }

    @Override
    public double getXValue(int series, int item) {
        if (fullResolution) {
            return history.recentTimeAt(first + item);
        }
        int b = first + item / 2;
        return history.bucketStartAt(b) + ((item & 1) == 0 ? 0 : history.bucketWidth() / 2);
    }

    @Override
    public Number getY(int series, int item) {
        return getYValue(series, item);
    }

    @Override
    public double getYValue(int series, int item) {
        int column = columns.get(series).ordinal();
        if (fullResolution) {
            return history.recentValueAt(column, first + item);
        }
        int b = first + item / 2;
        return (item & 1) == 0 ? history.bucketMinAt(column, b) : history.bucketMaxAt(column, b);
    }
}
