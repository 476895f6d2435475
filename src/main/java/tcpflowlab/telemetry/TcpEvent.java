package tcpflowlab.telemetry;

import java.util.Objects;

/**
 * One thing that happened, at a virtual (model) or wall-clock (live) time in nanoseconds
 * since the run started.
 *
 * @param errno the errno that applies, or {@code null}
 * @param bytes a byte count that belongs to the event (queued bytes, window, dropped bytes), or 0
 * @param connection the connection number within the run (1, 2, ... as clients reconnect), 0 if none
 */
public record TcpEvent(long timeNanos, Side side, EventKind kind, Errno errno, long bytes,
                       int connection, String detail) {

    public TcpEvent {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** This event at another time: a run drawn shifted beside another. */
    public TcpEvent at(long time) {
        return new TcpEvent(time, side, kind, errno, bytes, connection, detail);
    }

    public String explanation() {
        return kind.explanation();
    }
}
