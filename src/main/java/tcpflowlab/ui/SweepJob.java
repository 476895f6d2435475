package tcpflowlab.ui;

import javafx.application.Platform;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepResult;
import tcpflowlab.sweep.SweepRunner;
import tcpflowlab.sweep.SweepSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One sweep the Sweep view runs: {@link SweepRunner} on a thread of its own (never the FX
 * thread), its finished cells collected as they come for the view to read at its own pace,
 * and a cancel that keeps them.
 */
final class SweepJob {
    private final SweepSpec spec;
    private final ScenarioCodec codec;
    private final int jobs;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<CellResult> finished = new ArrayList<>();
    private final long started = System.nanoTime();
    private volatile long ended;

    SweepJob(SweepSpec spec, ScenarioCodec codec, int jobs) {
        this.spec = spec;
        this.codec = codec;
        this.jobs = jobs;
    }

    /**
     * Starts the sweep. {@code onEnd} hears, on the FX thread, the finished cells (all of them,
     * or those finished before a cancel); {@code onRefused} a cell the scenario rules forbid,
     * found before the first cell runs.
     */
    void start(Consumer<SweepResult> onEnd, Consumer<String> onRefused) {
        Thread t = new Thread(() -> {
            try {
                spec.validateCells(codec);
            } catch (InvalidScenarioException e) {
                ended = System.nanoTime();
                Platform.runLater(() -> onRefused.accept(e.getMessage()));
                return;
            }
            SweepRunner runner = new SweepRunner(spec, codec);
            SweepResult result;
            try {
                result = runner.run(runner.allCells(), jobs, this::add, cancelled::get);
            } catch (InterruptedException e) {
                result = new SweepResult(spec, finished());
            }
            ended = System.nanoTime();
            SweepResult done = result;
            Platform.runLater(() -> onEnd.accept(done));
        }, "tcpflowlab-sweep");
        t.setDaemon(true);
        t.start();
    }

    private void add(CellResult cell) {
        synchronized (finished) {
            finished.add(cell);
        }
    }

    /** The cells finished so far, in the order they finished. */
    List<CellResult> finished() {
        synchronized (finished) {
            return List.copyOf(finished);
        }
    }

    int doneCount() {
        synchronized (finished) {
            return finished.size();
        }
    }

    void cancel() {
        cancelled.set(true);
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    SweepSpec spec() {
        return spec;
    }

    int jobs() {
        return jobs;
    }

    /** Wall time from start to end (or to now while it runs). */
    long elapsedNanos() {
        long end = ended;
        return (end == 0 ? System.nanoTime() : end) - started;
    }

    SweepProgress progress() {
        return new SweepProgress(doneCount(), spec.cellCount(), elapsedNanos());
    }
}
