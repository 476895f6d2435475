package tcpflowlab.ui;

import tcpflowlab.engine.Engines;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import tcpflowlab.export.ChartExporter;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.engine.Knobs;
import tcpflowlab.engine.RunState;
import tcpflowlab.telemetry.TcpEvent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The main window: toolbar (Run, Pause, Step, Reset, speed), menus (file, presets, export,
 * view, help), the status bar and the keyboard. It composes the knob panel, the charts and the
 * event log, which only talk through {@link AppModel} and {@link FrameData}.
 */
public final class MainController {
    static final List<String> SPEEDS = List.of("0.01x", "0.1x", "0.25x", "0.5x", "1x", "2x", "5x", "10x",
            "100x", "1000x", "max");

    private final AppModel model;
    private final RunController runs;
    private final FrameData frameData = new FrameData();
    private FrameLoop frames;
    private ExportActions exports;
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
    private CheckMenuItem followLiveItem;
    @FXML
    private Button runButton;
    @FXML
    private Button pauseButton;
    @FXML
    private Button stepButton;
    @FXML
    private Button resetButton;
    @FXML
    private ComboBox<String> speedBox;
    @FXML
    private ComboBox<Engines.Kind> engineBox;
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
    private Label framesLabel;
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

    MainController(AppModel model, RunController runs) {
        this.model = model;
        this.runs = runs;
    }

