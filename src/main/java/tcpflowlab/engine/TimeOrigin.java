package tcpflowlab.engine;

import tcpflowlab.telemetry.FirstConnect;

/**
 * Where a run's times are counted from when it is compared with another: its first connection
 * ({@link FirstConnect}), or its start when it never connected.
 *
 * @param firstConnectNanos when the client first connected, nanoseconds since the run's start,
 *        or {@link FirstConnect#NEVER}
 */
public record TimeOrigin(long firstConnectNanos) {
    /** A run counted from its start, as a run that never connected. */
    public static final TimeOrigin RUN_START = new TimeOrigin(FirstConnect.NEVER);

    public TimeOrigin {
        if (firstConnectNanos < 0) {
            firstConnectNanos = FirstConnect.NEVER;
        }
    }

    public boolean connected() {
        return firstConnectNanos != FirstConnect.NEVER;
    }

    /** The origin on the run's own clock, nanoseconds since its start. */
    public long nanos() {
        return connected() ? firstConnectNanos : 0;
    }

    /**
     * {@code time} (nanoseconds since the run's start, -1 for never) counted from this origin;
     * -1 stays never, and a time before the connection counts as the connection's instant.
     */
    public long since(long time) {
        return time < 0 ? -1 : Math.max(0, time - nanos());
    }
}
