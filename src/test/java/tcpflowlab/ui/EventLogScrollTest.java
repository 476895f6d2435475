package tcpflowlab.ui;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import tcpflowlab.engine.RunState;
import tcpflowlab.scenario.ScenarioCodec;

import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event log holds still while the pointer is over it or a row is selected, says so, and
 * follows the newest events again when neither holds it.
 */
@ExtendWith(ApplicationExtension.class)
class EventLogScrollTest {
    @TempDir
    static java.nio.file.Path settings;

    private MainController main;

    @Start
    void start(Stage stage) throws Exception {
        main = AppWindow.open(stage, settings, 1280, 860);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> main.shutdown());
    }

    private static void waitFor(FxRobot robot, String what, BooleanSupplier condition) {
        AppWindow.waitFor(robot, what, condition);
    }

    private int firstVisibleRow() {
        VirtualFlow<?> flow = (VirtualFlow<?>) main.eventLog().table().lookup(".virtual-flow");
        IndexedCell<?> cell = flow.getFirstVisibleCell();
        return cell == null ? -1 : cell.getIndex();
    }

    private String pauseText() {
        return main.eventLog().scrollLabel().getText();
    }

    @Test
    void theLogHoldsStillUnderThePointerAndWhileARowIsSelected(FxRobot robot) {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.model().scenarioProperty().set(new ScenarioCodec().withOverrides(main.model().scenario(),
                    List.of("run.durationS=3600")));
            main.runs().setSpeed(50);
        });
        robot.clickOn("#runButton");
        int[] seen = new int[1];
        waitFor(robot, "the log to scroll", () -> main.frameData().log().size() > 60 && firstVisibleRow() > 0);

        robot.moveTo(main.eventLog().table());
        int[] held = new int[2];
        robot.interact(() -> {
            held[0] = firstVisibleRow();
            held[1] = main.frameData().log().size();
        });
        waitFor(robot, "more events while the pointer rests on the log", () -> main.frameData().log().size() > held[1] + 40);
        robot.interact(() -> {
            assertEquals(held[0], firstVisibleRow(), "the rows under the pointer stayed put");
            assertEquals(EventLogController.ScrollPause.POINTER.text(), pauseText());
        });

        robot.clickOn(main.eventLog().table());
        robot.moveTo("#runButton");
        robot.interact(() -> {
            assertTrue(!main.eventLog().table().getSelectionModel().isEmpty(), "the click selected a row");
            held[0] = firstVisibleRow();
            held[1] = main.frameData().log().size();
            assertEquals(EventLogController.ScrollPause.SELECTION.text(), pauseText());
        });
        waitFor(robot, "more events while a row is selected", () -> main.frameData().log().size() > held[1] + 40);
        robot.interact(() -> assertEquals(held[0], firstVisibleRow(), "a selected row holds the log still"));

        robot.clickOn(main.eventLog().table()).type(KeyCode.ESCAPE);
        robot.moveTo("#runButton");
        robot.interact(() -> seen[0] = firstVisibleRow());
        waitFor(robot, "the log to follow the newest again", () -> firstVisibleRow() > seen[0] + 5
                && pauseText().isEmpty() && main.runs().state() == RunState.RUNNING);
    }
}
