package tcpflowlab.ui;

import tcpflowlab.export.CsvTelemetryWriter;
import tcpflowlab.live.LiveOptions;
import tcpflowlab.engine.Engines;
import tcpflowlab.live.LiveRun;
import tcpflowlab.engine.Moment;
import tcpflowlab.run.ModelRun;
import tcpflowlab.sim.Rewind;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.telemetry.Recorder;
import tcpflowlab.engine.Run;
import tcpflowlab.engine.RunState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Owns the current run: the engine, its thread, the recorder the frame loop drains, and a
 * temporary CSV log of samples and events (for data export of the whole run in bounded
 * memory). Knows nothing about how the engine computes; talks to it through {@link tcpflowlab.engine.Run}.
 */
public final class RunController implements AutoCloseable {
    /**
     * At "max", the share of wall time the engine computes (the rest is left to the threads that
     * draw). Measured on 2 cores with software rendering, 0.5 and 0.35 gave the same frame rate
     * as 1.0 (BENCHMARKS.md), so the default is flat out; -Dtcpflowlab.maxSpeedShare tunes it.
     */
    static final double MAX_SPEED_SHARE = Double.parseDouble(System.getProperty("tcpflowlab.maxSpeedShare", "1.0"));

    private final Engines engines;
    private final ScenarioCodec codec;
    private Run run;
    private ModelRun modelRun;
    private LiveRun liveRun;
    private Engines.Kind engine = Engines.Kind.MODEL;
    private Recorder recorder;
    private CsvTelemetryWriter log;
    private tcpflowlab.export.PcapWriter capture;
    static final String LIVE_CAPTURE = "live.pcapng";
    static final String CAPTURE = "run.pcap";
    private volatile Path logDir;
    /**
     * Removes the run's temporary folder (and stops its capture) when the JVM exits without the
     * run being closed, e.g. the app killed by SIGTERM or Ctrl+C in its terminal: JavaFX calls
     * Application.stop() only for a normal quit. Registered only while there is a folder.
     */
    private final Thread exitCleanup = new Thread(this::removeTemporaryFiles, "tcpflowlab-run-cleanup");
    private boolean exitCleanupRegistered;
    private Scenario scenario;
    private double speed = 1.0;

    public RunController(ScenarioCodec codec) {
        this.engines = new Engines(codec);
        this.codec = codec;
    }

    /** Sets up a run of {@code scenario} without starting it. */
    public void prepare(Scenario scenario) {
        prepare(scenario, null);
    }

    /**
     * Like {@link #prepare(Scenario)}, with one more sink for the Model's telemetry (a lesson's
     * event tape), or none ({@code null}).
     */
    public void prepare(Scenario scenario, tcpflowlab.telemetry.TelemetrySink extra) {
        prepare(scenario, extra, null);
    }

    /**
     * Sets up a Model run that recomputes {@code moment}: the same scenario, seed and knob
     * changes; run it to the moment's time, then {@link #endReplay()}.
     */
    public void prepareBranch(Moment moment) {
        engine = Engines.Kind.MODEL;
        prepare(moment.scenario(), null, moment);
    }

