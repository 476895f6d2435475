package tcpflowlab.telemetry;

import java.util.function.Consumer;

/**
 * The hand-off from an engine's thread to one reader thread (the UI): samples, events and
 * segments go into bounded lock-free rings that the reader drains once per frame.
 */
public final class Recorder implements TelemetrySink {
    private final HandOffRing<Sample> samples;
    private final HandOffRing<TcpEvent> events;
    private final HandOffRing<SegmentRecord> segments = new HandOffRing<>(1 << 12);

    public Recorder() {
        this(1 << 18, 1 << 16);
    }

    public Recorder(int sampleCapacity, int eventCapacity) {
        samples = new HandOffRing<>(sampleCapacity);
        events = new HandOffRing<>(eventCapacity);
    }

    @Override
    public void onSample(Sample sample) {
        samples.offer(sample);
    }

    @Override
    public void onEvent(TcpEvent event) {
        events.offer(event);
    }

    /**
     * Segments for the ladder view, which shows only the last few hundred: when the reader falls
     * behind, the ring drops the newest ones (counted), and the next frame shows later ones.
     */
    @Override
    public void onSegment(SegmentRecord segment) {
        segments.offer(segment);
    }

    /** Reader side: the segments recorded since the last call. */
    public void drainSegments(Consumer<SegmentRecord> sink) {
        segments.drain(sink);
    }

    /** Reader side: everything recorded since the last drain, samples first. */
    public void drain(Consumer<Sample> sampleSink, Consumer<TcpEvent> eventSink) {
        drain(sampleSink, eventSink, Integer.MAX_VALUE);
    }

    /**
     * Reader side, bounded: at most {@code maxSamples} samples (and at most as many events),
     * so one frame's work stays bounded however far the engine ran ahead.
     */
    public void drain(Consumer<Sample> sampleSink, Consumer<TcpEvent> eventSink, int maxSamples) {
        samples.drain(sampleSink, maxSamples);
        events.drain(eventSink, maxSamples);
    }

    /**
     * Whether the reader is far behind: an engine running at max speed should wait a moment
     * rather than fill the rings and lose data.
     */
    public boolean isBacklogged() {
        return samples.size() > samples.capacity() / 4 || events.size() > events.capacity() / 4;
    }

    /** Whether anything waits to be drained (an idle reader looks now and then). */
    public boolean hasPending() {
        return samples.size() > 0 || events.size() > 0 || segments.size() > 0;
    }

    /** Samples and events dropped because the reader fell a whole ring behind. */
    public long dropped() {
        return samples.dropped() + events.dropped();
    }
}
