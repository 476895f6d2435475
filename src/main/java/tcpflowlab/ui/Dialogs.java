package tcpflowlab.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The window's modal dialogs (errors, long texts, "replace file?") owned by its stage, and the
 * status-bar message: what the smaller controllers share to talk to the user.
 */
final class Dialogs {
    private final Supplier<Stage> stage;
    private final Consumer<String> status;

    Dialogs(Supplier<Stage> stage, Consumer<String> status) {
        this.stage = stage;
        this.status = status;
    }

    /** A one-line message in the status bar. */
    void message(String text) {
        status.accept(text);
    }

    void error(String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.setHeaderText(header);
        own(a);
        a.showAndWait();
    }

    /**
     * A dialog whose content is a view (formatted help, a table of keys), scrolled when long.
     * The size is what the content wants at {@code fontSize}, cut to fit the screen.
     */
    void showView(String title, javafx.scene.Node view, double width, double height, double fontSize) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(title);
        a.setHeaderText(title);
        a.setGraphic(null);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(view);
        scroll.setFitToWidth(true);
        fitToScreen(scroll, width, height, fontSize);
        scroll.setId("helpScroll");
        a.getDialogPane().setContent(scroll);
        a.getDialogPane().setStyle("-fx-font-size: " + fontSize + "px;");
        a.setResizable(true);
        own(a);
        a.showAndWait();
    }

    /**
     * Sizes a dialog's content so the whole dialog (title, header, buttons: about 12 lines of
     * text) stays on a 1280x720 projector screen in presentation mode.
     */
    static void fitToScreen(javafx.scene.layout.Region content, double width, double height, double fontSize) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        content.setPrefSize(Math.min(width, screen.getWidth() - 4 * fontSize),
                Math.min(height, screen.getHeight() - 12 * fontSize));
    }

    void showText(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(title);
        a.setHeaderText(title);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(760, 520);
        a.getDialogPane().setContent(area);
        own(a);
        a.showAndWait();
    }

    /** True when {@code p} does not exist or the user agrees to replace it. */
    boolean confirmOverwrite(Path p) {
        if (!Files.exists(p)) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, p + " already exists. Replace it?",
                ButtonType.YES, ButtonType.NO);
        a.setHeaderText("Replace file?");
        own(a);
        return a.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }

    void own(Dialog<?> d) {
        Stage s = stage.get();
        if (s != null) {
            d.initOwner(s);
        }
    }

    Stage stage() {
        return stage.get();
    }
}
