package tcpflowlab.scenario;

/** When the receiving kernel acknowledges data. */
public enum AckMode {
    /** Every segment is acknowledged at once (Linux's quick-ack mode, usual on loopback). */
    IMMEDIATE,
    /** Acknowledge every second full segment, or after the delayed-ACK timeout. */
    DELAYED
}
