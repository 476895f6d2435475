package tcpflowlab.chart;

import tcpflowlab.telemetry.FlowLimit;
import tcpflowlab.telemetry.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * What held the sender back over a run, as runs of one cause: each sample's cause covers the
 * period since the sample before it, and neighbouring periods of the same cause are one run,
 * so a run that is stalled for a minute costs one entry, not sixty thousand. Keeps the newest
 * {@code max} runs (half of them go at once when full), so memory stays bounded.
 */
public final class FlowLimitRuns {
    /** One run: [start, end] seconds during which {@code cause} held the sender back. */
    public record Run(double start, double end, FlowLimit cause) {
        public double length() {
            return end - start;
        }
    }

    private final int max;
    private final List<Run> runs = new ArrayList<>();
    private double lastTime = Double.NaN;

    public FlowLimitRuns() {
        this(1 << 16);
    }

    public FlowLimitRuns(int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max runs must be >= 2, got " + max);
        }
        this.max = max;
    }

    /** Follows one sample, in time order. */
    public void add(Sample s) {
        double t = s.timeNanos() / 1e9;
        if (Double.isNaN(lastTime) || t <= lastTime) {
            lastTime = Double.isNaN(lastTime) ? t : lastTime; // no time passed: the period has no length
            return;
        }
        append(runs, new Run(lastTime, t, s.flowLimit()));
        lastTime = t;
        if (runs.size() > max) {
            runs.subList(0, max / 2).clear();
        }
    }

    /** Adds {@code r} to {@code out}, joined with the last run when it continues it. */
    static void append(List<Run> out, Run r) {
        if (!out.isEmpty()) {
            Run last = out.get(out.size() - 1);
            if (last.cause() == r.cause() && last.end() == r.start()) {
                out.set(out.size() - 1, new Run(last.start(), r.end(), r.cause()));
                return;
            }
        }
        out.add(r);
    }

    /** Runs kept, oldest first. */
    public int size() {
        return runs.size();
    }

    /** The cause at {@code t} seconds, or null where no run is kept. */
    public FlowLimit at(double t) {
        int i = firstEndingAfter(t);
        return i < runs.size() && runs.get(i).start() <= t ? runs.get(i).cause() : null;
    }

    /** The index of the first run whose end is at or after {@code t}. */
    private int firstEndingAfter(double t) {
        int lo = 0;
        int hi = runs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (runs.get(mid).end() < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The runs in [from, to], clipped to it, at most about two per pixel column: runs narrower
     * than a column are gathered until they span one, which shows the cause that held longest
     * among them, so a strip of thousands of short periods draws in a few hundred rectangles.
     */
    public List<Run> blocks(double from, double to, int pixelColumns) {
        List<Run> out = new ArrayList<>();
        double column = (to - from) / Math.max(1, pixelColumns);
        double[] held = new double[FlowLimit.values().length];
        double pendingStart = Double.NaN;
        double pendingEnd = Double.NaN;
        for (int i = firstEndingAfter(from); i < runs.size() && runs.get(i).start() < to; i++) {
            Run r = runs.get(i);
            Run clipped = new Run(Math.max(from, r.start()), Math.min(to, r.end()), r.cause());
            if (clipped.length() >= column) {
                if (!Double.isNaN(pendingStart)) {
                    append(out, new Run(pendingStart, pendingEnd, longest(held)));
                    pendingStart = Double.NaN;
                }
                append(out, clipped);
                continue;
            }
            if (Double.isNaN(pendingStart)) {
                pendingStart = clipped.start();
                java.util.Arrays.fill(held, 0);
            }
            held[clipped.cause().ordinal()] += clipped.length();
            pendingEnd = clipped.end();
            if (pendingEnd - pendingStart >= column) {
                append(out, new Run(pendingStart, pendingEnd, longest(held)));
                pendingStart = Double.NaN;
            }
        }
        if (!Double.isNaN(pendingStart)) {
            append(out, new Run(pendingStart, pendingEnd, longest(held)));
        }
        return out;
    }

    private static FlowLimit longest(double[] held) {
        int best = 0;
        for (int i = 1; i < held.length; i++) {
            if (held[i] > held[best]) {
                best = i;
            }
        }
        return FlowLimit.values()[best];
    }

    public void clear() {
        runs.clear();
        lastTime = Double.NaN;
    }
}
