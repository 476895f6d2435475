package tcpflowlab.ui;

import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import tcpflowlab.export.ChartExporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The Export menu's dialogs: they ask where and how, confirm a replacement, and hand the work
 * to {@link ExportActions} (charts, data), the run's capture or the ladder view.
 */
final class ExportDialogs {
    private final AppModel model;
    private final RunController runs;
    private final ExportActions exports;
    private final LadderController ladder;
    private final Dialogs dialogs;

    ExportDialogs(AppModel model, RunController runs, ExportActions exports, LadderController ladder, Dialogs dialogs) {
        this.model = model;
        this.runs = runs;
        this.exports = exports;
        this.ladder = ladder;
        this.dialogs = dialogs;
    }

    void charts() {
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
        dialogs.own(dialog);
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        int w;
        int h;
        try {
            w = Integer.parseInt(width.getText().trim());
            h = Integer.parseInt(height.getText().trim());
        } catch (NumberFormatException e) {
            dialogs.error("Cannot export", "width and height must be whole numbers of pixels, "
                    + ChartExporter.MIN_SIZE + " .. " + ChartExporter.MAX_SIZE);
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export charts");
        String ext = format.getValue().extension();
        chooser.setInitialFileName(ExportActions.safe(model.scenario().name()) + "-charts." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(Locale.ROOT), "*." + ext));
        java.io.File f = chooser.showSaveDialog(dialogs.stage());
        if (f == null || !dialogs.confirmOverwrite(f.toPath())) {
            return;
        }
        try {
            exports.exportCharts(f.toPath(), currentScenarioName(), w, h, scope.getValue().equals("whole run"), true);
            dialogs.message("exported " + f.getName());
        } catch (IOException | IllegalArgumentException e) {
            dialogs.error("Cannot export the charts", e.getMessage());
        }
    }

    void data() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export samples and events as CSV into a folder");
        java.io.File dir = chooser.showDialog(dialogs.stage());
        if (dir == null) {
            return;
        }
        List<Path> targets = ExportActions.dataFiles(dir.toPath(), currentScenarioName());
        for (Path t : targets) {
            if (!dialogs.confirmOverwrite(t)) {
                return;
            }
        }
        try {
            exports.exportData(dir.toPath(), true);
            dialogs.message("exported " + targets.get(0).getFileName() + " and " + targets.get(1).getFileName());
        } catch (IOException e) {
            dialogs.error("Cannot export the data", e.getMessage());
        }
    }

    void pcap() {
        if (!runs.isPrepared()) {
            dialogs.error("Nothing to capture yet", "Press Run first: the capture is of the run.");
            return;
        }
        Path capture;
        try {
            capture = runs.flushedCapture();
        } catch (IOException e) {
            dialogs.error("Cannot export the capture", e.getMessage());
            return;
        }
        if (capture == null) {
            dialogs.error("No capture of this Live run", "The Live engine's packets go through this machine's kernel, and the "
                    + "app could not capture them: " + runs.captureWhyNot() + ". Capture them yourself with dumpcap or "
                    + "tcpdump on the loopback interface, or export a Model run.");
            return;
        }
        String ext = capture.getFileName().toString().endsWith(".pcapng") ? "pcapng" : "pcap";
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export packet capture");
        chooser.setInitialFileName(ExportActions.safe(currentScenarioName()) + "." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Packet capture (*." + ext + ")", "*." + ext));
        java.io.File f = chooser.showSaveDialog(dialogs.stage());
        if (f == null || !dialogs.confirmOverwrite(f.toPath())) {
            return;
        }
        try {
            Files.copy(capture, f.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            dialogs.message("exported " + f.getName() + ": open it in Wireshark");
        } catch (IOException e) {
            dialogs.error("Cannot export the capture", e.getMessage());
        }
    }

    void ladder() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the ladder diagram");
        chooser.setInitialFileName(ExportActions.safe(currentScenarioName()) + "-ladder.svg");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SVG", "*.svg"));
        java.io.File f = chooser.showSaveDialog(dialogs.stage());
        if (f == null || !dialogs.confirmOverwrite(f.toPath())) {
            return;
        }
        try {
            ladder.exportSvg(f.toPath(), 1400, true);
            dialogs.message("exported " + f.getName());
        } catch (IOException e) {
            dialogs.error("Cannot export the ladder diagram", e.getMessage());
        }
    }

    private String currentScenarioName() {
        return runs.isPrepared() ? runs.scenario().name() : model.scenario().name();
    }
}
