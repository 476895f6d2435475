package tcpflowlab.telemetry;

/**
 * What held the sender back during one sampling period. Where several held at once, the first
 * in declaration order is the one reported: the receiver's window, then the send buffer, then
 * the link, then the application. {@link #UNKNOWN} where the engine cannot tell.
 */
public enum FlowLimit {
    /** The receiver's window was zero, or smaller than what waited to be sent. */
    RECEIVE_WINDOW("receiver's window", "rwnd"),
    /** The server's send buffer was full: the application's send() could not hand over more. */
    SEND_BUFFER("send buffer", "sndbuf"),
    /** Data and window were there, the link (bandwidth, delay) set the pace. */
    LINK("link", "link"),
    /** The server application had nothing to send. */
    APP("server app", "app"),
    /** The engine cannot say for this period. */
    UNKNOWN("unknown", "");

    private final String label;
    private final String csvName;

    FlowLimit(String label, String csvName) {
        this.label = label;
        this.csvName = csvName;
    }

    /** In words, for a legend or tooltip. */
    public String label() {
        return label;
    }

    /** The short name written to CSV files (empty for {@link #UNKNOWN}). */
    public String csvName() {
        return csvName;
    }
}
