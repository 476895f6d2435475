package tcpflowlab.engine;

import java.util.Locale;

/**
 * How two compared runs' clocks are lined up: each counted from its own first connection, so
 * the time an engine spends before the connect (the Live engine starts its clock before its
 * capture and its connect, the Model with the connect) is not taken for TCP behaviour. Applied
 * to every comparison, not only across engines: two Live runs start up in different times too,
 * and a Model run connects within its first round trip, so for Model runs little moves.
 */
public record ClockAlignment(TimeOrigin a, TimeOrigin b) {
    /** Both runs counted from their starts. */
    public static final ClockAlignment RUN_STARTS = new ClockAlignment(TimeOrigin.RUN_START, TimeOrigin.RUN_START);

    /** Below this the runs' origins count as the same in the note (the table shows milliseconds). */
    private static final long SAME_NANOS = 500_000;

    /**
     * How much later on its own clock B's origin comes than A's: added to A's times it puts A
     * on B's clock (a reference drawn under the current run), subtracted from B's, B on A's.
     */
    public long offsetNanos() {
        return b.nanos() - a.nanos();
    }

    /**
     * Where the user reads the compared times: from which instant each run's times count, and how
     * far apart the two clocks' starts are; a run that never connected is said to be counted from
     * its start.
     */
    public String note(String aName, String bName) {
        if (!a.connected() && !b.connected()) {
            return "Neither run has connected: times are from each run's start.";
        }
        if (!a.connected() || !b.connected()) {
            String never = a.connected() ? bName : aName;
            String other = a.connected() ? aName : bName;
            TimeOrigin connected = a.connected() ? a : b;
            return String.format(Locale.ROOT, "Times from each run's first connection; %s has not connected, so its times "
                    + "are from its start (%s connected %.3f s after its start).", never, other, connected.nanos() / 1e9);
        }
        long offset = offsetNanos();
        String clocks = Math.abs(offset) < SAME_NANOS ? "the same to the millisecond"
                : String.format(Locale.ROOT, "%s's clock starts %.3f s earlier", offset > 0 ? bName : aName,
                Math.abs(offset) / 1e9);
        return String.format(Locale.ROOT, "Times from each run's first connection, which came %.3f s after %s's start "
                + "and %.3f s after %s's (%s).", a.nanos() / 1e9, aName, b.nanos() / 1e9, bName, clocks);
    }
}
