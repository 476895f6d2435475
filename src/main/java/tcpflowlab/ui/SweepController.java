package tcpflowlab.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import tcpflowlab.chart.ChartStyle;
import tcpflowlab.chart.OutcomeMap;
import tcpflowlab.export.AtomicOutputFile;
import tcpflowlab.export.ChartExporter;
import tcpflowlab.export.SweepCsv;
import tcpflowlab.export.SweepMapFiles;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepPlot;
import tcpflowlab.sweep.SweepResult;
import tcpflowlab.sweep.SweepSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Sweep view: up to two knobs of the main window's scenario, a metric and a duration; Run
 * fills the outcome map in as cells finish (drawn at most {@link #REDRAWS_PER_SECOND} times a
 * second), with progress and Cancel. Hover reads a cell, a click opens its scenario in the main
 * window, and the map and the table export as the CLI writes them.
 */
final class SweepController {
    /** The map and the progress line refresh at most this often while a sweep runs. */
    static final int REDRAWS_PER_SECOND = 10;
    private static final long PROGRESS_NANOS = 250_000_000L;

    /** Where a clicked cell's scenario goes: the main window. */
    interface CellOpener {
        void open(Scenario scenario, String what);
    }

    private final AppModel model;
    private final CellOpener opener;
    private final SweepMapView map = new SweepMapView();
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(1000.0 / REDRAWS_PER_SECOND), e -> tick()));
    private final Tooltip cellTip = new Tooltip();
    private Dialogs dialogs;
    private SweepAxisRow axis1;
    private SweepAxisRow axis2;
    private SweepJob job;
    private SweepResult result;
    private int shownCells = -1;
    private long progressShown;

    @FXML
    private BorderPane sweepRoot;
    @FXML
    private VBox form;
    @FXML
    private Label baseLabel;
    @FXML
    private VBox axis1Box;
    @FXML
    private VBox axis2Box;
    @FXML
    private CheckBox secondKnob;
    @FXML
    private ComboBox<String> plotBox;
    @FXML
    private TextField durationField;
    @FXML
    private Label durationProblem;
    @FXML
    private Spinner<Integer> jobsSpinner;
    @FXML
    private Label cellsLabel;
    @FXML
    private Label problemLabel;
    @FXML
    private Button sweepRunButton;
    @FXML
    private Button sweepCancelButton;
    @FXML
    private Button exportMapButton;
    @FXML
    private Button exportCsvButton;
    @FXML
    private StackPane mapHolder;
    @FXML
    private Label emptyLabel;
    @FXML
    private Label sweepStateLabel;
    @FXML
    private Label sweepProgressLabel;
    @FXML
    private Label sweepHoverLabel;
    @FXML
    private Label sweepMessageLabel;

    SweepController(AppModel model, CellOpener opener) {
        this.model = model;
        this.opener = opener;
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        ScenarioCodec codec = model.codec();
        axis1 = new SweepAxisRow("axis1", model::scenario, codec);
        axis2 = new SweepAxisRow("axis2", model::scenario, codec);
        axis1Box.getChildren().add(axis1.node());
        axis2Box.getChildren().add(axis2.node());
        axis1.select(ScenarioField.CLIENT_READ_SIZE);
        axis2.select(ScenarioField.CLIENT_PROCESSING_DELAY);
        plotBox.getItems().setAll(SweepPlot.names());
        plotBox.setValue(SweepPlot.OUTCOME.name());
        durationField.setText(codec.getText(model.scenario(), ScenarioField.RUN_DURATION));
        jobsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 64, defaultJobs()));
        axis1.setOnChange(this::check);
        axis2.setOnChange(this::check);
        secondKnob.selectedProperty().addListener((obs, old, on) -> {
            axis2.node().setDisable(!on);
            check();
        });
        durationField.textProperty().addListener((obs, old, v) -> check());
        plotBox.valueProperty().addListener((obs, old, v) -> redraw());
        model.scenarioProperty().addListener((obs, old, s) -> {
            axis1.showRange();
            axis2.showRange();
            check();
        });
        model.presentationModeProperty().addListener((obs, old, on) -> restyle());
        model.presentationFontSizeProperty().addListener((obs, old, size) -> restyle());
        mapHolder.getChildren().add(map);
        map.setVisible(false);
        map.setOnMouseMoved(this::hover);
        map.setOnMouseExited(e -> sweepHoverLabel.setText(""));
        map.setOnMouseClicked(this::clicked);
        Tooltip.install(map, cellTip);
        dialogs = new Dialogs(() -> (javafx.stage.Stage) (sweepRoot.getScene() == null ? null : sweepRoot.getScene().getWindow()),
                this::message);
        restyle();
        check();
    }

    /**
     * One core stays for the FX thread and the main window's run (with one core there is no
     * choice); the Jobs box takes more. Measured with scripts/bench-sweep-ui.sh on a shared
     * 2-core machine: the FX thread's CPU time per frame did not grow with a sweep on 1 or 2
     * jobs, but every busy thread beside it cost the main window frames per second.
     */
    static int defaultJobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    // ------------------------------------------------------------------ the form

    private SweepForm form() {
        List<SweepAxisForm> axes = new ArrayList<>();
        for (SweepAxisRow row : rows()) {
            SweepAxisForm f = row.form();
            if (f != null) {
                axes.add(f);
            }
        }
        return new SweepForm(axes, durationField.getText());
    }

    private List<SweepAxisRow> rows() {
        return secondKnob.isSelected() ? List.of(axis1, axis2) : List.of(axis1);
    }

    /** Checks the form as the user types: each row's problem under it, the whole's above Run. */
    private SweepForm.Check check() {
        if (axis1 == null) {
            return null;
        }
        baseLabel.setText("Base scenario: '" + model.scenario().name() + "' from the main window; "
                + "every cell runs on the Model.");
        SweepForm.Check c = form().check(model.scenario(), model.codec());
        List<SweepAxisRow> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).showProblem(c.axisProblems().get(i));
        }
        if (!secondKnob.isSelected()) {
            axis2.showProblem("");
        }
        String duration = durationProblem();
        durationProblem.setText(duration);
        durationProblem.setVisible(!duration.isEmpty());
        durationProblem.setManaged(!duration.isEmpty());
        problemLabel.setText(duration.isEmpty() ? c.problem() : "");
        // a count over the rows that are fine would be a wrong count while another row is not
        boolean rowsFine = c.axisProblems().stream().allMatch(String::isEmpty);
        cellsLabel.setText(c.cells() == 0 || !rowsFine ? "" : String.format(java.util.Locale.ROOT, "%,d cells", c.cells()));
        sweepRunButton.setDisable(c.spec().isEmpty() || running());
        return c;
    }

    private String durationProblem() {
        try {
            ScenarioField.RUN_DURATION.parse(durationField.getText());
            return "";
        } catch (InvalidScenarioException e) {
            return e.getMessage();
        }
    }

    // ------------------------------------------------------------------ running

    private boolean running() {
        return job != null && result == null;
    }

    @FXML
    void onRun() {
        SweepForm.Check c = check();
        if (c == null || c.spec().isEmpty() || running()) {
            return;
        }
        SweepSpec spec = c.spec().get();
        job = new SweepJob(spec, model.codec(), jobsSpinner.getValue());
        result = null;
        shownCells = -1;
        progressShown = System.nanoTime() - PROGRESS_NANOS;
        sweepHoverLabel.setText("");
        message("");
        sweepStateLabel.setText("running");
        setRunning(true);
        emptyLabel.setVisible(false);
        map.setVisible(true);
        tick();
        ticker.play();
        job.start(this::ended, this::refused);
    }

    @FXML
    void onCancel() {
        if (running()) {
            job.cancel();
            sweepStateLabel.setText("cancelling");
            sweepCancelButton.setDisable(true);
        }
    }

    private void tick() {
        if (job == null) {
            return;
        }
        long now = System.nanoTime();
        // the line is read, not watched: 4 times a second spares the window a layout pass per tick
        if (now - progressShown >= PROGRESS_NANOS) {
            progressShown = now;
            sweepProgressLabel.setText(job.progress().text());
        }
        List<CellResult> cells = job.finished();
        if (cells.size() != shownCells) {
            shownCells = cells.size();
            map.show(job.spec(), cells, plot(), style());
        }
    }

    private void ended(SweepResult r) {
        ticker.stop();
        result = r;
        shownCells = r.cells().size();
        map.show(r.spec(), r.cells(), plot(), style());
        SweepProgress p = new SweepProgress(r.cells().size(), r.spec().cellCount(), job.elapsedNanos());
        String elapsed = SweepProgress.duration(job.elapsedNanos() / 1e9);
        if (r.complete()) {
            sweepStateLabel.setText("done");
            sweepProgressLabel.setText(p.summary() + " · " + elapsed + " with " + job.jobs() + (job.jobs() == 1 ? " job" : " jobs"));
        } else {
            sweepStateLabel.setText("cancelled");
            sweepProgressLabel.setText(p.summary() + " · the finished cells are kept");
        }
        setRunning(false);
        exportMapButton.setDisable(r.cells().isEmpty());
        exportCsvButton.setDisable(r.cells().isEmpty());
    }

    private void refused(String problem) {
        ticker.stop();
        result = new SweepResult(job.spec(), List.of());
        sweepStateLabel.setText("refused");
        sweepProgressLabel.setText("");
        problemLabel.setText(problem);
        setRunning(false);
    }

    private void setRunning(boolean on) {
        for (javafx.scene.Node n : List.of(axis1.node(), secondKnob, durationField, jobsSpinner)) {
            n.setDisable(on);
        }
        axis2.node().setDisable(on || !secondKnob.isSelected());
        sweepCancelButton.setDisable(!on);
        exportMapButton.setDisable(on);
        exportCsvButton.setDisable(on);
        sweepRunButton.setDisable(on);
        if (!on) {
            check();
        }
    }

    // ------------------------------------------------------------------ the map

    private SweepPlot plot() {
        return SweepPlot.parse(plotBox.getValue());
    }

    private ChartStyle style() {
        return model.presentationModeProperty().get()
                ? ChartStyle.presentation(model.presentationFontSizeProperty().get()) : ChartStyle.NORMAL;
    }

    private void restyle() {
        boolean on = model.presentationModeProperty().get();
        sweepRoot.setStyle(on ? "-fx-font-size: " + model.presentationFontSizeProperty().get() + "px;" : "");
        redraw();
    }

    private void redraw() {
        SweepResult r = current();
        if (r != null) {
            map.show(r.spec(), r.cells(), plot(), style());
        }
    }

    /** The cells to show and export: all of a finished sweep, those done so far of a running one. */
    private SweepResult current() {
        if (result != null) {
            return result;
        }
        return job == null ? null : new SweepResult(job.spec(), job.finished());
    }

    private Optional<CellResult> cellAt(MouseEvent e) {
        return map.cellAt(e.getX(), e.getY());
    }

    private void hover(MouseEvent e) {
        SweepMapView.Shown s = map.shown();
        Optional<CellResult> cell = cellAt(e);
        if (s == null || cell.isEmpty()) {
            sweepHoverLabel.setText("");
            cellTip.setText("");
            return;
        }
        sweepHoverLabel.setText(SweepCellText.line(s.result().spec(), cell.get(), s.plot()));
        cellTip.setText(SweepCellText.all(s.result().spec(), cell.get()));
    }

    private void clicked(MouseEvent e) {
        SweepMapView.Shown s = map.shown();
        cellAt(e).ifPresent(cell -> openCell(s.result().spec(), cell));
    }

    /** Opens the cell's scenario in the main window, ready to run, and says so. */
    void openCell(SweepSpec spec, CellResult cell) {
        String what = "sweep cell " + (cell.index() + 1) + " (" + SweepCellText.values(spec, cell.index()) + ")";
        opener.open(spec.scenarioOf(cell.index(), model.codec()), what);
        message("opened " + what + " in the main window: press Run there to watch it");
    }

    // ------------------------------------------------------------------ export

    @FXML
    void onExportMap() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the sweep map");
        chooser.setInitialFileName(ExportActions.safe(model.scenario().name()) + "-sweep.png");
        for (ChartExporter.Format f : ChartExporter.Format.values()) {
            String ext = f.extension();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.name(), "*." + ext));
        }
        java.io.File file = chooser.showSaveDialog(dialogs.stage());
        if (file == null || !dialogs.confirmOverwrite(file.toPath())) {
            return;
        }
        try {
            exportMap(file.toPath());
            message("exported " + file.getName());
        } catch (IOException | IllegalArgumentException e) {
            dialogs.error("Cannot export the map", e.getMessage());
        }
    }

    @FXML
    void onExportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the sweep table");
        chooser.setInitialFileName(SweepCsv.NAME);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File file = chooser.showSaveDialog(dialogs.stage());
        if (file == null || !dialogs.confirmOverwrite(file.toPath())) {
            return;
        }
        try {
            exportCsv(file.toPath());
            message("exported " + file.getName());
        } catch (IOException e) {
            dialogs.error("Cannot export the table", e.getMessage());
        }
    }

    /** Writes the map as PNG, SVG or PDF (by the file's extension), in the normal style and at the CLI's size. */
    void exportMap(Path file) throws IOException {
        OutcomeMap m = OutcomeMap.of(current(), plot(), ChartStyle.NORMAL);
        SweepMapFiles.export(m.chart(), file, m.preferredSize().width, m.preferredSize().height);
    }

    /** Writes the table: the bytes the CLI's sweep.csv has for the same cells. */
    void exportCsv(Path file) throws IOException {
        AtomicOutputFile.write(file, SweepCsv.text(current()).getBytes(StandardCharsets.UTF_8));
    }

    private void message(String text) {
        sweepMessageLabel.setText(text);
    }

    /** Stops the sweep (keeping its cells) and the drawing thread: the app is closing. */
    void shutdown() {
        if (running()) {
            job.cancel();
        }
        ticker.stop();
        map.close();
    }

    // ------------------------------------------------------------------ for tests

    SweepAxisRow axis1() {
        return axis1;
    }

    SweepAxisRow axis2() {
        return axis2;
    }

    CheckBox secondKnob() {
        return secondKnob;
    }

    TextField durationField() {
        return durationField;
    }

    ComboBox<String> plotBox() {
        return plotBox;
    }

    Spinner<Integer> jobsSpinner() {
        return jobsSpinner;
    }

    SweepMapView map() {
        return map;
    }

    SweepJob job() {
        return job;
    }

    SweepResult result() {
        return result;
    }

    Label sweepStateLabel() {
        return sweepStateLabel;
    }

    Label sweepProgressLabel() {
        return sweepProgressLabel;
    }

    Label sweepHoverLabel() {
        return sweepHoverLabel;
    }

    Label sweepMessageLabel() {
        return sweepMessageLabel;
    }

    Label cellsLabel() {
        return cellsLabel;
    }

    Label problemLabel() {
        return problemLabel;
    }

    Button sweepRunButton() {
        return sweepRunButton;
    }

    Button sweepCancelButton() {
        return sweepCancelButton;
    }

    BorderPane sweepRoot() {
        return sweepRoot;
    }

    VBox formBox() {
        return form;
    }
}
