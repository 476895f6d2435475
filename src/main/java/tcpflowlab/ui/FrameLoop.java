package tcpflowlab.ui;

import javafx.animation.AnimationTimer;
import tcpflowlab.telemetry.Recorder;

import java.util.function.LongSupplier;

/**
 * The UI's heartbeat: about 30 times a second it drains the run's recorder into
 * {@link LiveData} and asks the views to update, so the charts redraw once per frame
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

    private final LiveData data;
    private final RunSource source;
    private final FrameListener listener;
    private final LongSupplier clock;
    private long lastFrame;
    private long frames;
    private long droppedFrames;
    private long lastFrameWork;
    private long maxFrameWork;
    private long totalFrameWork;

    /** Where the frame loop finds the recorder of the current run (null between runs). */
    interface RunSource {
        Recorder recorder();
    }

    FrameLoop(LiveData data, RunSource source, FrameListener listener, LongSupplier clock) {
        this.data = data;
        this.source = source;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public void handle(long now) {
        if (lastFrame != 0 && now - lastFrame < PERIOD - 2_000_000L) {
            return; // JavaFX pulses at 60 Hz; we draw at about 30
        }
        if (lastFrame != 0 && now - lastFrame > 2 * PERIOD) {
            droppedFrames += (now - lastFrame) / PERIOD - 1;
        }
        lastFrame = now;
        long t0 = clock.getAsLong();
        frame(now);
        long work = clock.getAsLong() - t0;
        frames++;
        lastFrameWork = work;
        totalFrameWork += work;
        maxFrameWork = Math.max(maxFrameWork, work);
    }

    /** One frame's work; public to the package so tests and the bench can drive frames. */
    void frame(long now) {
        Recorder r = source.recorder();
        if (r != null) {
            r.drain(data::addSample, data::addEvent);
        }
        data.flushEvents();
        listener.onFrame(now);
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
        frames = 0;
        droppedFrames = 0;
        maxFrameWork = 0;
        totalFrameWork = 0;
    }
}
