package tcpflowlab.scenario;

/** What the C-style server does when a non-blocking send() fails with EAGAIN. */
public enum OverflowPolicy {
    /** Close the connection, as the story's Server A does ("send buffer full"). */
    CLOSE,
    /** Wait until the socket is writable again: backpressure, nothing lost. */
    BLOCK,
    /** Count and discard the message, keep going. */
    DROP
}
