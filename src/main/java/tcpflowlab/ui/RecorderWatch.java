package tcpflowlab.ui;

import javafx.application.Platform;
import tcpflowlab.telemetry.Recorder;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * While the frame loop rests, looks into the run's recorder 10 times a second and wakes the
 * loop when data arrives: a paused Live run's kernel goes on delivering, and a step's events
 * may land after the frame that asked for them. Far cheaper than JavaFX pulsing 60 times a
 * second to look.
 */
final class RecorderWatch implements AutoCloseable {
    static final long PERIOD_MILLIS = 100;

    private final Runnable wake;
    private ScheduledExecutorService thread;
    private ScheduledFuture<?> task;
    private volatile Recorder watched;

    /** {@code wake} runs on the FX thread, once per watch that saw data. */
    RecorderWatch(Runnable wake) {
        this.wake = wake;
    }

    /** Starts watching {@code recorder} (FX thread). */
    void watch(Recorder recorder) {
        cancel();
        watched = recorder;
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tcpflowlab-recorder-watch");
                t.setDaemon(true);
                return t;
            });
        }
        task = thread.scheduleWithFixedDelay(() -> {
            Recorder w = watched;
            if (w != null && w.hasPending()) {
                watched = null;
                Platform.runLater(wake);
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops watching (FX thread). */
    void cancel() {
        watched = null;
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    @Override
    public void close() {
        cancel();
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }
}
