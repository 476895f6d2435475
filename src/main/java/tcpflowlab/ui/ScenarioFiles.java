package tcpflowlab.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import tcpflowlab.scenario.InvalidScenarioException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The scenario's files: presets, open, save, save as, the recent files, and the question
 * before unsaved changes would be lost. After a new scenario is loaded it calls
 * {@code afterLoad} so the window can reset the run.
 */
final class ScenarioFiles {
    private final AppModel model;
    private final Dialogs dialogs;
    private final Runnable afterLoad;

    ScenarioFiles(AppModel model, Dialogs dialogs, Runnable afterLoad) {
        this.model = model;
        this.dialogs = dialogs;
        this.afterLoad = afterLoad;
    }

    void loadPreset(String name) {
        if (!confirmDiscard("loading preset " + name)) {
            return;
        }
        try {
            model.loadPreset(name);
            afterLoad.run();
            dialogs.message("");
        } catch (InvalidScenarioException e) {
            dialogs.message(e.getMessage());
        }
    }

    void open() {
        if (!confirmDiscard("opening another scenario")) {
            return;
        }
        java.io.File f = chooser("Open scenario").showOpenDialog(dialogs.stage());
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** Opens a scenario file; a bad one is reported and changes nothing. */
    boolean openFile(Path path) {
        try {
            model.open(path);
            afterLoad.run();
            dialogs.message("opened " + path.getFileName());
            return true;
        } catch (InvalidScenarioException e) {
            dialogs.message(e.getMessage());
            dialogs.error("Cannot open the scenario", e.getMessage());
            return false;
        }
    }

    void save() {
        if (model.fileProperty().get() == null) {
            saveAs();
        } else {
            save(model.fileProperty().get());
        }
    }

    void saveAs() {
        FileChooser chooser = chooser("Save scenario");
        chooser.setInitialFileName(ExportActions.safe(model.scenario().name()) + ".json");
        java.io.File f = chooser.showSaveDialog(dialogs.stage());
        if (f != null && dialogs.confirmOverwrite(f.toPath())) {
            save(f.toPath());
        }
    }

    private boolean save(Path path) {
        try {
            model.save(path);
            dialogs.message("saved " + path.getFileName());
            return true;
        } catch (IOException e) {
            dialogs.error("Cannot save the scenario", path + ": " + e.getMessage());
            return false;
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (*.json)", "*.json"));
        return chooser;
    }

    /** Fills the File > Recent menu from the model's list. */
    void rebuildRecent(Menu recentMenu) {
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
        dialogs.own(a);
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        if (answer.get() == save) {
            save();
            return !model.isDirty();
        }
        return true;
    }
}
