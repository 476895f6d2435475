package tcpflowlab.ui;

import tcpflowlab.engine.Engines;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import tcpflowlab.engine.Knobs;
import tcpflowlab.engine.RunState;
import tcpflowlab.telemetry.TcpEvent;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The main window: toolbar (Run, Pause, Step, Reset, speed), menus (file, presets, export,
 * view, help), the status bar and the keyboard. It composes the knob panel, the charts and the
 * event log, which only talk through {@link AppModel} and {@link FrameData}.
 */
public final class MainController {
    static final String LIVE_NOTE = "Live: real sockets on 127.0.0.1 through this machine's TCP stack; time is the wall clock";
    static final String LIVE_PAUSED = "Paused: both applications hold (no socket calls); the kernel goes on "
            + "delivering, acknowledging and probing, as the ladder shows";
    static final List<String> SPEEDS = List.of("0.01x", "0.1x", "0.25x", "0.5x", "1x", "2x", "5x", "10x",
            "100x", "1000x", "max");

    private final AppModel model;
    private final RunController runs;
    private final FrameData frameData = new FrameData();
    private FrameLoop frames;
    private ExportActions exports;
    private final Dialogs dialogs = new Dialogs(() -> this.stage, this::message);
    private final ScenarioFiles files;
    private final HelpDialogs help = new HelpDialogs(dialogs, () -> model().presentationModeProperty().get());
    private ExportDialogs exportDialogs;
    private SweepWindow sweep;
    /** The scenario the last sweep cell opened, so opening the next asks nothing. */
    private tcpflowlab.scenario.Scenario openedCell;
    private final FirstRunHint hint = new FirstRunHint(this::choosePreset);
    private List<PresetEntry> presetEntries = List.of();
    private Stage stage;
    private long rateWallStart;
    private long rateEventsStart;
    private double eventsPerSecond;
    private long statusUpdated;

    @FXML
    private BorderPane root;
    @FXML
    private Menu presetsMenu;
    @FXML
    private Menu recentMenu;
    @FXML
    private CheckMenuItem presentationItem;
    @FXML
    private CheckMenuItem followLatestItem;
    @FXML
    private Button runButton;
    @FXML
    private Button pauseButton;
    @FXML
    private Button stepButton;
    @FXML
    private Button resetButton;
    @FXML
    private Button pinButton;
    @FXML
    private ComboBox<StepChoice> stepSizeBox;
    @FXML
    private javafx.scene.layout.HBox stepGroup;
    private StepController steps;
    @FXML
    private ComboBox<String> speedBox;
    @FXML
    private ComboBox<Engines.Kind> engineBox;
    @FXML
    private Label sourceLabel;
    @FXML
    private Label scenarioLabel;
    @FXML
    private Label stateLabel;
    @FXML
    private Label timeLabel;
    @FXML
    private Label speedLabel;
    @FXML
    private Label rateLabel;
    @FXML
    private Label messageLabel;
    @FXML
    private KnobPanelController knobPanelController;
    @FXML
    private ChartPanelController chartPanelController;
    @FXML
    private EventLogController eventLogController;
    @FXML
    private LadderController ladderController;
    @FXML
    private javafx.scene.control.Tab ladderTab;
    @FXML
    private javafx.scene.control.SplitPane centerSplit;
    @FXML
    private javafx.scene.control.TabPane bottomTabs;
    private PinnedReference reference;
    @FXML
    private LessonPanelController lessonPanelController;
    @FXML
    private Menu lessonsMenu;
    private LessonPlayer lessonPlayer;
    private LessonMode lessons;
    private LessonEvidence evidence;
    private Branching branching;
    private RewindHandle rewindHandle;
    private final tcpflowlab.engine.MomentCodec moments;

    MainController(AppModel model, RunController runs) {
        this.model = model;
        this.runs = runs;
        this.moments = new tcpflowlab.engine.MomentCodec(model.codec());
        this.files = new ScenarioFiles(model, dialogs, () -> {
            resetRun();
            updateButtons();
        });
    }

