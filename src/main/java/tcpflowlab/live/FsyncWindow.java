package tcpflowlab.live;

/**
 * The mean fsync latency over the last tenth of a second or so, not since the start: a
 * mean over the whole run would flatten every spike the chart is there to show.
 */
final class FsyncWindow {
    private static final long SPAN_NANOS = 100_000_000L;
    private long count;
    private long nanos;
    private long since = Long.MIN_VALUE;
    private long mean;

    void update(long now, long totalCount, long totalNanos) {
        if (since == Long.MIN_VALUE) {
            since = now;
        }
        if (now - since < SPAN_NANOS) {
            return;
        }
        if (totalCount > count) {
            mean = (totalNanos - nanos) / (totalCount - count);
        }
        count = totalCount;
        nanos = totalNanos;
        since = now;
    }

    long mean() {
        return mean;
    }
}
