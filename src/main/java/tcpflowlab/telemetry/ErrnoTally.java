package tcpflowlab.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts every failed socket call of one application, and reports to the event log only the
 * first failure of each (call, errno) pair per connection, plus a count of the repeats when the
 * connection ends: after a reset the story's client fails hundreds of sends with EPIPE, and
 * the log should show the order (104, then 32, then 107), not drown in repeats.
 */
public final class ErrnoTally {
    /** Where the tally reports: an engine's event channel. */
    @FunctionalInterface
    public interface Reporter {
        void event(Side side, EventKind kind, Errno errno, long bytes, int connection, String detail);
    }

    private final Side side;
    private final Reporter reporter;
    private final java.util.function.LongSupplier clock;
    private final Map<Errno, ErrnoCount> total = new LinkedHashMap<>();
    private final Map<String, Long> perConnection = new LinkedHashMap<>();

    public ErrnoTally(Side side, Reporter reporter, java.util.function.LongSupplier clock) {
        this.side = side;
        this.reporter = reporter;
        this.clock = clock;
    }

    public void failed(String call, Errno errno, int connection, String consequence) {
        counted(errno);
        String key = call + " " + errno.name();
        Long seen = perConnection.get(key);
        perConnection.put(key, seen == null ? 1 : seen + 1);
        if (seen == null) {
            reporter.event(side, EventKind.SOCKET_ERROR, errno, 0, connection,
                    call + "() failed: " + errno.label() + " " + errno.message()
                            + (consequence.isEmpty() ? "" : "; " + consequence));
        }
    }

    /** Counts a failure the caller has already reported in its own words (a failed connect()). */
    public void counted(Errno errno) {
        ErrnoCount e = total.get(errno);
        total.put(errno, e == null ? new ErrnoCount(errno, 1, clock.getAsLong())
                : new ErrnoCount(errno, e.count() + 1, e.firstTimeNanos()));
    }

    /** Reports repeats of the connection that just ended and starts counting afresh. */
    public void connectionEnded(int connection) {
        for (Map.Entry<String, Long> e : perConnection.entrySet()) {
            if (e.getValue() > 1) {
                String[] callAndErrno = e.getKey().split(" ");
                Errno errno = Errno.valueOf(callAndErrno[1]);
                reporter.event(side, EventKind.ERRORS_REPEATED, errno, e.getValue() - 1, connection,
                        callAndErrno[0] + "() failed with " + errno.label() + " "
                                + (e.getValue() - 1) + " more times on this connection");
            }
        }
        perConnection.clear();
    }

    public List<ErrnoCount> entries() {
        return new ArrayList<>(total.values());
    }
}
