package tcpflowlab.chart;

/** The values the charts plot from each sample, in bytes or bytes per second. */
public enum SampleColumn {
    SEND_QUEUE("server send queue"),
    SEND_CAPACITY("server send buffer"),
    RECEIVE_QUEUE("client receive queue"),
    RECEIVE_CAPACITY("client receive buffer"),
    WINDOW("advertised window"),
    WRITE_RATE("written by server app"),
    READ_RATE("read by client app"),
    SPILL_DEPTH("spill queue depth");

    private final String label;

    SampleColumn(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
