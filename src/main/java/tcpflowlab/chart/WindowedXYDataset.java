package tcpflowlab.chart;

import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

import java.util.List;

/**
 * A JFreeChart dataset that shows some columns of a {@link SampleHistory} over a time window:
 * at full resolution when the window lies within the recent ring and holds few enough points,
 * otherwise as a min/max envelope (two points per pixel column, or per history bucket). The
 * envelope is what SamplingXYLineRenderer would draw from the full data anyway; computing it
 * here from primitive arrays, once per frame, spares the renderer and the axis autorange a pass
 * over every point of every series (the profile in BENCHMARKS.md). The frame loop calls
 * {@link #show} then {@link #publish()} once per frame, so the chart redraws once per frame.
 */
public final class WindowedXYDataset extends AbstractXYDataset {
    /** Where the points come from this frame. */
    private enum Source { RECENT, ENVELOPE, HISTORY }

    /** Pixel columns assumed when the caller does not say (wider than any plot on screen). */
    public static final int DEFAULT_COLUMNS = 2048;

    private final SampleHistory history;
    private final List<SampleColumn> columns;
    private final int[] column;
    private Source source = Source.RECENT;
    private int first;
    private int count;
    private double[] envX = new double[0];
    private double[][] envY;

    public WindowedXYDataset(SampleHistory history, List<SampleColumn> columns) {
        this.history = history;
        this.columns = List.copyOf(columns);
        this.column = columns.stream().mapToInt(Enum::ordinal).toArray();
        this.envY = new double[column.length][0];
    }

    /** Chooses what to show for the window [from, to] seconds; does not notify. */
    public void show(double from, double to) {
        show(from, to, DEFAULT_COLUMNS);
    }

    /**
     * Chooses what to show for the window [from, to] seconds on a plot about
     * {@code pixelColumns} wide; does not notify.
     */
    public void show(double from, double to, int pixelColumns) {
        if (history.isEmpty()) {
            count = 0;
            return;
        }
        if (from >= history.oldestRecentTime()) {
            first = history.recentLowerBound(from);
            int end = history.recentLowerBound(Math.nextUp(to));
            // one point either side keeps the line running to the plot's edges
            first = Math.max(0, first - 1);
            end = Math.min(history.recentSize(), end + 1);
            int n = Math.max(0, end - first);
            if (n > 2 * pixelColumns) {
                buildEnvelope(first, end, from, to, pixelColumns);
            } else {
                source = Source.RECENT;
                count = n;
            }
        } else {
            source = Source.HISTORY;
            first = history.bucketLowerBound(from);
            int end = history.bucketLowerBound(Math.nextUp(to));
            end = Math.min(history.bucketCount(), end + 1);
            count = Math.max(0, 2 * (end - first));
        }
    }

    // Envelope cache: pixel columns on a grid aligned to absolute time (column p covers
    // [p * width, (p + 1) * width)), so with a fixed window length and plot width a column
    // keeps its meaning from frame to frame while the view follows the run; a column is
    // computed once it is complete and then reused, and each frame only recomputes the newest.
    private double cacheWidth = Double.NaN;
    private long cacheGeneration = -1;
    private long[] cachePixel = new long[0];
    private boolean[] cacheComplete = new boolean[0];
    private double[] cacheT0 = new double[0];
    private double[] cacheT1 = new double[0];
    private double[][] cacheY0 = new double[0][0];
    private double[][] cacheY1 = new double[0][0];

    /** Min and max of each pixel column of [from, to], in the order they occurred. */
    private void buildEnvelope(int first, int end, double from, double to, int pixelColumns) {
        source = Source.ENVELOPE;
        int k = column.length;
        int capacity = 2 * pixelColumns + 8;
        double width = (to - from) / pixelColumns;
        if (width != cacheWidth || cacheGeneration != history.generation() || cachePixel.length < 2 * capacity) {
            cacheWidth = width;
            cacheGeneration = history.generation();
            int slots = 2 * capacity;
            cachePixel = new long[slots];
            java.util.Arrays.fill(cachePixel, Long.MIN_VALUE);
            cacheComplete = new boolean[slots];
            cacheT0 = new double[slots];
            cacheT1 = new double[slots];
            cacheY0 = new double[k][slots];
            cacheY1 = new double[k][slots];
        }
        if (envX.length < 2 * capacity) {
            envX = new double[2 * capacity];
            envY = new double[k][2 * capacity];
        }
        long pFrom = (long) Math.floor(from / width);
        long pTo = (long) Math.floor(to / width);
        double dataEnd = history.lastTime();
        int slots = cachePixel.length;
        int out = 0;
        for (long p = pFrom; p <= pTo && out + 2 <= envX.length; p++) {
            int slot = (int) Math.floorMod(p, (long) slots);
            if (cachePixel[slot] != p || !cacheComplete[slot]) {
                if (!computeColumn(p, slot, width, dataEnd)) {
                    continue; // no samples in this column
                }
            } else if (Double.isNaN(cacheT0[slot])) {
                continue;
            }
            envX[out] = cacheT0[slot];
            envX[out + 1] = cacheT1[slot];
            for (int c = 0; c < k; c++) {
                envY[c][out] = cacheY0[c][slot];
                envY[c][out + 1] = cacheY1[c][slot];
            }
            out += 2;
        }
        count = out;
    }

    /** Computes column p into the cache; false when it holds no sample. */
    private boolean computeColumn(long p, int slot, double width, double dataEnd) {
        double start = p * width;
        double stop = start + width;
        int i = history.recentLowerBound(start);
        int end = history.recentLowerBound(stop);
        cachePixel[slot] = p;
        cacheComplete[slot] = dataEnd >= stop && start >= history.oldestRecentTime();
        if (i >= end) {
            cacheT0[slot] = Double.NaN;
            return false;
        }
        int k = column.length;
        double t0 = history.recentTimeAt(i);
        double tLast = history.recentTimeAt(end - 1);
        for (int c = 0; c < k; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int iMin = i;
            int iMax = i;
            for (int j = i; j < end; j++) {
                double v = history.recentValueAt(column[c], j);
                if (v < min) {
                    min = v;
                    iMin = j;
                }
                if (v > max) {
                    max = v;
                    iMax = j;
                }
            }
            if (min > max) {
                min = Double.NaN; // a count the engine cannot know: nothing to draw, nothing to scale
                max = Double.NaN;
            }
            // Two points per column, extremes in the order they happened, so lines join up
            // the way the data went.
            boolean minFirst = iMin <= iMax;
            cacheY0[c][slot] = minFirst ? min : max;
            cacheY1[c][slot] = minFirst ? max : min;
        }
        cacheT0[slot] = t0;
        cacheT1[slot] = tLast > t0 ? tLast : t0;
        return true;
    }

    /** Tells listeners (the chart) that the data changed: one redraw. */
    public void publish() {
        fireDatasetChanged();
    }

    /** True when every sample in the window is drawn as it is (no envelope, no buckets). */
    public boolean isFullResolution() {
        return source == Source.RECENT;
    }

    /** True when the window is drawn from the decimated history of the whole run. */
    public boolean isFromHistory() {
        return source == Source.HISTORY;
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
        if (source == Source.RECENT) {
            return history.recentTimeAt(first + item);
        }
        if (source == Source.ENVELOPE) {
            return envX[item];
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
        if (source == Source.RECENT) {
            return history.recentValueAt(column[series], first + item);
        }
        if (source == Source.ENVELOPE) {
            return envY[series][item];
        }
        int b = first + item / 2;
        return (item & 1) == 0 ? history.bucketMinAt(column[series], b) : history.bucketMaxAt(column[series], b);
    }
}
