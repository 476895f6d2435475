package tcpflowlab.scenario;

/** What the C-style server does when a non-blocking send() fails with EAGAIN. */
public enum OverflowPolicy {
    /** Close the connection, as the story's Server A does ("send buffer full"). */
    CLOSE,
    /** Wait until the socket is writable again: backpressure, nothing lost. */
    BLOCK,
    /** Count and discard the message, keep going. */
    DROP,
    /**
     * Keep every message in a durable queue until the client acknowledges it, and replay the
     * rest in order when it comes back: the story's server-side cure. Both sides then speak the
     * framed protocol (sequence | length | payload, acknowledged by sequence).
     */
    SPILL
}
