package tcpflowlab.ui;

import javafx.animation.AnimationTimer;
import tcpflowlab.telemetry.Recorder;

import java.util.function.LongSupplier;

/**
 * The UI's heartbeat: about 30 times a second it drains the run's recorder into
 * {@link FrameData} and asks the views to update, so the charts redraw once per frame
 * however fast the engine runs (never a Platform.runLater per sample). It measures the FX
 * thread time each frame takes and counts dropped frames (a frame later than twice the
 * period), for the status bar and the UI benchmark.
 */
final class FrameLoop extends AnimationTimer {
    /** What runs each frame after the data is drained. */
    interface FrameListener {
        void onFrame(long nowNanos);
    }

    static final long PERIOD = 33_000_000L;
    /** Samples taken from the recorder per frame at most; the engine waits when they pile up. */
    static final int MAX_SAMPLES_PER_FRAME = 25_000;

    private final FrameData data;
    private final RunSource source;
    private final FrameListener listener;
    private final LongSupplier clock;
    private long lastFrame;
    private long nextDue;
    private long pulses;
    private static final long TOLERANCE = 12_000_000L;
    private boolean eventsFlushed;
    private long frames;
    private long droppedFrames;
    private long lastFrameWork;
    private long maxFrameWork;
    private long totalFrameWork;
    private java.util.function.LongConsumer frameObserver = t -> { };
    private java.util.function.LongConsumer cpuObserver = t -> { };
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Where the frame loop finds the recorder of the current run (null between runs). */
    interface RunSource {
        Recorder recorder();
    }

    FrameLoop(FrameData data, RunSource source, FrameListener listener, LongSupplier clock) {
        this.data = data;
        this.source = source;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public void handle(long now) {
        pulses++;
        // JavaFX pulses at up to 60 Hz, slower when rendering is slow. Frames are due every
        // PERIOD on a fixed schedule and run at the first pulse within TOLERANCE of being due,
        // so pulses 20 ms apart still give 30 frames a second rather than aliasing down to 25.
        if (nextDue != 0 && now < nextDue - TOLERANCE) {
            return;
        }
        nextDue = nextDue == 0 || now - nextDue > PERIOD ? now + PERIOD : nextDue + PERIOD;
        if (lastFrame != 0 && now - lastFrame > 2 * PERIOD) {
            droppedFrames += (now - lastFrame) / PERIOD - 1;
        }
        lastFrame = now;
        long t0 = clock.getAsLong();
        long cpu0 = threads.getCurrentThreadCpuTime();
        frame(now);
        long work = clock.getAsLong() - t0;
        cpuObserver.accept(threads.getCurrentThreadCpuTime() - cpu0);
        frames++;
        lastFrameWork = work;
        totalFrameWork += work;
        maxFrameWork = Math.max(maxFrameWork, work);
        frameObserver.accept(work);
    }

    /** Sees each frame's FX-thread CPU time in nanoseconds (the UI benchmark). */
    void setCpuObserver(java.util.function.LongConsumer observer) {
        this.cpuObserver = observer;
    }

    /** Sees each frame's FX-thread wall time in nanoseconds (the UI benchmark). */
    void setFrameObserver(java.util.function.LongConsumer observer) {
        this.frameObserver = observer;
    }

    /** One frame's work; public to the package so tests and the bench can drive frames. */
    void frame(long now) {
        Recorder r = source.recorder();
        if (r != null) {
            r.drain(data::addSample, data::addEvent, MAX_SAMPLES_PER_FRAME);
            r.drainSegments(data::addSegment);
        }
        // The event table is text: refreshing it 8 times a second is plenty, and its layout
        // and CSS pass is one of the costliest parts of a frame.
        if (frames % 4 == 0) {
            eventsFlushed = data.flushEvents();
        } else {
            eventsFlushed = false;
        }
        listener.onFrame(now);
    }

    /**
     * A frame now, outside the schedule, with everything the run has recorded: after a step the
     * views must show all of it at once, not a frame or four later.
     */
    void catchUp(long now) {
        Recorder r = source.recorder();
        if (r != null) {
            r.drain(data::addSample, data::addEvent);
            r.drainSegments(data::addSegment);
        }
        eventsFlushed = data.flushEvents();
        listener.onFrame(now);
    }

    /** Whether this frame added rows to the event log. */
    boolean eventsFlushed() {
        return eventsFlushed;
    }

    /** JavaFX pulses seen (the frame loop runs on about every other one). */
    long pulses() {
        return pulses;
    }

    long frames() {
        return frames;
    }

    long droppedFrames() {
        return droppedFrames;
    }

    long lastFrameWorkNanos() {
        return lastFrameWork;
    }

    long maxFrameWorkNanos() {
        return maxFrameWork;
    }

    double meanFrameWorkNanos() {
        return frames == 0 ? 0 : (double) totalFrameWork / frames;
    }

    void resetStats() {
        pulses = 0;
        frames = 0;
        droppedFrames = 0;
        maxFrameWork = 0;
        totalFrameWork = 0;
    }
}
