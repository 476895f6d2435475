package tcpflowlab.telemetry;

/**
 * The one channel through which an engine reports what happens (ns-3's traced values, in
 * spirit): every chart, log and export hangs off this and nothing else reaches into an
 * engine. Called on the engine's thread; implementations that hand data to another thread
 * must do so themselves.
 */
public interface TelemetrySink {
    default void onSample(Sample sample) {
    }

    default void onEvent(TcpEvent event) {
    }

    default void onSegment(SegmentRecord segment) {
    }

    /** Whether segment payload bytes should be captured (costs a copy per segment). */
    default boolean wantsPayloads() {
        return false;
    }
}
