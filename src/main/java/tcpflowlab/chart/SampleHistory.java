package tcpflowlab.chart;

import tcpflowlab.telemetry.Sample;

/**
 * Everything the charts can show of a run, in bounded memory however long it lasts: the most
 * recent samples at full resolution in a ring, and the whole run as min/max per time bucket,
 * where buckets double in width whenever they run out (so an hour-long run keeps the same
 * number of buckets as a minute-long one). Single-threaded: the UI's frame loop adds, the
 * charts read, both on the FX thread.
 */
public final class SampleHistory {
    static final int COLUMNS = SampleColumn.values().length;
    /** Samples the app byte counters are differenced over to get a rate. */
    private static final int RATE_SPAN = 10;

    private final int recentCapacity;
    private final int recentMask;
    private final double[] recentTime;
    private final double[][] recentValues;
    private long recentCount;

    private final int maxBuckets;
    private final double[] bucketStart;
    private final double[][] bucketMin;
    private final double[][] bucketMax;
    private int buckets;
    private double bucketWidth;

    private final long[] rateTime = new long[RATE_SPAN];
    private final long[] rateWritten = new long[RATE_SPAN];
    private final long[] rateRead = new long[RATE_SPAN];
    private long samplesSeen;
    private long generation;
    private double firstTime = Double.NaN;
    private double lastTime = Double.NaN;
    private final double[] latest = new double[COLUMNS];
    private final FlowLimitRuns flowLimits = new FlowLimitRuns();

    public SampleHistory() {
        this(1 << 17, 4096, 0.001);
    }

    /**
     * @param recentCapacity full-resolution samples kept (a power of two)
     * @param maxBuckets decimated buckets kept for the whole run (even)
     * @param initialBucketSeconds first bucket width; it doubles as the run grows
     */
    public SampleHistory(int recentCapacity, int maxBuckets, double initialBucketSeconds) {
        if (Integer.bitCount(recentCapacity) != 1 || maxBuckets % 2 != 0) {
            throw new IllegalArgumentException("recentCapacity must be a power of two and maxBuckets even");
        }
        this.recentCapacity = recentCapacity;
        this.recentMask = recentCapacity - 1;
        this.recentTime = new double[recentCapacity];
        this.recentValues = new double[COLUMNS][recentCapacity];
        this.maxBuckets = maxBuckets;
        this.bucketStart = new double[maxBuckets];
        this.bucketMin = new double[COLUMNS][maxBuckets];
        this.bucketMax = new double[COLUMNS][maxBuckets];
        this.bucketWidth = initialBucketSeconds;
    }

    public void add(Sample s) {
        double t = s.timeNanos() / 1e9;
        flowLimits.add(s);
        int r = (int) (samplesSeen % RATE_SPAN);
        int oldest = (int) ((samplesSeen + 1) % RATE_SPAN);
        rateTime[r] = s.timeNanos();
        rateWritten[r] = s.appBytesWritten();
        rateRead[r] = s.appBytesRead();
        samplesSeen++;
        double writeRate = 0;
        double readRate = 0;
        if (samplesSeen > 1) {
            int from = samplesSeen >= RATE_SPAN ? oldest : 0;
            long dt = rateTime[r] - rateTime[from];
            if (dt > 0) {
                writeRate = (rateWritten[r] - rateWritten[from]) * 1e9 / dt;
                readRate = (rateRead[r] - rateRead[from]) * 1e9 / dt;
            }
        }
        latest[SampleColumn.SEND_QUEUE.ordinal()] = s.serverSendQueue();
        latest[SampleColumn.SEND_CAPACITY.ordinal()] = s.serverSendCapacity();
        latest[SampleColumn.RECEIVE_QUEUE.ordinal()] = s.clientReceiveQueue();
        latest[SampleColumn.RECEIVE_CAPACITY.ordinal()] = s.clientReceiveCapacity();
        latest[SampleColumn.WINDOW.ordinal()] = s.advertisedWindow();
        latest[SampleColumn.WRITE_RATE.ordinal()] = writeRate;
        latest[SampleColumn.READ_RATE.ordinal()] = readRate;
        latest[SampleColumn.SPILL_DEPTH.ordinal()] = s.spillDepthBytes();
        latest[SampleColumn.SPILL_MESSAGES.ordinal()] = s.spillDepthMessages();
        latest[SampleColumn.SPILL_FSYNC_MILLIS.ordinal()] = s.spillFsyncNanos() / 1e6;
        latest[SampleColumn.MESSAGES_DROPPED.ordinal()] = s.messagesDropped();
        latest[SampleColumn.MESSAGES_LOST.ordinal()] = s.messagesLost() == Sample.UNKNOWN ? Double.NaN : s.messagesLost();

        int slot = (int) (recentCount & recentMask);
        recentTime[slot] = t;
        for (int c = 0; c < COLUMNS; c++) {
            recentValues[c][slot] = latest[c];
        }
        recentCount++;
        if (Double.isNaN(firstTime)) {
            firstTime = t;
        }
        lastTime = t;
        addToBuckets(t);
    }