    private void prepare(Scenario scenario, tcpflowlab.telemetry.TelemetrySink extra, Moment replay) {
        close();
        this.scenario = scenario;
        recorder = new Recorder();
        try {
            logDir = Files.createTempDirectory("tcpflowlab-run");
            registerExitCleanup();
            log = new CsvTelemetryWriter(logDir, scenario.name(), false);
        } catch (IOException e) {
            removeTemporaryFiles();
            throw new UncheckedIOException("cannot create the run's temporary log", e);
        }
        if (engine == Engines.Kind.LIVE) {
            liveRun = engines.live(scenario, List.of(recorder, log), LiveOptions.both(0));
            // the capture the run reads its own segments from, kept for File -> Export -> pcap
            liveRun.keepCapture(logDir.resolve(LIVE_CAPTURE));
            run = liveRun;
            return;
        }
        try {
            capture = new tcpflowlab.export.PcapWriter(logDir.resolve(CAPTURE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run's temporary capture", e);
        }
        List<tcpflowlab.telemetry.TelemetrySink> sinks = extra == null ? List.of(recorder, log, capture)
                : List.of(recorder, log, capture, extra);
        modelRun = replay == null ? engines.modelRun(scenario, sinks)
                : ModelRun.withSystemClock(Rewind.engine(replay, sinks, codec));
        Recorder r = recorder;
        modelRun.setBackpressure(r::isBacklogged);
        modelRun.setMaxSpeedShare(MAX_SPEED_SHARE);
        modelRun.setSpeed(speed);
        run = modelRun;
    }

    /** The Model run's moment at run time {@code t} (at most now), for a branch or a link; null for Live. */
    public Moment momentAt(long t) {
        return modelRun == null ? null : Rewind.momentOf(modelRun.engine(), Math.min(t, modelRun.timeNanos()));
    }

    /** A recomputed run has reached its moment: from here the knobs are the user's. */
    public void endReplay() {
        if (modelRun != null) {
            modelRun.engine().dropKnobSchedule();
        }
    }

    /** The engine for the next prepared run. */
    public void setEngine(Engines.Kind engine) {
        this.engine = engine;
    }

    public Engines.Kind engine() {
        return engine;
    }

    /** Whether the current engine can step and change speed (the Model can; Live runs in real time). */
    public boolean canStep() {
        return engine == Engines.Kind.MODEL;
    }

    /** Why the run failed, or null. */
    public String failure() {
        return run == null ? null : run.failure();
    }

    public boolean isPrepared() {
        return run != null;
    }

    public void start() {
        run.start();
    }

    public void pause() {
        run.pause();
    }


    public void setSpeed(double factor) {
        speed = factor;
        if (modelRun != null) {
            modelRun.setSpeed(factor);
        }
    }

    public double speed() {
        return speed;
    }

    public RunState state() {
        return run == null ? RunState.READY : run.state();
    }

    /** Whether a run has started and not ended (knob changes go to its engine then). */
    public boolean hasActiveRun() {
        RunState s = state();
        return run != null && (s == RunState.RUNNING || s == RunState.PAUSED);
    }

    public Run run() {
        return run;
    }

    /** The Model run, or null when there is none (no run, or a Live one). */
    public ModelRun modelRun() {
        return modelRun;
    }

    public Recorder recorder() {
        return recorder;
    }

    public Scenario scenario() {
        return scenario;
    }

    public long timeNanos() {
        return run == null ? 0 : run.timeNanos();
    }

    /** Events processed by the engine (Model: its event queue; Live: the applications' events on both loops). */
    public long engineEvents() {
        if (modelRun != null) {
            return modelRun.engine().eventsProcessed();
        }
        return liveRun == null ? 0 : liveRun.eventsProcessed();
    }

    /**
     * The run's packet capture so far: the Model's own (flushed), or the Live run's dumpcap
     * file; null when a Live run could not be captured ({@link #captureWhyNot()} says why).
     */
    public Path flushedCapture() throws IOException {
        if (capture != null) {
            capture.flush();
            return logDir.resolve(CAPTURE);
        }
        return liveRun == null || !liveRun.captured() ? null : logDir.resolve(LIVE_CAPTURE);
    }

    /** Why a Live run has no capture (where its kernel events come from instead), or null. */
    public String captureWhyNot() {
        return liveRun == null || liveRun.captured() ? null : liveRun.telemetrySource();
    }

    /** Where the Live run's kernel events come from (capture or per-connection polling), or null. */
    public String telemetrySource() {
        return liveRun == null ? null : liveRun.telemetrySource();
    }

    /** The run's temporary samples.csv / events.csv, flushed up to now. */
    public Path flushedLog(String file) throws IOException {
        log.flush();
        return log.path(file);
    }

    @Override
    public void close() {
        if (run != null) {
            run.stop();
            try {
                run.awaitEnd(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (capture != null) {
            try {
                capture.close();
            } catch (IOException e) {
                // a temporary file
            }
        }
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                // a temporary file; nothing to tell the user
            }
        }
        removeTemporaryFiles();
        unregisterExitCleanup();
        capture = null;
        run = null;
        modelRun = null;
        liveRun = null;
        recorder = null;
        log = null;
        logDir = null;
    }

    /**
     * Stops the capture and deletes the run's temporary folder (CSV log, pcap). Also what runs
     * when the JVM exits with a run still open.
     */
    void removeTemporaryFiles() {
        LiveRun r = liveRun;
        if (r != null) {
            r.stop(); // its dumpcap is a process of its own: it would outlive the app
        }
        Path dir = logDir;
        if (dir != null) {
            deleteQuietly(dir);
        }
    }

    private void registerExitCleanup() {
        if (!exitCleanupRegistered) {
            Runtime.getRuntime().addShutdownHook(exitCleanup);
            exitCleanupRegistered = true;
        }
    }

    private void unregisterExitCleanup() {
        if (exitCleanupRegistered) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitCleanup);
            } catch (IllegalStateException e) {
                // the JVM is already exiting: the hook runs anyway
            }
            exitCleanupRegistered = false;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
