package tcpflowlab.ui;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Choosing a preset by what it teaches: a list of every preset with its description (from the
 * preset file), and the Presets menu, which opens the list and names each preset with the
 * opening of its description.
 */
final class PresetChooser {
    static final String CHOOSE_TEXT = "Choose a preset…";

    private PresetChooser() {
    }

    /** The Presets menu: "Choose a preset…" then each preset as "name: lead". */
    static void fill(Menu menu, List<PresetEntry> presets, Runnable choose, Consumer<String> load) {
        MenuItem chooseItem = new MenuItem(CHOOSE_TEXT);
        chooseItem.setOnAction(e -> choose.run());
        menu.getItems().addAll(chooseItem, new SeparatorMenuItem());
        for (PresetEntry p : presets) {
            MenuItem item = new MenuItem(p.name() + ": " + p.lead());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> load.accept(p.name()));
            menu.getItems().add(item);
        }
    }

    /**
     * Shows the list, the current preset selected; Load (or a double click, or Enter) answers
     * its name, Cancel nothing.
     */
    static Optional<String> choose(Dialogs dialogs, List<PresetEntry> presets, String current, double fontSize) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Choose a preset");
        dialog.setHeaderText("Each preset is one step of the story: pick one, then press Run.");
        ButtonType load = new ButtonType("Load", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(load, ButtonType.CANCEL);
        dialog.getDialogPane().setStyle("-fx-font-size: " + fontSize + "px;");
        ListView<PresetEntry> list = list(presets);
        double scale = fontSize / HelpDialogs.NORMAL_SIZE;
        Dialogs.fitToScreen(list, 640 * scale, 460 * scale, fontSize);
        presets.stream().filter(p -> p.name().equals(current)).findFirst()
                .ifPresentOrElse(p -> list.getSelectionModel().select(p), () -> list.getSelectionModel().select(0));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && list.getSelectionModel().getSelectedItem() != null) {
                dialog.setResult(list.getSelectionModel().getSelectedItem().name());
                dialog.close();
            }
        });
        dialog.getDialogPane().setContent(list);
        dialog.setResizable(true);
        dialog.setResultConverter(button -> button == load && list.getSelectionModel().getSelectedItem() != null
                ? list.getSelectionModel().getSelectedItem().name() : null);
        dialogs.own(dialog);
        javafx.application.Platform.runLater(list::requestFocus);
        return dialog.showAndWait();
    }

    /** Each row: the name in bold over its description, wrapped to the list's width. */
    static ListView<PresetEntry> list(List<PresetEntry> presets) {
        ListView<PresetEntry> list = new ListView<>();
        list.setId("presetList");
        list.getItems().setAll(presets);
        list.setCellFactory(v -> new ListCell<>() {
            private final Label name = new Label();
            private final Label description = new Label();
            private final VBox box = new VBox(2, name, description);

            {
                name.setStyle("-fx-font-weight: bold;");
                name.getStyleClass().add("preset-name");
                description.setWrapText(true);
                description.getStyleClass().add("preset-description");
                description.maxWidthProperty().bind(v.widthProperty().subtract(40));
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(PresetEntry item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    name.setText(item.name());
                    description.setText(item.description());
                    setGraphic(box);
                }
            }
        });
        return list;
    }
}
