package tcpflowlab.engine;

import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.ErrnoCount;

import java.util.List;

/**
 * What a run came to, in one word, the same way for every engine: the classes the model and the
 * kernel are compared by. Ordered from worst to best; a run is in the first class it qualifies for.
 */
public enum Outcome {
    /** At least one connection was reset (an RST segment of the run's own, or an application saw ECONNRESET). */
    RESET("a connection was reset"),
    /** No reset, but messages were dropped by the server or written and never read. */
    LOSSY("messages were dropped or lost"),
    /** Nothing lost, but the receiver advertised a zero window at least once. */
    STALLED("the receiver's window closed, nothing was lost"),
    /** None of the above. */
    CLEAN("no reset, nothing lost, the window never closed");

    private final String meaning;

    Outcome(String meaning) {
        this.meaning = meaning;
    }

    /** What the class means, for a summary line. */
    public String meaning() {
        return meaning;
    }

    /**
     * Resets are judged only by what belongs to the run's own connections (its segments, its
     * applications' errno), never by the RST events a host-wide counter may have reported.
     */
    static Outcome of(RunSummary s) {
        if (s.resets() > 0 || sawReset(s.serverErrnos()) || sawReset(s.clientErrnos())) {
            return RESET;
        }
        if (s.messagesDropped() > 0 || s.messagesLost() > 0) {
            return LOSSY;
        }
        if (s.firstZeroWindowNanos() >= 0 || s.zeroWindowEvents() > 0 || s.zeroWindowSegments() > 0) {
            return STALLED;
        }
        return CLEAN;
    }

    private static boolean sawReset(List<ErrnoCount> errnos) {
        return errnos.stream().anyMatch(e -> e.errno() == Errno.ECONNRESET);
    }
}
