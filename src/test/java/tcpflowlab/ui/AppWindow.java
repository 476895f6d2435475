package tcpflowlab.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import tcpflowlab.scenario.ScenarioCodec;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The GUI tests' shared fixture: the real main window on a stage, and waiting on the FX thread. */
final class AppWindow {
    private AppWindow() {
    }

    /** Loads the main window into {@code stage} at {@code width} x {@code height}, with the app's style, and shows it. */
    static MainController open(Stage stage, Path settings, double width, double height) throws Exception {
        Parent root = TcpFlowLabApp.load(null, new ScenarioCodec(), settings.resolve("recent.txt"));
        MainController main = (MainController) root.getProperties().get(MainController.class);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(TcpFlowLabApp.resource("/assets/css/app.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene(); // the stage is shared between tests, and one of them makes it larger
        main.attach(stage);
        stage.show();
        return main;
    }

    /** Waits up to 60 s for {@code condition}, evaluated on the FX thread. */
    static void waitFor(FxRobot robot, String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                boolean[] ok = new boolean[1];
                robot.interact(() -> ok[0] = condition.getAsBoolean());
                return ok[0];
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }
}
