package tcpflowlab.sim;

import tcpflowlab.telemetry.FlowLimit;

import java.util.function.Supplier;

/**
 * Times, exactly on the virtual clock, how long each {@link FlowLimit} held the sender back in
 * the current sampling period. The state can change only while events run, so the state seen
 * when the clock moves on from {@code t0} held for the whole interval up to the new time.
 * A period reports the cause that held longest; on a tie the first in {@link FlowLimit}'s order.
 * A period of no length (the sample at time 0) reports the state at that instant.
 */
final class FlowLimitMeter implements Simulator.ClockWatch {
    private static final FlowLimit[] CAUSES = {FlowLimit.RECEIVE_WINDOW, FlowLimit.SEND_BUFFER, FlowLimit.LINK,
            FlowLimit.APP};

    private final Supplier<FlowLimit> instant;
    private final long[] nanos = new long[CAUSES.length];
    private final long[] runNanos = new long[CAUSES.length];

    /** {@code instant}: what holds the sender back now. */
    FlowLimitMeter(Supplier<FlowLimit> instant) {
        this.instant = instant;
    }

    @Override
    public void advancing(long from, long to) {
        int i = instant.get().ordinal();
        nanos[i] += to - from;
        runNanos[i] += to - from;
    }

    /** The cause of the period that ends now; starts the next period. */
    FlowLimit endPeriod() {
        int best = -1;
        for (int i = 0; i < CAUSES.length; i++) {
            if (nanos[i] > 0 && (best < 0 || nanos[i] > nanos[best])) {
                best = i;
            }
        }
        java.util.Arrays.fill(nanos, 0);
        return best < 0 ? instant.get() : CAUSES[best];
    }

    /** Nanoseconds of the whole run so far during which {@code cause} held the sender back. */
    long runNanos(FlowLimit cause) {
        return cause.ordinal() < runNanos.length ? runNanos[cause.ordinal()] : 0;
    }
}
