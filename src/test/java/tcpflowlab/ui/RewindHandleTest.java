package tcpflowlab.ui;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import tcpflowlab.engine.RunState;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rewind handle on the time axis, dragged by the mouse and moved by the keyboard; where it is offered and where not. */
@ExtendWith(ApplicationExtension.class)
class RewindHandleTest {
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

    private void waitFor(FxRobot robot, String what, java.util.function.Predicate<MainController> condition) {
        AppWindow.waitFor(robot, what, () -> condition.test(main));
    }

    private RewindHandle handle() {
        return main.rewindHandle();
    }

    /** The story run to past 20 s and paused there, with the handle shown at the run's time. */
    private long pausedStory(FxRobot robot) {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.runs().setSpeed(10.0);
            main.model().timeWindowProperty().set(AppModel.TimeWindow.ALL); // the whole run in view, from 0
        });
        robot.clickOn("#runButton");
        waitFor(robot, "the run and the handle hidden meanwhile", m -> m.runs().timeNanos() > 5_000_000_000L
                && !m.rewindHandle().isVisible());
        waitFor(robot, "20 s of the story", m -> m.runs().timeNanos() > 20_000_000_000L);
        robot.clickOn("#pauseButton");
        waitFor(robot, "paused, the handle shown", m -> m.runs().state() == RunState.PAUSED
                && m.rewindHandle().isVisible() && m.rewindHandle().grip().isVisible());
        long now = main.runs().timeNanos();
        robot.interact(() -> {
            assertEquals(now, handle().timeNanos(), "the handle starts at the run's time");
            assertFalse(handle().isMoved());
            assertFalse(handle().branchButton().isVisible(), "nothing to branch before the handle moves");
        });
        return now;
    }

    /** The screen point of {@code seconds} on the axis, at the grip's height. */
    private Point2D screenAt(FxRobot robot, double seconds) {
        Point2D[] p = new Point2D[1];
        robot.interact(() -> {
            Bounds grip = handle().grip().localToScreen(handle().grip().getBoundsInLocal());
            Point2D x = main.charts().viewer().localToScreen(main.charts().viewer().xAt(seconds), 0);
            p[0] = new Point2D(x.getX(), grip.getCenterY());
        });
        return p[0];
    }

    private void dragTo(FxRobot robot, Point2D to) {
        robot.drag(handle().grip(), MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void draggedBackFromTheRunsEndItBranchesExactlyAtTheTimeItsLabelShows(FxRobot robot) {
        long now = pausedStory(robot);

        dragTo(robot, screenAt(robot, 12.4));
        long[] at = new long[1];
        robot.interact(() -> {
            at[0] = handle().timeNanos();
            assertTrue(Math.abs(at[0] - 12_400_000_000L) < 200_000_000L, "dragged to about 12.4 s: " + at[0]);
            assertTrue(handle().isMoved());
            assertEquals("branch at " + RewindHandle.exactSeconds(at[0]) + " s", handle().label().getText());
            assertTrue(handle().branchButton().isVisible(), "Branch offered beside the handle");
            assertEquals(now, main.runs().timeNanos(), "dragging changes nothing until Branch");
        });

        robot.clickOn(handle().branchButton());
        waitFor(robot, "the branch recomputed", m -> !m.branching().isComputing()
                && m.runs().state() == RunState.PAUSED && m.runs().timeNanos() == at[0]);
        robot.interact(() -> {
            assertEquals(at[0], main.runs().timeNanos(), "the branch is paused at the handle's time exactly");
            assertTrue(main.reference().isPinned(), "the original is the faded reference");
            assertTrue(main.messageLabel().getText().startsWith("branched at t = "), main.messageLabel().getText());
        });
        waitFor(robot, "the handle back, at the branch's time", m -> m.rewindHandle().isVisible()
                && m.rewindHandle().timeNanos() == at[0] && !m.rewindHandle().isMoved());
    }

    @Test
    void itClampsAtZeroAndAtTheRunsTime(FxRobot robot) {
        long now = pausedStory(robot);
        Point2D beforeStart = screenAt(robot, 0).subtract(80, 0);
        dragTo(robot, beforeStart);
        robot.interact(() -> {
            assertEquals(0, handle().timeNanos(), "clamped at 0");
            assertEquals("branch at 0.000 s", handle().label().getText());
        });
        dragTo(robot, screenAt(robot, now / 1e9).add(300, 0));
        robot.interact(() -> {
            assertEquals(now, handle().timeNanos(), "clamped at the run's time");
            assertFalse(handle().isMoved());
            assertFalse(handle().branchButton().isVisible());
        });
    }

    @Test
    void theKeyboardMovesItAndCtrlBAsksWithItsTime(FxRobot robot) {
        long now = pausedStory(robot);
        robot.interact(() -> handle().grip().requestFocus());
        robot.press(KeyCode.SHIFT).type(KeyCode.LEFT, 3).release(KeyCode.SHIFT);
        long[] at = new long[1];
        robot.interact(() -> {
            at[0] = handle().timeNanos();
            assertTrue(at[0] < now && handle().isMoved(), "moved back by the arrow keys");
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        TextField time = robot.from(dialog).lookup(".text-field").queryAs(TextField.class);
        assertEquals(RewindHandle.exactSeconds(at[0]), time.getText(), "the dialog asks with the handle's time");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> handle().grip().requestFocus());
        robot.type(KeyCode.HOME);
        robot.interact(() -> assertEquals(0, handle().timeNanos()));
        robot.type(KeyCode.END);
        robot.interact(() -> assertEquals(now, handle().timeNanos()));
        robot.type(KeyCode.LEFT);
        robot.interact(() -> at[0] = handle().timeNanos());
        robot.type(KeyCode.ENTER);
        waitFor(robot, "the branch by Enter", m -> !m.branching().isComputing()
                && m.runs().state() == RunState.PAUSED && m.reference().isPinned());
        robot.interact(() -> assertEquals(at[0], main.runs().timeNanos()));
    }

    @Test
    void hiddenForLiveAndBeforeARun(FxRobot robot) {
        robot.interact(() -> assertFalse(handle().isVisible(), "nothing to branch before a run"));
        pausedStory(robot);
        robot.interact(() -> main.engineBox().setValue(tcpflowlab.engine.Engines.Kind.LIVE));
        waitFor(robot, "the handle hidden for Live", m -> !m.rewindHandle().isVisible());
    }

    @Test
    void aLessonOpenRefusesToBranchAndSaysHowToGoOn(FxRobot robot) {
        robot.interact(() -> main.applyOptions(List.of("--lesson", LessonModeTest.testLesson().toString())));
        AppWindow.waitFor(robot, "the lesson open", () -> main.lessonPlayer().isOpen()
                && !main.lessonPlayer().isBusy());
        Object run = main.runs().run();
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertEquals(Branching.LESSON_WHY, main.messageLabel().getText());
            assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "no time is asked for");
            main.branching().branch(0);
            assertSame(run, main.runs().run(), "the lesson's run stays");
            assertTrue(main.lessonPlayer().isOpen());
            assertFalse(main.reference().isPinned());
            assertFalse(handle().isVisible(), "no handle on a lesson's run");
        });
        robot.interact(() -> main.lessonPanel().onClose());
        robot.interact(() -> {
            assertFalse(main.lessonPlayer().isOpen());
            assertFalse(Branching.LESSON_WHY.equals(main.branching().whyNot()), "closed, the run can be branched");
        });
    }

    @Test
    void inPresentationModeAt1280x720TheHandleIsLargeEnoughToGrabAndRead(FxRobot robot) {
        robot.interact(() -> {
            main.model().presentationModeProperty().set(true);
            main.model().presentationFontSizeProperty().set(20); // the app's text size on a 1280 x 720 screen
        });
        pausedStory(robot);
        robot.interact(() -> handle().grip().requestFocus());
        robot.press(KeyCode.SHIFT).type(KeyCode.LEFT, 5).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Bounds grip = handle().grip().getBoundsInParent();
            assertTrue(grip.getWidth() >= 20 && grip.getHeight() >= 20, "a grip a finger can take: " + grip);
            assertTrue(handle().label().getFont().getSize() >= 18, "label text as large as the app's");
            Bounds label = handle().label().getBoundsInParent();
            Bounds button = handle().branchButton().getBoundsInParent();
            assertTrue(label.getMinX() >= 0 && button.getMaxX() <= handle().getWidth() && handle().branchButton().isVisible(),
                    "label and button on the charts: " + label + " " + button);
        });
    }
}
