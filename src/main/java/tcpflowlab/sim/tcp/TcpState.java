package tcpflowlab.sim.tcp;

/** RFC 793 connection states (LISTEN lives in {@link Host}'s listener). */
public enum TcpState {
    CLOSED,
    SYN_SENT,
    SYN_RECEIVED,
    ESTABLISHED,
    FIN_WAIT_1,
    FIN_WAIT_2,
    CLOSING,
    TIME_WAIT,
    CLOSE_WAIT,
    LAST_ACK;

    /** States in which getpeername() succeeds (Linux: all but CLOSE and SYN_SENT). */
    boolean hasPeer() {
        return this != CLOSED && this != SYN_SENT;
    }

    /** States in which the application may still send data. */
    boolean canSend() {
        return this == ESTABLISHED || this == CLOSE_WAIT;
    }
}
