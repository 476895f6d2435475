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
        Label keys = new Label("Space runs and pauses, S steps, R resets; Help ▸ Keyboard lists the rest.");
        keys.setWrapText(true);
        keys.setStyle("-fx-text-fill: #555555;");
        Button choose = new Button(PresetChooser.CHOOSE_TEXT);
        choose.setId("hintChoosePreset");
        choose.setOnAction(e -> choosePreset.run());
        choose.setFocusTraversable(false); // Space stays Run/Pause
        box = new VBox(10, title, loaded, choose, keys);
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
        String text = "Loaded: " + scenario + ". Run it, or pick another preset; each one shows a step of the story.";
        if (!text.equals(loaded.getText())) {
            loaded.setText(text);
        }
        box.setVisible(nothingRun);
    }
}
