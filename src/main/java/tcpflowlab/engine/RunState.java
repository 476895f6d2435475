package tcpflowlab.engine;

/** Life cycle of a run. */
public enum RunState {
    READY,
    RUNNING,
    PAUSED,
    FINISHED,
    STOPPED,
    FAILED
}
