package tcpflowlab.ui;

import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import tcpflowlab.engine.Moment;
import tcpflowlab.engine.MomentCodec;
import tcpflowlab.engine.RunState;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.sim.Rewind;
import tcpflowlab.telemetry.EventKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rewind and branch in the app, by the keyboard; moments opened from a file, and a bad one refused. */
@ExtendWith(ApplicationExtension.class)
class BranchWindowTest {
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

    private void waitForBranch(FxRobot robot) {
        waitFor(robot, "the branch recomputed", m -> !m.branching().isComputing()
                && m.runs().state() == RunState.PAUSED);
    }

    @Test
    void aPausedRunBranchedEarlierByTheKeyboardKeepsTheOriginalAsReferenceAndGoesOnWithANewKnob(FxRobot robot) {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.runs().setSpeed(10.0);
        });
        robot.clickOn("#runButton");
        waitFor(robot, "20 s of the story", m -> m.runs().timeNanos() > 20_000_000_000L);
        robot.clickOn("#pauseButton");
        waitFor(robot, "paused", m -> m.runs().state() == RunState.PAUSED);
        long original = main.runs().timeNanos();

        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(dialog.getHeaderText().contains("Rewind to t ="), dialog.getHeaderText());
        TextField time = robot.from(dialog).lookup(".text-field").queryAs(TextField.class);
        robot.clickOn(time).eraseText(time.getText().length()).write("12.4").type(KeyCode.ENTER);
        waitForBranch(robot);

        robot.interact(() -> {
            assertEquals(12_400_000_000L, main.runs().timeNanos(), "paused exactly at t");
            assertTrue(main.reference().isPinned(), "the original is the faded reference");
            String status = main.messageLabel().getText();
            assertTrue(status.startsWith("branched at t = 12.400 s (shown after ")
                    && status.contains(" ms): the original run is drawn faded"), status);
            assertFalse(main.frameData().log().isEmpty(), "the branch's log from 0 to t");
            assertTrue(main.frameData().log().stream().allMatch(e -> e.timeNanos() <= 12_400_000_000L),
                    "nothing after t");
            assertTrue(main.frameData().log().stream().anyMatch(e -> e.kind() == EventKind.ZERO_WINDOW));
            assertTrue(original > 12_400_000_000L);
        });
        System.out.println("branch of 12.4 s shown after " + main.branching().lastMillis() + " ms");

        TextField readSize = main.knobs().readSizeField();
        robot.clickOn(readSize).eraseText(readSize.getText().length()).write("4096").type(KeyCode.ENTER);
        robot.clickOn("#runButton");
        waitFor(robot, "the branch goes on with the new read size", m -> m.frameData().log().stream()
                .anyMatch(e -> e.kind() == EventKind.KNOB_CHANGED && e.timeNanos() > 12_400_000_000L));
        robot.interact(() -> assertTrue(main.runs().momentAt(Long.MAX_VALUE).changes().stream()
                .anyMatch(c -> c.field() == ScenarioField.CLIENT_READ_SIZE && c.value().equals(4096))));
    }

    @Test
    void aFinishedMinuteOfTheStoryBranchesAtItsEnd(FxRobot robot) {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.runs().setSpeed(Double.POSITIVE_INFINITY);
        });
        robot.clickOn("#runButton");
        waitFor(robot, "the run's end", m -> m.runs().state() == RunState.FINISHED);
        long end = main.runs().timeNanos();
        robot.interact(() -> main.branching().branch(end));
        waitFor(robot, "the branch recomputed", m -> !m.branching().isComputing());
        robot.interact(() -> {
            assertEquals(end, main.runs().timeNanos());
            assertTrue(main.reference().isPinned());
        });
        System.out.println("branch of 60 s shown after " + main.branching().lastMillis() + " ms");
        // again, as a teacher branching a second time would (the JIT has seen the replay once)
        robot.interact(() -> main.branching().branch(end));
        waitFor(robot, "the second branch recomputed", m -> !m.branching().isComputing());
        robot.interact(() -> assertEquals(end, main.runs().timeNanos()));
        System.out.println("second branch of 60 s shown after " + main.branching().lastMillis() + " ms");
    }

    private static Path momentFile(Path dir) throws Exception {
        ScenarioCodec codec = new ScenarioCodec();
        ModelEngine engine = new ModelEngine(codec.withOverrides(new tcpflowlab.scenario.Presets(codec)
                .load("seed-buggy"), List.of("run.durationS=20")), List.of(), codec);
        engine.runUntil(StopCondition.at(3_000_000_000L));
        engine.knobs().setReadSize(512);
        engine.runUntil(StopCondition.at(8_250_000_000L));
        Path file = dir.resolve("moment.json");
        new MomentCodec(codec).write(Rewind.momentOf(engine, 8_250_000_000L), file);
        return file;
    }

    @Test
    void theMomentOptionOpensTheRunPausedAtItsMomentAndALinkReopensIt(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path file = momentFile(dir);
        robot.interact(() -> main.applyOptions(List.of("--moment", file.toString())));
        waitForBranch(robot);
        robot.interact(() -> {
            assertEquals(8_250_000_000L, main.runs().timeNanos());
            assertEquals(512, main.runs().momentAt(Long.MAX_VALUE).changes().get(0).value(),
                    "the moment's change is in the reopened run's own history");
            assertTrue(main.frameData().log().stream().anyMatch(e -> e.kind() == EventKind.KNOB_CHANGED),
                    "the moment's change replayed");
            assertFalse(main.reference().isPinned(), "a moment opened is not a branch");
            assertTrue(main.messageLabel().getText().contains("opened the moment at t = 8.250 s"));
        });

        System.setProperty("tcpflowlab.momentDir", dir.resolve("links").toString());
        try {
            robot.interact(() -> main.onCopyMomentLink());
            String[] clip = new String[1];
            robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
            assertTrue(clip[0].contains("--moment "), clip[0]);
            Path saved = MomentLink.argumentPath(clip[0].substring(clip[0].indexOf("--moment ") + 9,
                    clip[0].length() - 1));
            Moment m = new MomentCodec(new ScenarioCodec()).read(saved);
            assertEquals(8_250_000_000L, m.atNanos());
            assertEquals(new MomentCodec(new ScenarioCodec()).read(file), m, "the same moment, linked again");
        } finally {
            System.clearProperty("tcpflowlab.momentDir");
        }
    }

    @Test
    void liveRunsCannotBranchAndTheStatusBarSaysWhy(FxRobot robot) {
        robot.interact(() -> main.engineBox().setValue(tcpflowlab.engine.Engines.Kind.LIVE));
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertEquals(Branching.LIVE_WHY, main.messageLabel().getText());
            assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "no time is asked for");
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> assertEquals(Branching.LIVE_WHY, main.messageLabel().getText()));
    }

    @Test
    void aCorruptMomentFileIsReportedAndChangesNothing(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(momentFile(dir)).replace("\"atNanos\" : 8250000000",
                "\"atNanos\" : 99000000000"));
        javafx.application.Platform.runLater(() -> main.openMoment(bad));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().contains("outside the run"), dialog.getContentText());
        robot.clickOn(robot.from(dialog).lookup(".button").queryButton());
        robot.interact(() -> {
            assertEquals("seed-buggy", main.model().scenario().name(), "the current scenario stays");
            assertFalse(main.runs().isPrepared());
            assertTrue(main.messageLabel().getText().contains("cannot open the moment bad.json"));
        });
    }
}
