package tcpflowlab.chart;

/**
 * The values the charts keep from each sample: bytes or bytes per second, except the spill
 * queue's depth in messages and its mean fsync latency in milliseconds (read-out only), and the
 * run's lost messages (a count; NaN where the engine cannot know it).
 */
public enum SampleColumn {
    SEND_QUEUE("server send queue"),
    SEND_CAPACITY("server send buffer"),
    RECEIVE_QUEUE("client receive queue"),
    RECEIVE_CAPACITY("client receive buffer"),
    WINDOW("advertised window"),
    WRITE_RATE("written by server app"),
    READ_RATE("read by client app"),
    SPILL_DEPTH("spill queue depth"),
    SPILL_MESSAGES("spill queue messages"),
    SPILL_FSYNC_MILLIS("spill fsync mean"),
    MESSAGES_DROPPED("messages dropped (DROP)"),
    MESSAGES_LOST("messages lost on reset (written, never read)");

    private final String label;

    SampleColumn(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
