package tcpflowlab.telemetry;

/** Life cycle of a run. */
public enum RunState {
    READY,
    RUNNING,
    PAUSED,
    FINISHED,
    STOPPED,
    FAILED
}
