package tcpflowlab.telemetry;

import java.util.EnumMap;
import java.util.Map;

/**
 * The share of a run's time each {@link FlowLimit} held the sender back: every sample's cause
 * counts for the time since the sample before it (the period it ends), so a zero-length period
 * (the sample at time 0, or a closing sample at the same instant as the last) weighs nothing.
 * Shares are of the time an engine could tell; empty when it could tell for none of it.
 */
public final class FlowLimitShares implements TelemetrySink {
    private final long[] nanos = new long[FlowLimit.values().length];
    private long lastTime = -1;

    @Override
    public void onSample(Sample s) {
        if (lastTime >= 0 && s.timeNanos() > lastTime) {
            nanos[s.flowLimit().ordinal()] += s.timeNanos() - lastTime;
        }
        lastTime = Math.max(lastTime, s.timeNanos());
    }

    /** Each known cause's share of the known time (they add to 1); empty when nothing was known. */
    public Map<FlowLimit, Double> shares() {
        long known = 0;
        for (FlowLimit f : FlowLimit.values()) {
            if (f != FlowLimit.UNKNOWN) {
                known += nanos[f.ordinal()];
            }
        }
        Map<FlowLimit, Double> m = new EnumMap<>(FlowLimit.class);
        if (known == 0) {
            return m;
        }
        for (FlowLimit f : FlowLimit.values()) {
            if (f != FlowLimit.UNKNOWN) {
                m.put(f, (double) nanos[f.ordinal()] / known);
            }
        }
        return m;
    }

    /** The share of the known time {@code cause} held; NaN when nothing was known. */
    public double share(FlowLimit cause) {
        return shares().getOrDefault(cause, Double.NaN);
    }

    /** Nanoseconds the engine could not tell what held the sender back. */
    public long unknownNanos() {
        return nanos[FlowLimit.UNKNOWN.ordinal()];
    }
}