    private void addToBuckets(double t) {
        if (buckets == 0 || t >= bucketStart[buckets - 1] + bucketWidth) {
            if (buckets == maxBuckets) {
                mergePairs();
            }
            int b = buckets++;
            double origin = buckets == 1 ? t : bucketStart[0];
            bucketStart[b] = buckets == 1 ? t : origin + Math.floor((t - origin) / bucketWidth) * bucketWidth;
            for (int c = 0; c < COLUMNS; c++) {
                bucketMin[c][b] = latest[c];
                bucketMax[c][b] = latest[c];
            }
            return;
        }
        int b = buckets - 1;
        for (int c = 0; c < COLUMNS; c++) {
            bucketMin[c][b] = Math.min(bucketMin[c][b], latest[c]);
            bucketMax[c][b] = Math.max(bucketMax[c][b], latest[c]);
        }
    }

    /** Halves the number of buckets by merging neighbours; the width doubles. */
    private void mergePairs() {
        bucketWidth *= 2;
        double origin = bucketStart[0];
        int out = 0;
        int i = 0;
        while (i < buckets) {
            double start = origin + Math.floor((bucketStart[i] - origin) / bucketWidth) * bucketWidth;
            bucketStart[out] = start;
            for (int c = 0; c < COLUMNS; c++) {
                bucketMin[c][out] = bucketMin[c][i];
                bucketMax[c][out] = bucketMax[c][i];
            }
            i++;
            while (i < buckets && bucketStart[i] < start + bucketWidth) {
                for (int c = 0; c < COLUMNS; c++) {
                    bucketMin[c][out] = Math.min(bucketMin[c][out], bucketMin[c][i]);
                    bucketMax[c][out] = Math.max(bucketMax[c][out], bucketMax[c][i]);
                }
                i++;
            }
            out++;
        }
        buckets = out;
    }

    public void clear() {
        generation++;
        flowLimits.clear();
        recentCount = 0;
        buckets = 0;
        samplesSeen = 0;
        firstTime = Double.NaN;
        lastTime = Double.NaN;
    }

    /** What held the sender back, run by run, over the whole run (bounded). */
    public FlowLimitRuns flowLimits() {
        return flowLimits;
    }

    public boolean isEmpty() {
        return recentCount == 0;
    }

    /** Time of the first sample, seconds (NaN when empty). */
    public double firstTime() {
        return firstTime;
    }

    /** Time of the latest sample, seconds (NaN when empty). */
    public double lastTime() {
        return lastTime;
    }

    /** The latest value of a column. */
    public double latest(SampleColumn column) {
        return latest[column.ordinal()];
    }

    public long samplesSeen() {
        return samplesSeen;
    }

    /** Changes whenever the history is cleared, so derived caches know to start over. */
    public long generation() {
        return generation;
    }

    // ------------------------------------------------------------------ full resolution

    int recentSize() {
        return (int) Math.min(recentCount, recentCapacity);
    }

    /** Index of the oldest recent sample in ring terms (0 .. recentSize-1 are valid offsets). */
    private long recentFirst() {
        return recentCount - recentSize();
    }

    double recentTimeAt(int offset) {
        return recentTime[(int) ((recentFirst() + offset) & recentMask)];
    }

    double recentValueAt(int column, int offset) {
        return recentValues[column][(int) ((recentFirst() + offset) & recentMask)];
    }

    /** Time of the oldest sample still held at full resolution (NaN when empty). */
    public double oldestRecentTime() {
        return recentCount == 0 ? Double.NaN : recentTimeAt(0);
    }

    /** First recent offset with time >= t. */
    int recentLowerBound(double t) {
        int lo = 0;
        int hi = recentSize();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (recentTimeAt(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The full-resolution value of a column at (or just before) time t, for hover read-outs;
     * NaN when t is not within the full-resolution window.
     */
    public double valueAt(SampleColumn column, double t) {
        int n = recentSize();
        if (n == 0 || t < recentTimeAt(0)) {
            return Double.NaN;
        }
        int i = recentLowerBound(t);
        if (i >= n || recentTimeAt(i) > t) {
            i--;
        }
        return i < 0 ? Double.NaN : recentValueAt(column.ordinal(), i);
    }

    // ------------------------------------------------------------------ decimated

    int bucketCount() {
        return buckets;
    }

    double bucketWidth() {
        return bucketWidth;
    }

    double bucketStartAt(int i) {
        return bucketStart[i];
    }

    double bucketMinAt(int column, int i) {
        return bucketMin[column][i];
    }

    double bucketMaxAt(int column, int i) {
        return bucketMax[column][i];
    }

    int bucketLowerBound(double t) {
        int lo = 0;
        int hi = buckets;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bucketStart[mid] + bucketWidth <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