    @FXML
    private void initialize() {
        knobPanelController.init(model, this::runKnobs);
        chartPanelController.init(model, frameData);
        eventLogController.init(frameData, this::onEventSelected, () -> model.followLatestProperty().set(true));
        ladderController.init(frameData, model, runs::captureWhyNot);
        exports = new ExportActions(chartPanelController.flowChart(), chartPanelController.range(), runs,
                model.codec());
        exportDialogs = new ExportDialogs(model, runs, exports, ladderController, dialogs);
        presetEntries = PresetEntry.all(model.presets());
        PresetChooser.fill(presetsMenu, presetEntries, this::choosePreset, this::loadPreset);
        chartPanelController.addOverlay(hint.node());
        reference = new PinnedReference(chartPanelController, bottomTabs);
        model.recent().addListener((javafx.collections.ListChangeListener<Path>) c -> files.rebuildRecent(recentMenu));
        files.rebuildRecent(recentMenu);
        speedBox.getItems().setAll(SPEEDS);
        speedBox.setValue("1x");
        speedBox.valueProperty().addListener((obs, old, v) -> {
            if (v != null) {
                runs.setSpeed(parseSpeed(v));
            }
        });
        engineBox.getItems().setAll(Engines.Kind.values());
        engineBox.setValue(Engines.Kind.MODEL);
        engineBox.valueProperty().addListener((obs, old, e) -> {
            if (e != null && e != runs.engine()) {
                resetRun();
                runs.setEngine(e);
                updateButtons();
                message(e == Engines.Kind.LIVE ? LIVE_NOTE : "");
            }
        });
        presentationItem.selectedProperty().bindBidirectional(model.presentationModeProperty());
        new ProjectorLayout(model, root, centerSplit, eventLogController.split(), eventLogController.table(),
                knobPanelController::showStoryKnobsOnly);
        followLatestItem.selectedProperty().bindBidirectional(model.followLatestProperty());
        model.presentationModeProperty().addListener((obs, old, on) -> {
            if (on) {
                root.getStyleClass().add("presentation");
            } else {
                root.getStyleClass().remove("presentation");
            }
        });
        model.scenarioProperty().addListener((obs, old, s) -> updateTitle());
        model.dirtyProperty().addListener((obs, old, d) -> updateTitle());
        model.fileProperty().addListener((obs, old, f) -> updateTitle());
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installKeys(scene);
            }
        });
        frames = new FrameLoop(frameData, runs::recorder, now -> onFrame(), System::nanoTime);
        steps = new StepController(stepButton, stepSizeBox, stepGroup, runs, frameData, frames, chartPanelController,
                eventLogController, new StepController.Window() {
                    @Override
                    public void newRun() {
                        resetRun();
                        runs.prepare(model.scenario());
                    }

                    @Override
                    public void message(String text) {
                        MainController.this.message(text);
                    }

                    @Override
                    public void updateButtons() {
                        MainController.this.updateButtons();
                    }
                });
        initLessons();
        branching = new Branching(runs, frames, chartPanelController, new Branching.Window() {
            @Override
            public void resetRun() {
                MainController.this.resetRun();
            }

            @Override
            public String pinReference() {
                return reference.pin(runs, frameData, model.scenario().name());
            }

            @Override
            public void message(String text) {
                MainController.this.message(text);
            }

            @Override
            public void updateButtons() {
                MainController.this.updateButtons();
            }

            @Override
            public boolean lessonOpen() {
                return lessonPlayer.isOpen();
            }
        });
        rewindHandle = new RewindHandle(chartPanelController.viewer(), branching);
        chartPanelController.addOverlay(rewindHandle);
        frames.setActivity(() -> runs.state() == RunState.RUNNING || steps.isStepping() || lessonPlayer.isBusy()
                        || branching.isComputing(),
                chartPanelController.viewer().renderer()::isIdle);
        // Frames only while something changes (FrameLoop): these change what the views show.
        for (javafx.beans.Observable o : List.of(model.followLatestProperty(), model.timeWindowProperty(),
                model.presentationModeProperty(), speedBox.valueProperty(), engineBox.valueProperty(),
                ladderTab.selectedProperty())) {
            o.addListener(changed -> frames.requestFrame());
        }
        frames.start();
        updateTitle();
        updateButtons();
    }

    /** Lesson mode: the panel beside the charts, the Lessons menu, the evidence on every view. */
    private void initLessons() {
        evidence = new LessonEvidence(chartPanelController, eventLogController, ladderController, bottomTabs,
                ladderTab, frameData);
        lessonPlayer = new LessonPlayer(new LessonPlayer.Window() {
            @Override
            public tcpflowlab.run.ModelRun newRun(tcpflowlab.lesson.Lesson lesson,
                                                  tcpflowlab.telemetry.TelemetrySink sink) {
                engineBox.setValue(Engines.Kind.MODEL); // lessons are deterministic: the Model only
                model.scenarioProperty().set(lesson.scenario());
                model.fileProperty().set(null);
                model.dirtyProperty().set(false);
                resetRun();
                evidence.clear();
                runs.prepare(lesson.scenario(), sink);
                updateButtons();
                return runs.modelRun();
            }

            @Override
            public void busy(boolean busy, String doing) {
                if (busy && runs.run() != null) {
                    runs.run().pause();
                    chartPanelController.viewer().renderer().awaitIdle();
                    frames.catchUp(System.nanoTime());
                }
                message(doing.isEmpty() ? "" : "lesson: " + doing + (busy ? " …" : ""));
                updateButtons();
                frames.requestFrame();
            }

            @Override
            public void stopped(long nanos) {
                chartPanelController.viewer().renderer().awaitIdle();
                frames.catchUp(System.nanoTime());
                evidence.clear();
                eventLogController.clearSelection();
                chartPanelController.markTime(nanos / 1e9);
                updateButtons();
                frames.requestFrame();
            }

            @Override
            public void knobsTurned(List<tcpflowlab.lesson.KnobSetting> settings) {
                // the panel shows what the run uses, and a hand change back to the old value is a change
                tcpflowlab.scenario.Scenario s = model.scenario();
                for (tcpflowlab.lesson.KnobSetting k : settings) {
                    try {
                        s = model.codec().with(s, k.field(), k.value());
                    } catch (tcpflowlab.scenario.InvalidScenarioException e) {
                        // the session was refused it too, and says so on the panel
                    }
                }
                model.scenarioProperty().set(s);
            }

            @Override
            public tcpflowlab.run.ModelRun currentRun() {
                return runs.modelRun();
            }

            @Override
            public void revealed(tcpflowlab.lesson.LessonSession.Revealed v) {
                chartPanelController.viewer().renderer().awaitIdle();
                frames.catchUp(System.nanoTime());
                if (v.answer() != null) {
                    evidence.show(v.answer());
                }
                updateButtons();
                frames.requestFrame();
            }
        }, () -> lessonPanelController.refresh());
        lessons = new LessonMode(model, lessonPlayer, dialogs, files::confirmDiscard);
        lessonPanelController.init(model, lessonPlayer, new LessonPanelController.Actions() {
            @Override
            public void exportSummary(boolean pdf) {
                lessons.exportSummary(pdf);
            }

            @Override
            public void showInLog() {
                evidence.showInLog();
            }

            @Override
            public void showOnLadder() {
                evidence.showOnLadder();
            }
        });
        lessons.fill(lessonsMenu);
        new LessonLayout(root, root.getLeft(), lessonPanelController.root(), model.presentationModeProperty());
    }

    void attach(Stage stage) {
        this.stage = stage;
        stage.setOnCloseRequest(e -> {
            if (!files.confirmDiscard("quitting")) {
                e.consume();
            }
        });
        updateTitle();
    }

    void applyOptions(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--preset" -> loadPreset(args.get(++i));
                case "--speed" -> speedBox.setValue(args.get(++i));
                case "--presentation" -> model.presentationModeProperty().set(true);
                case "--engine" -> selectEngine(args.get(++i));
                case "--autorun" -> onRun();
                case "--sweep" -> javafx.application.Platform.runLater(this::onSweep);
                case "--lesson" -> lessons.open(args.get(++i));
                case "--moment" -> openMoment(MomentLink.argumentPath(args.get(++i)));
                default -> message("unknown option " + a);
            }
        }
    }

    private void selectEngine(String name) {
        for (Engines.Kind e : Engines.Kind.values()) {
            if (e.name().equalsIgnoreCase(name)) {
                engineBox.setValue(e);
                return;
            }
        }
        message("unknown engine " + name + " (model or live)");
    }

    private Knobs runKnobs() {
        return runs.hasActiveRun() ? runs.run().knobs() : null;
    }

    // ------------------------------------------------------------------ the run

    @FXML
    void onRun() {
        if (lessonPlayer.isBusy()) {
            return; // the lesson is taking the run to its stop
        }
        RunState s = runs.state();
        if (!runs.isPrepared() || s == RunState.FINISHED || s == RunState.STOPPED || s == RunState.FAILED) {
            resetRun();
            runs.prepare(model.scenario());
        }
        steps.release();
        runs.start();
        if (runs.engine() == Engines.Kind.LIVE && runs.state() == RunState.RUNNING) {
            message(LIVE_NOTE);
        }
        frames.requestFrame();
        updateButtons();
    }

    @FXML
    void onPause() {
        if (runs.state() == RunState.RUNNING) {
            runs.pause();
            if (runs.engine() == Engines.Kind.LIVE) {
                message(LIVE_PAUSED);
            }
        }
        frames.requestFrame();
        updateButtons();
    }

    @FXML
    void onStep() {
        if (lessonPlayer.isBusy()) {
            return;
        }
        steps.step();
    }

    @FXML
    void onReset() {
        resetRun();
        updateButtons();
    }

    private void resetRun() {
        runs.close();
        chartPanelController.viewer().renderer().awaitIdle();
        frameData.clear();
        chartPanelController.clear();
        eventLogController.clearSelection();
        knobPanelController.setRunning(false);
        onFrame();
        if (frames != null) {
            frames.requestFrame();
        }
    }

    @FXML
    void onPinReference() {
        String why = reference.pin(runs, frameData, model.scenario().name());
        message(why == null ? "pinned as reference: the next run is drawn over it" : why);
        frames.requestFrame();
    }

    /** Run > Branch here...: asks for the time (now by default), then branches there. */
    @FXML
    void onBranch() {
        String why = branching.whyNot();
        if (why != null) {
            message(why);
            return;
        }
        double latest = branching.latest() / 1e9;
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(rewindHandle.isMoved()
                ? RewindHandle.exactSeconds(rewindHandle.timeNanos()) : String.format(Locale.ROOT, "%.3f", latest));
        d.setTitle("Branch the run");
        d.setHeaderText(String.format(Locale.ROOT, "Rewind to t = (seconds, 0 to %.3f); this run is kept faded "
                + "as the reference", latest));
        dialogs.own(d);
        d.showAndWait().ifPresent(text -> {
            try {
                double t = Double.parseDouble(text.trim());
                if (!(t >= 0 && t <= latest)) {
                    throw new NumberFormatException();
                }
                branching.branch(Math.round(t * 1e9));
            } catch (NumberFormatException e) {
                message(String.format(Locale.ROOT, "branch time '%s' is not allowed: seconds from 0 to %.3f", text,
                        latest));
            }
        });
    }

    /** Run > Copy link to this moment: the moment saved as a file, the command that opens it on the clipboard. */
    @FXML
    void onCopyMomentLink() {
        String why = runs.engine() == Engines.Kind.MODEL && runs.isPrepared() && runs.state() != RunState.READY ? null
                : runs.engine() == Engines.Kind.MODEL ? "nothing to link to yet: run a scenario first" : Branching.LIVE_WHY;
        if (why != null) {
            message(why);
            return;
        }
        try {
            Path file = new MomentLink(moments, MomentLink.defaultDir()).save(runs.momentAt(runs.timeNanos()));
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString(MomentLink.command(file));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            message("moment saved as " + file + "; the command that opens it is on the clipboard");
        } catch (java.io.IOException e) {
            message("cannot save the moment: " + e.getMessage());
        }
    }

    /** File > Open moment... */
    @FXML
    void onOpenMoment() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Open moment");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Moment (JSON)", "*.json"));
        Path dir = MomentLink.defaultDir();
        if (java.nio.file.Files.isDirectory(dir)) {
            chooser.setInitialDirectory(dir.toFile());
        }
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openMoment(f.toPath());
        }
    }

    /** Opens a moment file: its scenario recomputed to its time, paused there; a bad file is reported and changes nothing. */
    boolean openMoment(Path file) {
        tcpflowlab.engine.Moment m;
        try {
            m = moments.read(file);
        } catch (tcpflowlab.scenario.InvalidScenarioException e) {
            message("cannot open the moment " + file.getFileName() + ": " + e.problems().get(0));
            dialogs.error("Cannot open the moment " + file.getFileName(), String.join("\n", e.problems()));
            return false;
        }
        if (!files.confirmDiscard("opening a moment")) {
            return false;
        }
        engineBox.setValue(Engines.Kind.MODEL);
        model.edit(m.scenario());
        branching.open(m, file.getFileName().toString());
        return true;
    }

    @FXML
    void onClearReference() {
        reference.clear();
        frames.requestFrame();
    }

    private void toggleRun() {
        if (runs.state() == RunState.RUNNING) {
            onPause();
        } else {
            onRun();
        }
    }

    private void changeSpeed(int direction) {
        int i = SPEEDS.indexOf(speedBox.getValue());
        int next = Math.max(0, Math.min(SPEEDS.size() - 1, (i < 0 ? 4 : i) + direction));
        speedBox.setValue(SPEEDS.get(next));
    }

    static double parseSpeed(String text) {
        if (text.equals("max")) {
            return Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(text.replace("x", ""));
    }

    private void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focus = scene.getFocusOwner();
            KeyCode k = e.getCode();
            // A presenter's clicker sends Page Down / Page Up, wherever the focus is (the prediction field too).
            if ((k == KeyCode.PAGE_DOWN || k == KeyCode.PAGE_UP) && lessonPlayer.isOpen() && !e.isShortcutDown()) {
                if (k == KeyCode.PAGE_DOWN) {
                    lessonPanelController.onAdvance();
                } else {
                    lessonPanelController.onBack();
                }
                e.consume();
                return;
            }
            if (focus instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            if (k == KeyCode.SPACE) {
                toggleRun();
            } else if (k == KeyCode.S) {
                onStep();
            } else if (k == KeyCode.R) {
                onReset();
            } else if (k == KeyCode.PLUS || k == KeyCode.ADD || k == KeyCode.EQUALS) {
                changeSpeed(+1);
            } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                changeSpeed(-1);
            } else {
                return;
            }
            e.consume();
        });
    }

    private void onFrame() {
        chartPanelController.onFrame();
        if (frames == null || frames.eventsFlushed() || runs.state() != RunState.RUNNING) {
            eventLogController.onFrame(model.followLatestProperty().get());
        }
        if (ladderTab.isSelected()) {
            ladderController.onFrame();
        }
        long wall = System.nanoTime();
        if (wall - rateWallStart > 500_000_000L) {
            long ev = runs.engineEvents();
            eventsPerSecond = rateWallStart == 0 || runs.state() != RunState.RUNNING ? 0 : (ev - rateEventsStart) * 1e9 / (wall - rateWallStart);
            rateWallStart = wall;
            rateEventsStart = ev;
            updateButtons();
        }
        // The status bar is read, not watched: 4 updates a second spare a layout pass per frame.
        if (wall - statusUpdated < 250_000_000L && runs.state() == RunState.RUNNING) {
            return;
        }
        statusUpdated = wall;
        RunState s = runs.state();
        reference.update(runs);
        stateLabel.setText(s.name().toLowerCase(Locale.ROOT));
        timeLabel.setText(String.format(Locale.ROOT, "t = %.3f s", runs.timeNanos() / 1e9));
        speedLabel.setText("speed " + speedBox.getValue());
        rateLabel.setText(String.format(Locale.ROOT, "%,.0f events/s", Math.max(0, eventsPerSecond)));
        if (s == RunState.FAILED && runs.failure() != null) {
            message("the run failed: " + runs.failure());
        }
    }

    private void updateButtons() {
        RunState s = runs.state();
        boolean running = s == RunState.RUNNING;
        runButton.setText(s == RunState.PAUSED ? "▶ Resume" : "▶ Run");
        runButton.setDisable(running);
        pauseButton.setDisable(!running);
        pinButton.setDisable(running || !runs.isPrepared());
        steps.update(runs.canStep());
        if (lessonPlayer != null && lessonPlayer.isBusy()) {
            runButton.setDisable(true);
            stepButton.setDisable(true);
        }
        speedBox.setDisable(!runs.canStep());
        knobPanelController.setRunning(runs.hasActiveRun());
        hint.update(!runs.isPrepared(), model.scenario().name());
        showTelemetrySource();
        if (rewindHandle != null) {
            rewindHandle.refresh();
        }
    }

    /** Names where a Live run's kernel events come from; nothing for the Model, whose events are its own. */
    private void showTelemetrySource() {
        String source = runs.telemetrySource();
        String text = source == null ? "" : "kernel events: " + source;
        if (!text.equals(sourceLabel.getText())) {
            sourceLabel.setText(text);
            sourceLabel.setTooltip(source == null ? null : new javafx.scene.control.Tooltip(text));
            sourceLabel.setVisible(source != null);
            sourceLabel.setManaged(source != null);
        }
    }

    private void onEventSelected(TcpEvent e) {
        chartPanelController.showEvent(e);
    }

    // ------------------------------------------------------------------ scenarios

    void loadPreset(String name) {
        files.loadPreset(name);
    }

    void choosePreset() {
        PresetChooser.choose(dialogs, presetEntries, model.scenario().name(),
                HelpDialogs.fontSize(model.presentationModeProperty().get())).ifPresent(this::loadPreset);
    }

    @FXML
    void onOpen() {
        files.open();
    }

    /** Opens a scenario file; a bad one is reported and changes nothing. */
    boolean openFile(Path path) {
        return files.openFile(path);
    }

    @FXML
    void onSave() {
        files.save();
    }

    @FXML
    void onSaveAs() {
        files.saveAs();
    }

    private void updateTitle() {
        String name = model.scenario().name() + (model.isDirty() ? " *" : "");
        scenarioLabel.setText(name);
        if (stage != null) {
            Path f = model.fileProperty().get();
            stage.setTitle("TCP Flow Lab: " + name + (f == null ? "" : " (" + f.getFileName() + ")"));
        }
    }

    // ------------------------------------------------------------------ export

    @FXML
    void onExportCharts() {
        exportDialogs.charts();
    }

    @FXML
    void onExportData() {
        exportDialogs.data();
    }

    @FXML
    void onExportPcap() {
        exportDialogs.pcap();
    }

    @FXML
    void onExportLadder() {
        exportDialogs.ladder();
    }

    LadderController ladder() {
        return ladderController;
    }

    javafx.scene.control.Tab ladderTab() {
        return ladderTab;
    }

    // ------------------------------------------------------------------ sweep

    @FXML
    void onSweep() {
        sweepWindow().show();
    }

    /** The Sweep view's window, made on first use. */
    SweepWindow sweepWindow() {
        if (sweep == null) {
            sweep = new SweepWindow(model, stage, this::openSweepCell);
        }
        return sweep;
    }

    /** A sweep cell's scenario, in place of the one being edited: ready to run, not started. */
    private void openSweepCell(tcpflowlab.scenario.Scenario cell, String what) {
        // the scenario a sweep cell opened is the sweep's own, not the user's work: no question for it
        boolean ownEdit = !model.scenario().equals(openedCell);
        if (ownEdit && !files.confirmDiscard("opening " + what)) {
            return;
        }
        resetRun();
        model.edit(cell);
        openedCell = model.scenario();
        updateButtons();
        message("opened " + what + " from the Sweep view: press Run to watch it");
        if (stage != null) {
            stage.toFront();
        }
    }

    // ------------------------------------------------------------------ help and misc

    @FXML
    void onModelNotes() {
        help.modelNotes();
    }

    @FXML
    void onLessonHelp() {
        help.lessonFormat();
    }

    @FXML
    void onOpenLesson() {
        lessons.choose();
    }

    /** Opens a shipped lesson by name or a lesson file; false (reported) when it cannot be used. */
    boolean openLesson(String nameOrFile) {
        return lessons.open(nameOrFile);
    }

    @FXML
    void onKeyboardHelp() {
        help.keyboard();
    }

    @FXML
    void onAbout() {
        help.about();
    }

    @FXML
    void onQuit() {
        if (files.confirmDiscard("quitting")) {
            shutdown();
            if (stage != null) {
                stage.close();
            }
        }
    }

    void shutdown() {
        if (sweep != null) {
            sweep.shutdown();
        }
        if (frames != null) {
            frames.stop();
        }
        chartPanelController.viewer().renderer().close();
        runs.close();
    }

    private void message(String text) {
        messageLabel.setText(text);
    }

    // ------------------------------------------------------------------ for tests and the bench

    AppModel model() {
        return model;
    }

    RunController runs() {
        return runs;
    }

    FrameData frameData() {
        return frameData;
    }

    FrameLoop frames() {
        return frames;
    }

    ComboBox<Engines.Kind> engineBox() {
        return engineBox;
    }

    ExportActions exports() {
        return exports;
    }

    KnobPanelController knobs() {
        return knobPanelController;
    }

    StepController steps() {
        return steps;
    }

    ChartPanelController charts() {
        return chartPanelController;
    }

    EventLogController eventLog() {
        return eventLogController;
    }

    Label messageLabel() {
        return messageLabel;
    }

    Label sourceLabel() {
        return sourceLabel;
    }

    FirstRunHint hint() {
        return hint;
    }

    PinnedReference reference() {
        return reference;
    }

    LessonPlayer lessonPlayer() {
        return lessonPlayer;
    }

    LessonPanelController lessonPanel() {
        return lessonPanelController;
    }

    LessonMode lessons() {
        return lessons;
    }

    Branching branching() {
        return branching;
    }

    RewindHandle rewindHandle() {
        return rewindHandle;
    }

    List<PresetEntry> presetEntries() {
        return presetEntries;
    }
}
