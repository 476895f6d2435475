package tcpflowlab.ui;

import javafx.animation.AnimationTimer;
import tcpflowlab.telemetry.Recorder;

import java.util.function.LongSupplier;

/**
 * The UI's heartbeat: about 30 times a second it drains the run's recorder into
 * {@link FrameData} and asks the views to update, so the charts redraw once per frame
 * however fast the engine runs (never a Platform.runLater per sample). It measures the FX
 * thread time each frame takes and counts dropped frames (a frame later than twice the
 * period), for the UI benchmark.
 *
 * <p>It beats only while there is something to show: a running run, data waiting in the
 * recorder, or a frame asked for ({@link #requestFrame()}). Otherwise it stops, because a
 * started AnimationTimer keeps JavaFX pulsing 60 times a second, and a paused or idle app
 * would spend a good part of a core redrawing the same picture. While it rests, a
 * {@link RecorderWatch} wakes it when data arrives.
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
    private java.util.function.BooleanSupplier runActive = () -> false;
    private java.util.function.BooleanSupplier chartsIdle = () -> true;
    private java.util.function.BooleanSupplier viewsHeld = () -> false;
    private boolean beating;
    private boolean frameRequested;
    private long drained;
    private final RecorderWatch watch = new RecorderWatch(this::requestFrame);

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

    /**
     * What keeps the loop beating (a running run) and whether the views may be changed now
     * (false while the charts are being drawn off the FX thread: the frame waits a pulse).
     */
    void setActivity(java.util.function.BooleanSupplier runActive, java.util.function.BooleanSupplier chartsIdle) {
        this.runActive = runActive;
        this.chartsIdle = chartsIdle;
    }

    /** Asks for at least one more frame (something the views show changed). */
    void requestFrame() {
        frameRequested = true;
        if (!beating) {
            start();
        }
    }

    /** Whether the loop is beating (false when the app has nothing to show: no pulses, no redraws). */
    boolean isBeating() {
        return beating;
    }

    @Override
    public void start() {
        watch.cancel();
        beating = true;
        lastFrame = 0; // a rest is not a run of dropped frames
        super.start();
    }

    @Override
    public void stop() {
        beating = false;
        super.stop();
        watch.close();
    }

    /** Stops beating until {@link #requestFrame()} or the watch sees data in the recorder. */
    private void rest() {
        beating = false;
        super.stop();
        Recorder r = source.recorder();
        if (r != null) {
            watch.watch(r);
        }
    }

    @Override
    public void handle(long now) {
        pulses++;
        if (!chartsIdle.getAsBoolean()) {
            return; // the charts are being drawn from the model the frame would change
        }
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
        boolean requested = frameRequested;
        frameRequested = false;
        drained = 0;
        frame(now);
        long work = clock.getAsLong() - t0;
        cpuObserver.accept(threads.getCurrentThreadCpuTime() - cpu0);
        frames++;
        lastFrameWork = work;
        totalFrameWork += work;
        maxFrameWork = Math.max(maxFrameWork, work);
        frameObserver.accept(work);
        if (!requested && !frameRequested && drained == 0 && !data.hasPendingEvents() && !runActive.getAsBoolean()) {
            rest();
        }
    }

    /**
     * While {@code held} says so, frames only drain the recorder and leave the views as they
     * are: a branch recomputes a minute of run in a few hundred milliseconds, and drawing its
     * intermediate states would take the core the computation needs; {@link #catchUp} then
     * shows the result at once.
     */
    void holdViewsWhile(java.util.function.BooleanSupplier held) {
        this.viewsHeld = held;
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
            r.drain(s -> {
                drained++;
                data.addSample(s);
            }, e -> {
                drained++;
                data.addEvent(e);
            }, MAX_SAMPLES_PER_FRAME);
            r.drainSegments(s -> {
                drained++;
                data.addSegment(s);
            });
        }
        if (viewsHeld.getAsBoolean()) {
            eventsFlushed = false;
            return;
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
