package tcpflowlab.lesson;

import tcpflowlab.telemetry.Sample;

import java.util.function.ToLongFunction;

/** A value a question may ask about at a step's stop, read from the run at that instant. */
public enum Gauge {
    SEND_QUEUE("sendQueue", "the server's send queue", "B", Sample::serverSendQueue),
    RECEIVE_QUEUE("receiveQueue", "the client's receive queue", "B", Sample::clientReceiveQueue),
    ADVERTISED_WINDOW("advertisedWindow", "the window the client advertised last", "B", Sample::advertisedWindow),
    BYTES_IN_FLIGHT("bytesInFlight", "the bytes in flight", "B", Sample::bytesInFlight),
    BYTES_WRITTEN("bytesWritten", "the bytes the server application has written", "B", Sample::appBytesWritten),
    BYTES_READ("bytesRead", "the bytes the client application has read", "B", Sample::appBytesRead),
    SPILL_DEPTH_BYTES("spillDepthBytes", "the bytes waiting in the spill queue", "B", Sample::spillDepthBytes),
    SPILL_DEPTH_MESSAGES("spillDepthMessages", "the messages waiting in the spill queue", "messages",
            Sample::spillDepthMessages),
    MESSAGES_DROPPED("messagesDropped", "the messages the server dropped", "messages", Sample::messagesDropped),
    MESSAGES_LOST("messagesLost", "the messages written and never read", "messages", Sample::messagesLost);

    private final String json;
    private final String label;
    private final String unit;
    private final ToLongFunction<Sample> read;

    Gauge(String json, String label, String unit, ToLongFunction<Sample> read) {
        this.json = json;
        this.label = label;
        this.unit = unit;
        this.read = read;
    }

    /** The value of {@code "value"} in a lesson file. */
    public String json() {
        return json;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public long of(Sample s) {
        return read.applyAsLong(s);
    }

    public static java.util.Optional<Gauge> byJson(String name) {
        for (Gauge g : values()) {
            if (g.json.equals(name)) {
                return java.util.Optional.of(g);
            }
        }
        return java.util.Optional.empty();
    }
}
