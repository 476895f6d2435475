package tcpflowlab.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What to do, on the empty charts before a run: choose a preset, press Run. It names the
 * scenario that is loaded and opens the preset chooser; it goes away when a run starts and
 * comes back after Reset, when the charts are empty again.
 */
final class FirstRunHint {
    private final VBox box;
    private final Label loaded = new Label();

    FirstRunHint(Runnable choosePreset) {
        Label title = new Label("Choose a preset, press ▶ Run");
        title.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
        loaded.setWrapText(true);
        Button choose = new Button(PresetChooser.CHOOSE_TEXT);
        choose.setId("hintChoosePreset");
        choose.setOnAction(e -> choosePreset.run());
        choose.setFocusTraversable(false); // Space stays Run/Pause
        // three rows: it must fit on the charts of a 1280x720 projector in presentation mode
        box = new VBox(10, title, loaded, choose);
        box.setId("firstRunHint");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.setStyle("-fx-pref-width: 36em; -fx-padding: 1.2em; -fx-background-color: rgba(255,255,255,0.94); "
                + "-fx-border-color: #b8c8ee; -fx-border-width: 2; -fx-border-radius: 6; -fx-background-radius: 6;");
        box.setAccessibleText("Getting started: choose a preset, press Run");
    }

    VBox node() {
        return box;
    }

    /** Shows the hint while nothing has run; {@code scenario} is the loaded scenario's name. */
    void update(boolean nothingRun, String scenario) {
        String text = "Loaded: " + scenario + ". Space runs and pauses, S steps, R resets; "
                + "each preset shows one step of the story.";
        if (!text.equals(loaded.getText())) {
            loaded.setText(text);
        }
        box.setVisible(nothingRun);
    }
}
