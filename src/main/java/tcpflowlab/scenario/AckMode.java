package tcpflowlab.scenario;

/** When the receiving kernel acknowledges data. */
public enum AckMode {
    /**
     * As Linux does: quick ACKs at the start and after a silence, an ACK at once when more than
     * one full segment arrived and the window can move on, otherwise a delayed ACK (40 ms and
     * adapting), and an ACK after a read that frees a lot of space. This is what the kernel does.
     */
    LINUX,
    /** Textbook: every segment is acknowledged at once. */
    IMMEDIATE,
    /** Textbook: acknowledge every second segment, or after the delayed-ACK timeout. */
    DELAYED
}
