package tcpflowlab.ui;

import javafx.geometry.Point2D;
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
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Sweep view, headless: it fills, reads a cell under the pointer, opens a cell in the main window, cancels, refuses. */
@ExtendWith(ApplicationExtension.class)
class SweepViewTest {
    @TempDir
    static Path settings;

    private MainController main;

    @Start
    void start(Stage stage) throws Exception {
        main = AppWindow.open(stage, settings, 1280, 860);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> main.shutdown());
    }

    /** Opens the view with Ctrl+M from the main window, over seed-buggy. */
    private SweepController open(FxRobot robot) {
        robot.interact(() -> main.loadPreset("seed-buggy"));
        robot.clickOn("#runButton").clickOn("#pauseButton"); // focus in the main window; a run to be replaced later
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        AppWindow.waitFor(robot, "the Sweep window", () -> main.sweepWindow().stage().isShowing());
        return main.sweepWindow().controller();
    }

    /** A 2 x 2 sweep: read size 10 and 4096, delay 0 and 5 ms. */
    private static void twoByTwo(FxRobot robot, SweepController s, String seconds) {
        robot.interact(() -> {
            s.axis1().select(ScenarioField.CLIENT_READ_SIZE);
            s.axis1().from().setText("10");
            s.axis1().to().setText("4096");
            s.axis1().count().setText("2");
            s.axis1().scale().setValue(SweepAxisRow.LOG);
            s.secondKnob().setSelected(true);
            s.axis2().select(ScenarioField.CLIENT_PROCESSING_DELAY);
            s.axis2().from().setText("0");
            s.axis2().to().setText("5");
            s.axis2().count().setText("2");
            s.durationField().setText(seconds);
        });
    }

    /** A point over the map (scene-independent layout coordinates) where a finished cell is drawn. */
    private static Point2D cellPoint(SweepMapView map, int index) {
        for (double y = 0; y < map.getHeight(); y += 4) {
            for (double x = 0; x < map.getWidth(); x += 4) {
                Optional<CellResult> c = map.cellAt(x, y);
                if (c.isPresent() && c.get().index() == index) {
                    return new Point2D(x, y);
                }
            }
        }
        throw new AssertionError("cell " + index + " is not on the map");
    }

    @Test
    void theMapFillsAHoverReadsACellAndAClickOpensItInTheMainWindow(FxRobot robot) throws Exception {
        SweepController s = open(robot);
        twoByTwo(robot, s, "2");
        robot.interact(() -> assertEquals("4 cells", s.cellsLabel().getText()));
        robot.clickOn("#sweepRunButton");
        AppWindow.waitFor(robot, "the sweep to finish", () -> s.result() != null);
        AppWindow.waitFor(robot, "the map to show every cell", () -> s.map().isSettled()
                && s.map().shown() != null && s.map().shown().result().cells().size() == 4);
        SweepResult r = s.result();
        robot.interact(() -> {
            assertTrue(r.complete());
            assertEquals("done", s.sweepStateLabel().getText());
            assertTrue(s.sweepProgressLabel().getText().startsWith("4 / 4 cells"), s.sweepProgressLabel().getText());
            assertTrue(s.map().renders() >= 1);
        });

        // hover: the status line names the cell's values and outcome
        int index = 1; // read size 10, delay 5 ms
        Point2D[] at = new Point2D[1];
        robot.interact(() -> at[0] = s.map().localToScreen(cellPoint(s.map(), index)));
        robot.moveTo(at[0]);
        CellResult cell = r.cells().get(index);
        AppWindow.waitFor(robot, "the hover read-out", () -> s.sweepHoverLabel().getText().contains("client.readSize=10, client.processingDelayMs=5"));
        robot.interact(() -> assertTrue(s.sweepHoverLabel().getText().contains(cell.outcome().name()), s.sweepHoverLabel().getText()));

        // click: the main window gets the cell's scenario, ready to run, and says so
        robot.clickOn(at[0]);
        AppWindow.waitFor(robot, "the cell in the main window", () -> main.model().scenario().client().readSize() == 10);
        robot.interact(() -> {
            assertEquals(5.0, main.model().scenario().client().processingDelayMs());
            assertEquals(2.0, main.model().scenario().run().durationS());
            assertEquals("10", main.knobs().readSizeField().getText(), "the knob shows the cell's value");
            assertEquals("5", main.knobs().delayField().getText());
            assertFalse(main.runs().isPrepared(), "ready to run, not started");
            assertTrue(main.messageLabel().getText().contains("sweep cell 2"), main.messageLabel().getText());
            assertTrue(s.sweepMessageLabel().getText().contains("opened sweep cell 2"), s.sweepMessageLabel().getText());
        });

        // exports: the map as an image, the table as the CLI's CSV
        Path png = settings.resolve("map.png");
        Path csv = settings.resolve("sweep.csv");
        robot.interact(() -> {
            try {
                s.exportMap(png);
                s.exportMap(settings.resolve("map.svg"));
                s.exportMap(settings.resolve("map.pdf"));
                s.exportCsv(csv);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertNotNull(javax.imageio.ImageIO.read(png.toFile()));
        assertTrue(Files.readString(settings.resolve("map.svg")).contains("<svg"));
        assertTrue(new String(Files.readAllBytes(settings.resolve("map.pdf")), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        String table = Files.readString(csv, StandardCharsets.UTF_8);
        assertEquals(5, table.lines().count(), table);
        assertTrue(table.startsWith("client.readSize,client.processingDelayMs,outcome,"), table);
        assertEquals(tcpflowlab.export.SweepCsv.text(r), table);
    }

    @Test
    void cancelKeepsTheFinishedCells(FxRobot robot) {
        SweepController s = open(robot);
        twoByTwo(robot, s, "600");
        robot.interact(() -> {
            s.axis1().count().setText("5");
            s.axis2().count().setText("5");
            s.jobsSpinner().getValueFactory().setValue(1);
        });
        robot.clickOn("#sweepRunButton");
        AppWindow.waitFor(robot, "a first cell", () -> s.job().doneCount() >= 1);
        robot.clickOn("#sweepCancelButton");
        AppWindow.waitFor(robot, "the sweep to stop", () -> s.result() != null);
        AppWindow.waitFor(robot, "the map to settle", () -> s.map().isSettled());
        robot.interact(() -> {
            SweepResult r = s.result();
            assertFalse(r.complete(), "cancelled before the 25th cell");
            assertTrue(r.cells().size() >= 1, "the finished cells are kept");
            assertEquals(r.cells().size(), s.map().shown().result().cells().size(), "and shown on the map");
            assertEquals("cancelled", s.sweepStateLabel().getText());
            assertTrue(s.sweepProgressLabel().getText().contains("kept"), s.sweepProgressLabel().getText());
            assertFalse(s.sweepProgressLabel().getText().contains("left"), "a cancelled sweep has no time left: "
                    + s.sweepProgressLabel().getText());
            assertFalse(s.sweepRunButton().isDisabled(), "a new sweep can run");
        });
    }

    @Test
    void aBadRangeShowsTheProblemUnderItsKnobAndRunIsRefused(FxRobot robot) {
        SweepController s = open(robot);
        twoByTwo(robot, s, "2");
        robot.interact(() -> s.axis1().from().setText("0"));
        robot.interact(() -> {
            assertEquals("", s.cellsLabel().getText(), "no count while knob 1 is wrong (knob 2 alone has 2 cells)");
            String problem = s.axis1().problem().getText();
            assertTrue(s.axis1().problem().isVisible());
            assertTrue(problem.contains("client.readSize") && problem.contains("1 .. 1048576 B"), problem);
            assertTrue(s.sweepRunButton().isDisabled());
            assertTrue(s.axis1().from().getStyleClass().contains("invalid"));
        });
        robot.interact(() -> {
            s.axis1().from().setText("10");
            s.axis1().count().setText("200");
            s.axis1().scale().setValue(SweepAxisRow.LINEAR);
            s.axis2().count().setText("200");
        });
        robot.interact(() -> {
            assertEquals("", s.axis1().problem().getText());
            assertTrue(s.problemLabel().getText().contains("40000") && s.problemLabel().getText().contains("10000"),
                    s.problemLabel().getText());
            assertTrue(s.sweepRunButton().isDisabled());
            assertEquals(RunState.PAUSED, main.runs().state(), "the main window's run is left alone");
        });
    }

    @Test
    void theKnobsNowValueFollowsTheMainWindow(FxRobot robot) {
        SweepController s = open(robot);
        robot.interact(() -> assertTrue(s.axis1().range().getText().endsWith("now 10"), s.axis1().range().getText()));
        robot.interact(() -> main.model().scenarioProperty().set(main.model().codec().with(main.model().scenario(),
                ScenarioField.CLIENT_READ_SIZE, 4096)));
        robot.interact(() -> assertTrue(s.axis1().range().getText().endsWith("now 4096"), s.axis1().range().getText()));
    }

    @Test
    void keysInTheSweepWindowTogglePresentationAndHideItWhileTheSweepRunsOn(FxRobot robot) {
        SweepController s = open(robot);
        twoByTwo(robot, s, "600");
        robot.interact(() -> {
            s.axis1().count().setText("4");
            s.jobsSpinner().getValueFactory().setValue(1);
        });
        robot.clickOn("#sweepRunButton");
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        AppWindow.waitFor(robot, "presentation mode from the Sweep window", () -> main.model().presentationModeProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        AppWindow.waitFor(robot, "the Sweep window hidden", () -> !main.sweepWindow().stage().isShowing());
        robot.interact(() -> assertTrue(s.job().doneCount() < 8 && s.result() == null, "the sweep runs on"));
        AppWindow.waitFor(robot, "a cell finished while hidden", () -> s.job().doneCount() >= 1);
        robot.interact(() -> main.onSweep());
        AppWindow.waitFor(robot, "the map with the cells done while hidden", () -> s.map().shown() != null
                && !s.map().shown().result().cells().isEmpty());
        robot.clickOn("#sweepCancelButton");
        AppWindow.waitFor(robot, "the sweep to stop", () -> s.result() != null);
        robot.interact(() -> main.model().presentationModeProperty().set(false));
    }

    @Test
    void runAndCancelStayInSightOnA720LineProjectorInPresentationMode(FxRobot robot) {
        SweepController s = open(robot);
        robot.interact(() -> {
            main.model().presentationModeProperty().set(true);
            main.model().presentationFontSizeProperty().set(20); // the app's text size on a 1280 x 720 screen
            main.sweepWindow().stage().setWidth(1280);
            main.sweepWindow().stage().setHeight(720);
        });
        robot.interact(() -> {
            javafx.scene.Scene scene = s.sweepRoot().getScene();
            javafx.scene.Node status = s.sweepRoot().getBottom();
            double visibleTo = status.localToScene(status.getBoundsInLocal()).getMinY(); // the status bar's top
            for (javafx.scene.Node n : java.util.List.of(s.sweepRunButton(), s.sweepCancelButton())) {
                javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
                assertTrue(b.getMaxY() <= visibleTo && b.getMinY() >= 0, n.getId() + " at " + b + " above a status bar at "
                        + visibleTo + " in a " + scene.getHeight() + " px window");
            }
            assertTrue(s.formBox().getHeight() > visibleTo, "the form is taller than its room: " + s.formBox().getHeight() + " px");
        });
        robot.interact(() -> main.model().presentationModeProperty().set(false));
    }
}
