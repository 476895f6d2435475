package tcpflowlab.ui;

import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Sweep view's own window, opened from the main window's View menu. Closing it only hides
 * it: a sweep goes on running and the map is there when it is opened again.
 */
final class SweepWindow {
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;
    /** Presentation mode on and off, as in the main window's View menu. */
    static final KeyCombination PRESENTATION_KEY = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    /** Hides the window (a running sweep goes on); Ctrl+M in the main window shows it again. */
    static final KeyCombination CLOSE_KEY = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private final Stage stage = new Stage();
    private final SweepController controller;

    SweepWindow(AppModel model, Window owner, SweepController.CellOpener opener) {
        FXMLLoader loader = new FXMLLoader(TcpFlowLabApp.resource("/fxml/sweep.fxml"));
        loader.setControllerFactory(type -> new SweepController(model, opener));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the Sweep view", e);
        }
        controller = loader.getController();
        // on a small screen (a 1280 x 720 projector) the window fits inside it
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(TcpFlowLabApp.resource("/assets/css/app.css").toExternalForm());
        // the Sweep window has no menu bar: the main window's Ctrl+P would do nothing here, and
        // without a mouse (or a window manager's close key) the window could not be put away
        scene.getAccelerators().put(PRESENTATION_KEY, () -> model.presentationModeProperty().set(
                !model.presentationModeProperty().get()));
        scene.getAccelerators().put(CLOSE_KEY, stage::hide);
        stage.setScene(scene);
        stage.setTitle("TCP Flow Lab: Sweep");
        stage.setMinWidth(700);
        stage.setMinHeight(480);
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    void shutdown() {
        controller.shutdown();
        stage.close();
    }

    SweepController controller() {
        return controller;
    }

    Stage stage() {
        return stage;
    }
}
