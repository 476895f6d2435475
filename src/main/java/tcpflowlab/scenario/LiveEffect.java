package tcpflowlab.scenario;

/** When a change to a field made during a run takes effect. */
public enum LiveEffect {
    /** At the next application-level socket call (or the next segment, for the link). */
    IMMEDIATE,
    /** When the next connection is set up (socket options are set before connect/listen). */
    NEXT_CONNECTION,
    /** Cannot be changed during a run. */
    NOT_LIVE
}
