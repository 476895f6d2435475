package tcpflowlab.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import tcpflowlab.chart.LadderRenderer;
import tcpflowlab.engine.Run;
import tcpflowlab.engine.RunState;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.TcpEvent;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Step button and its size box: each press runs the Model until the chosen condition
 * ({@link Run#runUntil}) on a thread of its own, since the next reset may be minutes of run time
 * away, then brings every view to where the run stopped: the time axis follows, the crosshair
 * marks the moment, the log selects the newest event and "What happened?" explains it.
 */
final class StepController {
    static final String LIVE_WHY = "Step is for the Model: a Live run's time is this machine's kernel clock, "
            + "which no one can stop at the next event (Pause holds the applications; the kernel goes on)";

    /** What the window does around a step. */
    interface Window {
        /** A fresh run, prepared and not started (after a Reset, or when the last run ended). */
        void newRun();

        void message(String text);

        void updateButtons();
    }

    private final Button button;
    private final ComboBox<StepChoice> sizeBox;
    private final Tooltip liveWhy = new Tooltip(LIVE_WHY);
    private final Tooltip howFar = new Tooltip();
    private final Node group;
    private final RunController runs;
    private final FrameData data;
    private final FrameLoop frames;
    private final ChartPanelController charts;
    private final EventLogController log;
    private final Window window;
    private boolean stepping;
    private TcpEvent selectedByStep;

    StepController(Button button, ComboBox<StepChoice> sizeBox, Node group, RunController runs, FrameData data,
                   FrameLoop frames, ChartPanelController charts, EventLogController log, Window window) {
        this.button = button;
        this.sizeBox = sizeBox;
        this.group = group;
        this.runs = runs;
        this.data = data;
        this.frames = frames;
        this.charts = charts;
        this.log = log;
        this.window = window;
        liveWhy.setWrapText(true);
        liveWhy.setMaxWidth(420);
        sizeBox.getItems().setAll(StepChoice.all());
        sizeBox.setValue(StepChoice.NEXT_EVENT);
        sizeBox.setVisibleRowCount(14);
        sizeBox.valueProperty().addListener((obs, old, v) -> explainButton());
        explainButton();
        button.setTooltip(howFar);
    }

    private void explainButton() {
        howFar.setText("Run until " + choice().condition().describe() + ", then pause (S)");
    }

    private StepChoice choice() {
        return sizeBox.getValue() == null ? StepChoice.NEXT_EVENT : sizeBox.getValue();
    }

    /** One press of Step. */
    void step() {
        if (!runs.canStep()) {
            window.message(LIVE_WHY);
            return;
        }
        if (stepping) {
            return;
        }
        RunState s = runs.state();
        if (!runs.isPrepared() || s == RunState.FINISHED || s == RunState.STOPPED || s == RunState.FAILED) {
            window.newRun();
        }
        Run run = runs.run();
        run.pause(); // a running run stops here; a ready one waits for the step
        charts.viewer().renderer().awaitIdle(); // the views change now, not at the next frame
        frames.catchUp(System.nanoTime()); // what came before the step is not the step's
        long eventsBefore = data.eventsSeen();
        long segmentsBefore = data.segmentsSeen();
        StopCondition condition = choice().condition();
        stepping = true;
        charts.markTime(run.timeNanos() / 1e9);
        window.message("running until " + condition.describe() + " ...");
        window.updateButtons();
        frames.requestFrame(); // the loop beats while the step runs, so the charts follow it
        Thread t = new Thread(() -> {
            boolean met = run.runUntil(condition);
            Platform.runLater(() -> stepped(run, condition, met, eventsBefore, segmentsBefore));
        }, "step");
        t.setDaemon(true);
        t.start();
    }

    private void stepped(Run run, StopCondition condition, boolean met, long eventsBefore, long segmentsBefore) {
        stepping = false;
        if (runs.run() != run) {
            window.updateButtons(); // reset while stepping: the views belong to another run now
            return;
        }
        charts.viewer().renderer().awaitIdle();
        frames.catchUp(System.nanoTime());
        double t = run.timeNanos() / 1e9;
        List<TcpEvent> events = data.log();
        boolean newSegment = data.segmentsSeen() > segmentsBefore;
        if (newSegment && condition instanceof StopCondition.NextSegment) {
            explainSegment();
        } else if (data.eventsSeen() > eventsBefore && !events.isEmpty()) {
            TcpEvent newest = events.get(events.size() - 1);
            selectedByStep = log.selectStep(newest) ? newest : null;
            if (selectedByStep == null) {
                log.explain(EventLogController.describe(newest) + "\n\n(The log's filter hides this row.)");
            }
        } else if (newSegment) {
            explainSegment();
        } else {
            log.explain(String.format(Locale.ROOT, "t = %.6f s: nothing the class can see happened in this step "
                    + "(no event, no segment); the charts show the queues as they are now.", t));
        }
        charts.markTime(t);
        if (met) {
            window.message(String.format(Locale.ROOT, "stopped at t = %.6f s (%s)", t, condition.describe()));
        } else if (run.state() == RunState.FINISHED) {
            window.message("the run ended before " + condition.describe());
        } else if (run.state() == RunState.FAILED) {
            window.message("the run failed: " + run.failure());
        }
        window.updateButtons();
        frames.requestFrame();
    }

    private void explainSegment() {
        List<SegmentRecord> segments = data.recentSegments();
        log.explain(describe(segments.get(segments.size() - 1)));
    }

    /** The "What happened?" text for a step that ended at a segment. */
    static String describe(SegmentRecord s) {
        return String.format(Locale.ROOT, "SEGMENT at %s s, %s -> %s, connection %d%n%s%n%n%s",
                ScenarioFieldText.seconds(s.timeNanos()), s.from().lower(), s.from().peer().lower(), s.connection(),
                LadderRenderer.label(s), LadderRenderer.explain(s));
    }

    /** Before the run goes on: a row the step selected no longer holds the log still. */
    void release() {
        if (selectedByStep != null && selectedByStep == log.table().getSelectionModel().getSelectedItem()) {
            log.clearSelection();
        }
        selectedByStep = null;
    }

    /** Enables Step for the Model; for Live, disables it and says why on the group (a disabled button shows no tooltip). */
    void update(boolean canStep) {
        button.setDisable(!canStep || stepping);
        sizeBox.setDisable(!canStep);
        if (canStep) {
            Tooltip.uninstall(group, liveWhy);
        } else {
            Tooltip.install(group, liveWhy);
        }
    }

    boolean isStepping() {
        return stepping;
    }

    ComboBox<StepChoice> sizeBox() {
        return sizeBox;
    }

    Tooltip liveWhy() {
        return liveWhy;
    }
}
