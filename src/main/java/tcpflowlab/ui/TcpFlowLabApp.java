package tcpflowlab.ui;

import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import tcpflowlab.scenario.ScenarioCodec;

import java.io.IOException;
import java.net.URL;

/**
 * The desktop application. Options (after {@code --}): {@code --preset NAME} loads a preset,
 * {@code --engine model|live} picks the engine, {@code --autorun} presses Run, {@code --speed X}
 * sets the speed, {@code --presentation} starts in presentation mode, {@code --sweep} opens the
 * Sweep view, {@code --lesson NAME|FILE} opens a shipped lesson or a lesson file,
 * {@code --exit-after-first-frame} quits once the window is drawn.
 */
public class TcpFlowLabApp extends Application {
    private MainController controller;

    @Override
    public void start(Stage stage) throws IOException {
        Parent root = load(this, new ScenarioCodec(), RecentFiles.defaultStore());
        javafx.geometry.Rectangle2D usable = javafx.stage.Screen.getPrimary().getVisualBounds();
        WindowFit fit = WindowFit.on(usable.getWidth(), usable.getHeight());
        Scene scene = new Scene(root, fit.width(), fit.height());
        scene.getStylesheets().add(resource("/assets/css/app.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(fit.minWidth());
        stage.setMinHeight(fit.minHeight());
        if (fit.shrunk()) {
            stage.setX(usable.getMinX());
            stage.setY(usable.getMinY());
        }
        controller.attach(stage);
        java.util.List<String> options = getParameters().getRaw();
        controller.applyOptions(FirstFrameExit.without(options));
        stage.show();
        if (FirstFrameExit.requested(options)) {
            FirstFrameExit.arm(System.out);
        }
    }

    /** Builds the main view; used by the app and by the GUI tests. */
    static Parent load(TcpFlowLabApp app, ScenarioCodec codec, java.nio.file.Path recentStore) throws IOException {
        FXMLLoader loader = new FXMLLoader(resource("/fxml/main.fxml"));
        AppModel model = new AppModel(codec, new RecentFiles(recentStore));
        loader.setControllerFactory(type -> {
            if (type == MainController.class) {
                return new MainController(model, new RunController(codec));
            }
            try {
                return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create controller " + type, e);
            }
        });
        Parent root = loader.load();
        if (app != null) {
            app.controller = loader.getController();
        }
        root.getProperties().put(MainController.class, loader.getController());
        return root;
    }

    static URL resource(String path) {
        URL url = TcpFlowLabApp.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing resource " + path + " (are fxml/ and assets/ on the class path?)");
        }
        return url;
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.shutdown();
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}