    @FXML
    private void initialize() {
        knobPanelController.init(model, this::liveKnobs);
        chartPanelController.init(model, frameData);
        eventLogController.init(frameData, this::onEventSelected);
        ladderController.init(frameData, model);
        exports = new ExportActions(chartPanelController.flowChart(), runs, model.codec());
        for (String name : model.presets().names()) {
            MenuItem item = new MenuItem(name);
            item.setOnAction(e -> loadPreset(name));
            presetsMenu.getItems().add(item);
        }
        model.recent().addListener((javafx.collections.ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
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
                message(e == Engines.Kind.LIVE
                        ? "Live: real sockets on 127.0.0.1 through this machine's TCP stack; time is the wall clock"
                        : "");
            }
        });
        presentationItem.selectedProperty().bindBidirectional(model.presentationModeProperty());
        followLiveItem.selectedProperty().bindBidirectional(model.followLiveProperty());
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
        frames.start();
        updateTitle();
        updateButtons();
    }

    void attach(Stage stage) {
        this.stage = stage;
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard("quitting")) {
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

    private Knobs liveKnobs() {
        return runs.hasActiveRun() ? runs.run().knobs() : null;
    }

    // ------------------------------------------------------------------ the run

    @FXML
    void onRun() {
        RunState s = runs.state();
        if (!runs.isPrepared() || s == RunState.FINISHED || s == RunState.STOPPED || s == RunState.FAILED) {
            resetRun();
            runs.prepare(model.scenario());
        }
        runs.start();
        updateButtons();
    }

    @FXML
    void onPause() {
        if (runs.state() == RunState.RUNNING) {
            runs.pause();
        }
        updateButtons();
    }

    @FXML
    void onStep() {
        if (!runs.canStep()) {
            message("Live runs in real time: there is no next event to step to");
            return;
        }
        if (!runs.isPrepared()) {
            resetRun();
            runs.prepare(model.scenario());
        }
        if (runs.state() == RunState.RUNNING) {
            runs.pause();
        }
        runs.step();
        updateButtons();
    }

    @FXML
    void onReset() {
        resetRun();
        updateButtons();
    }

    private void resetRun() {
        runs.close();
        frameData.clear();
        eventLogController.clearSelection();
        knobPanelController.setRunning(false);
        onFrame();
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
            if (focus instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            KeyCode k = e.getCode();
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
            eventLogController.onFrame(model.followLiveProperty().get());
        }
        if (ladderTab.isSelected()) {
            ladderController.onFrame();
        }
        long wall = System.nanoTime();
        if (wall - rateWallStart > 500_000_000L) {
            long ev = runs.engineEvents();
            eventsPerSecond = rateWallStart == 0 ? 0 : (ev - rateEventsStart) * 1e9 / (wall - rateWallStart);
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
        stateLabel.setText(s.name().toLowerCase(Locale.ROOT));
        timeLabel.setText(String.format(Locale.ROOT, "t = %.3f s", runs.timeNanos() / 1e9));
        speedLabel.setText("speed " + speedBox.getValue());
        rateLabel.setText(String.format(Locale.ROOT, "%,.0f events/s", Math.max(0, eventsPerSecond)));
        framesLabel.setText(frames == null ? "" : frames.droppedFrames() + " dropped frames");
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
        stepButton.setDisable(!runs.canStep());
        speedBox.setDisable(!runs.canStep());
        knobPanelController.setRunning(runs.hasActiveRun());
    }

    private void onEventSelected(TcpEvent e) {
        chartPanelController.showEvent(e);
    }

    // ------------------------------------------------------------------ scenarios

    void loadPreset(String name) {
        if (!confirmDiscard("loading preset " + name)) {
            return;
        }
        try {
            model.loadPreset(name);
            resetRun();
            updateButtons();
            message("");
        } catch (InvalidScenarioException e) {
            message(e.getMessage());
        }
    }

    @FXML
    void onOpen() {
        if (!confirmDiscard("opening another scenario")) {
            return;
        }
        FileChooser chooser = scenarioChooser("Open scenario");
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** Opens a scenario file; a bad one is reported and changes nothing. */
    boolean openFile(Path path) {
        try {
            model.open(path);
            resetRun();
            updateButtons();
            message("opened " + path.getFileName());
            return true;
        } catch (InvalidScenarioException e) {
            message(e.getMessage());
            error("Cannot open the scenario", e.getMessage());
            return false;
        }
    }

    @FXML
    void onSave() {
        if (model.fileProperty().get() == null) {
            onSaveAs();
        } else {
            save(model.fileProperty().get());
        }
    }

    @FXML
    void onSaveAs() {
        FileChooser chooser = scenarioChooser("Save scenario");
        chooser.setInitialFileName(ExportActions.safe(model.scenario().name()) + ".json");
        java.io.File f = chooser.showSaveDialog(stage);
        if (f != null && confirmOverwrite(f.toPath())) {
            save(f.toPath());
        }
    }

    private boolean save(Path path) {
        try {
            model.save(path);
            message("saved " + path.getFileName());
            return true;
        } catch (IOException e) {
            error("Cannot save the scenario", path + ": " + e.getMessage());
            return false;
        }
    }

    private FileChooser scenarioChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (*.json)", "*.json"));
        return chooser;
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : model.recent()) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                if (confirmDiscard("opening " + p.getFileName())) {
                    openFile(p);
                }
            });
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(model.recent().isEmpty());
    }

    /** Asks whether unsaved changes may be lost; true when there are none or the user agrees (or saved). */
    boolean confirmDiscard(String doing) {
        if (!model.isDirty()) {
            return true;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard changes", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The scenario '" + model.scenario().name()
                + "' has unsaved changes. Save them before " + doing + "?", save, discard, ButtonType.CANCEL);
        a.setHeaderText("Unsaved changes");
        owner(a);
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        if (answer.get() == save) {
            onSave();
            return !model.isDirty();
        }
        return true;
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
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Export charts");
        dialog.setHeaderText("Export the charts as PNG, SVG or PDF");
        ChoiceBox<ChartExporter.Format> format = new ChoiceBox<>();
        format.getItems().setAll(ChartExporter.Format.values());
        format.setValue(ChartExporter.Format.PNG);
        TextField width = new TextField("1600");
        TextField height = new TextField("1000");
        ChoiceBox<String> scope = new ChoiceBox<>();
        scope.getItems().setAll("current view", "whole run");
        scope.setValue("current view");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("Width (px)"), width);
        grid.addRow(2, new Label("Height (px)"), height);
        grid.addRow(3, new Label("Time range"), scope);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        owner(dialog);
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        int w;
        int h;
        try {
            w = Integer.parseInt(width.getText().trim());
            h = Integer.parseInt(height.getText().trim());
        } catch (NumberFormatException e) {
            error("Cannot export", "width and height must be whole numbers of pixels, "
                    + ChartExporter.MIN_SIZE + " .. " + ChartExporter.MAX_SIZE);
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export charts");
        String ext = format.getValue().extension();
        chooser.setInitialFileName(ExportActions.safe(model.scenario().name()) + "-charts." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(Locale.ROOT), "*." + ext));
        java.io.File f = chooser.showSaveDialog(stage);
        if (f == null || !confirmOverwrite(f.toPath())) {
            return;
        }
        try {
            exports.exportCharts(f.toPath(), currentScenarioName(), w, h, scope.getValue().equals("whole run"), true);
            message("exported " + f.getName());
        } catch (IOException | IllegalArgumentException e) {
            error("Cannot export the charts", e.getMessage());
        }
    }

    @FXML
    void onExportData() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export samples and events as CSV into a folder");
        java.io.File dir = chooser.showDialog(stage);
        if (dir == null) {
            return;
        }
        List<Path> targets = ExportActions.dataFiles(dir.toPath(), currentScenarioName());
        for (Path t : targets) {
            if (!confirmOverwrite(t)) {
                return;
            }
        }
        try {
            exports.exportData(dir.toPath(), true);
            message("exported " + targets.get(0).getFileName() + " and " + targets.get(1).getFileName());
        } catch (IOException e) {
            error("Cannot export the data", e.getMessage());
        }
    }

    @FXML
    void onExportPcap() {
        if (!runs.isPrepared()) {
            error("Nothing to capture yet", "Press Run first: the capture is of the run.");
            return;
        }
        Path capture;
        try {
            capture = runs.flushedCapture();
        } catch (IOException e) {
            error("Cannot export the capture", e.getMessage());
            return;
        }
        if (capture == null) {
            error("No capture of this Live run", "The Live engine's packets go through this machine's kernel, and the "
                    + "app could not capture them: " + runs.captureWhyNot() + ". Capture them yourself with dumpcap or "
                    + "tcpdump on the loopback interface, or export a Model run.");
            return;
        }
        String ext = capture.getFileName().toString().endsWith(".pcapng") ? "pcapng" : "pcap";
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export packet capture");
        chooser.setInitialFileName(ExportActions.safe(currentScenarioName()) + "." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Packet capture (*." + ext + ")", "*." + ext));
        java.io.File f = chooser.showSaveDialog(stage);
        if (f == null || !confirmOverwrite(f.toPath())) {
            return;
        }
        try {
            Files.copy(capture, f.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            message("exported " + f.getName() + ": open it in Wireshark");
        } catch (IOException e) {
            error("Cannot export the capture", e.getMessage());
        }
    }

    @FXML
    void onExportLadder() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the ladder diagram");
        chooser.setInitialFileName(ExportActions.safe(currentScenarioName()) + "-ladder.svg");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SVG", "*.svg"));
        java.io.File f = chooser.showSaveDialog(stage);
        if (f == null || !confirmOverwrite(f.toPath())) {
            return;
        }
        try {
            ladderController.exportSvg(f.toPath(), 1400, 1800, true);
            message("exported " + f.getName());
        } catch (IOException e) {
            error("Cannot export the ladder diagram", e.getMessage());
        }
    }

    LadderController ladder() {
        return ladderController;
    }

    javafx.scene.control.Tab ladderTab() {
        return ladderTab;
    }

    private String currentScenarioName() {
        return runs.isPrepared() ? runs.scenario().name() : model.scenario().name();
    }

    private boolean confirmOverwrite(Path p) {
        if (!Files.exists(p)) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, p + " already exists. Replace it?",
                ButtonType.YES, ButtonType.NO);
        a.setHeaderText("Replace file?");
        owner(a);
        return a.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }

    // ------------------------------------------------------------------ help and misc

    @FXML
    void onModelNotes() {
        String text;
        try (InputStream in = TcpFlowLabApp.resource("/assets/help/model-notes.md").openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "The model notes could not be read: " + e.getMessage();
        }
        showText("How the model works", text);
    }

    @FXML
    void onKeyboardHelp() {
        showText("Keyboard", """
                Space      run / pause
                S          step to the next event
                R          reset the run
                + / -      faster / slower
                Ctrl+O     open a scenario, Ctrl+S save it
                Ctrl+E     export the charts
                Ctrl+P     presentation mode (large fonts, thick lines)
                In the charts: drag to zoom, scroll to zoom, Ctrl+drag to pan.""");
    }

    @FXML
    void onAbout() {
        showText("About TCP Flow Lab", "TCP Flow Lab 0.1.0: an interactive TCP flow-control simulator.\n"
                + "Charts by JFreeChart; SVG by JFreeSVG; PDF by OrsonPDF.");
    }

    @FXML
    void onQuit() {
        if (confirmDiscard("quitting")) {
            shutdown();
            if (stage != null) {
                stage.close();
            }
        }
    }

    void shutdown() {
        if (frames != null) {
            frames.stop();
        }
        runs.close();
    }

    private void showText(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(title);
        a.setHeaderText(title);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(760, 520);
        a.getDialogPane().setContent(area);
        owner(a);
        a.showAndWait();
    }

    private void error(String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.setHeaderText(header);
        owner(a);
        a.showAndWait();
    }

    private void owner(Dialog<?> d) {
        if (stage != null) {
            d.initOwner(stage);
        }
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

    ChartPanelController charts() {
        return chartPanelController;
    }

    EventLogController eventLog() {
        return eventLogController;
    }

    Label messageLabel() {
        return messageLabel;
    }
}
