package tcpflowlab.telemetry;

/** Which end of the connection an event, sample value or segment belongs to. */
public enum Side {
    SERVER,
    CLIENT;

    public Side peer() {
        return this == SERVER ? CLIENT : SERVER;
    }

    public String lower() {
        return this == SERVER ? "server" : "client";
    }
}
