package tcpflowlab.ui;

import tcpflowlab.export.CsvTelemetryWriter;
import tcpflowlab.live.LiveOptions;
import tcpflowlab.live.LiveRun;
import tcpflowlab.live.LoopbackCapture;
import tcpflowlab.run.ModelRun;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.telemetry.Recorder;
import tcpflowlab.telemetry.Run;
import tcpflowlab.telemetry.RunState;

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
 * memory). Knows nothing about how the engine computes; talks to it through {@link ModelRun}.
 */
public final class RunController implements AutoCloseable {
    /**
     * At "max", the share of wall time the engine computes (the rest is left to the threads that
     * draw). Measured on 2 cores with software rendering, 0.5 and 0.35 gave the same frame rate
     * as 1.0 (BENCHMARKS.md), so the default is flat out; -Dtcpflowlab.maxSpeedShare tunes it.
     */
    static final double MAX_SPEED_SHARE = Double.parseDouble(System.getProperty("tcpflowlab.maxSpeedShare", "1.0"));

    /** The engines a run can use. */
    public enum Engine {
        MODEL("Model"), LIVE("Live");

        private final String label;

        Engine(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ScenarioCodec codec;
    private Run run;
    private ModelRun modelRun;
    private LiveRun liveRun;
    private Engine engine = Engine.MODEL;
    private Recorder recorder;
    private CsvTelemetryWriter log;
    private tcpflowlab.export.PcapWriter capture;
    private volatile LoopbackCapture liveCapture;
    private String captureWhyNot;
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
        this.codec = codec;
    }

    /** Sets up a run of {@code scenario} without starting it. */
    public void prepare(Scenario scenario) {
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
        if (engine == Engine.LIVE) {
            int port = freePort();
            LoopbackCapture.Attempt attempt = LoopbackCapture.start(port, logDir.resolve("live.pcapng"));
            liveCapture = attempt.capture();
            captureWhyNot = attempt.whyNot();
            liveRun = new LiveRun(scenario, List.of(recorder, log), LiveOptions.both(port), codec);
            run = liveRun;
            return;
        }
        try {
            capture = new tcpflowlab.export.PcapWriter(logDir.resolve(CAPTURE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run's temporary capture", e);
        }
        ModelEngine model = new ModelEngine(scenario, List.of(recorder, log, capture), codec);
        modelRun = ModelRun.withSystemClock(model);
        Recorder r = recorder;
        modelRun.setBackpressure(r::isBacklogged);
        modelRun.setMaxSpeedShare(MAX_SPEED_SHARE);
        modelRun.setSpeed(speed);
        run = modelRun;
    }

    /** The engine for the next prepared run. */
    public void setEngine(Engine engine) {
        this.engine = engine;
    }

    public Engine engine() {
        return engine;
    }

    /** Whether the current engine can step and change speed (the Model can; Live runs in real time). */
    public boolean canStep() {
        return engine == Engine.MODEL;
    }

    /** Why the run failed, or null. */
    public String failure() {
        if (liveRun != null && liveRun.failure() != null) {
            return liveRun.failure();
        }
        if (modelRun != null && modelRun.failure() != null) {
            return modelRun.failure().toString();
        }
        return null;
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

    public boolean step() {
        return run.step();
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

    /** Whether knob changes go to the engine (a run has started and not ended). */
    public boolean isLive() {
        RunState s = state();
        return run != null && (s == RunState.RUNNING || s == RunState.PAUSED);
    }

    public Run run() {
        return run;
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

    /** Events processed by the engine (Model: its event queue; Live: telemetry events reported). */
    public long engineEvents() {
        if (modelRun != null) {
            return modelRun.engine().eventsProcessed();
        }
        return liveRun == null ? 0 : liveRun.summary().events();
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
        return liveCapture == null ? null : liveCapture.file();
    }

    /** Why a Live run has no capture, or null. */
    public String captureWhyNot() {
        return captureWhyNot;
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            return 0;
        }
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
        if (liveCapture != null) {
            liveCapture.close();
            liveCapture = null;
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
        LoopbackCapture c = liveCapture;
        if (c != null) {
            c.close(); // dumpcap is a process of its own: it would outlive the app
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
