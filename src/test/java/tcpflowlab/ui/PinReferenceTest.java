package tcpflowlab.ui;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.LegendItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import tcpflowlab.engine.RunDifference;
import tcpflowlab.engine.RunState;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.telemetry.DecimatedRecording;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pin as reference: the next run drawn over the pinned one, both compared in a table, Clear removes it. */
@ExtendWith(ApplicationExtension.class)
class PinReferenceTest {
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

    private List<String> legend() {
        List<String> labels = new ArrayList<>();
        var items = main.charts().flowChart().chart().getLegend().getSources()[0].getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            LegendItem item = items.get(i);
            labels.add(item.getLabel());
        }
        return labels;
    }

    private RunDifference.Row row(RunDifference.Quantity q) {
        return main.reference().table().getItems().stream().filter(r -> r.quantity() == q).findFirst().orElseThrow();
    }

    private void runToEnd(FxRobot robot) {
        robot.interact(() -> main.onRun());
        AppWindow.waitFor(robot, "the run's end", () -> main.runs().state() == RunState.FINISHED);
        robot.interact(() -> main.frames().requestFrame());
        robot.sleep(300); // a frame or two: the table is refreshed on the frame after the end
    }

    @Test
    void theNextRunIsDrawnOverThePinnedOneAndComparedUntilCleared(FxRobot robot) {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            // 40 s of 1 ms samples: twice the budget a reference keeps
            main.model().edit(ScenarioField.RUN_DURATION, 40.0);
            main.applyOptions(List.of("--speed", "max"));
        });
        runToEnd(robot);
        robot.interact(() -> assertFalse(legend().stream().anyMatch(l -> l.startsWith("reference")), legend().toString()));

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        robot.interact(() -> {
            assertNotNull(main.charts().flowChart().reference(), "the shortcut pinned the run");
            int kept = main.charts().flowChart().reference().samples().size();
            assertTrue(kept <= DecimatedRecording.SAMPLE_BUDGET && kept > 1000, "points kept: " + kept);
            assertTrue(legend().containsAll(List.of("reference send queue", "reference receive queue", "reference window")),
                    legend().toString());
            var queues = main.charts().flowChart().subplots().get(0);
            assertEquals(4, queues.getDatasetCount(), "send, receive and the reference's two");
            assertTrue(main.reference().tab().isSelected());
            assertEquals("RESET", row(RunDifference.Quantity.OUTCOME).a());
            assertEquals("", row(RunDifference.Quantity.OUTCOME).b(), "nothing to compare until the next run");
        });

        // the cure: read 4 KiB at a time; a run of 10 s is compared with the pinned 40 s
        robot.interact(() -> {
            main.model().edit(ScenarioField.CLIENT_READ_SIZE, 4096);
            main.model().edit(ScenarioField.RUN_DURATION, 10.0);
        });
        runToEnd(robot);
        robot.interact(() -> {
            assertNotNull(main.charts().flowChart().reference(), "a new run keeps the reference");
            assertTrue(legend().contains("reference send queue"), legend().toString());
            RunDifference.Row outcome = row(RunDifference.Quantity.OUTCOME);
            assertEquals("RESET", outcome.a());
            assertFalse(outcome.b().isEmpty() || outcome.b().equals("RESET"), "the cure is not reset: " + outcome);
            RunDifference.Row zero = row(RunDifference.Quantity.FIRST_ZERO_WINDOW);
            assertTrue(zero.a().endsWith(" s") && !zero.b().isEmpty(), zero.toString());
            assertEquals(4, main.reference().table().getColumns().size(), "quantity, reference, this run, difference");
            assertEquals("reference", main.reference().table().getColumns().get(1).getText());
            assertTrue(main.reference().caption().getText().startsWith("Reference: seed-buggy, Model engine, 40.0 s"),
                    main.reference().caption().getText());
            assertTrue(main.reference().caption().getText().contains("(the same to the millisecond)"),
                    "two Model runs of one link connect at one instant: " + main.reference().caption().getText());
        });

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U);
        robot.interact(() -> {
            assertNull(main.charts().flowChart().reference());
            assertFalse(legend().stream().anyMatch(l -> l.startsWith("reference")), legend().toString());
            assertEquals(2, main.charts().flowChart().subplots().get(0).getDatasetCount() - nullDatasets());
            assertFalse(main.reference().tab().getTabPane() != null, "the tab is gone");
        });
    }

    private int nullDatasets() {
        var queues = main.charts().flowChart().subplots().get(0);
        int n = 0;
        for (int i = 0; i < queues.getDatasetCount(); i++) {
            n += queues.getDataset(i) == null ? 1 : 0;
        }
        return n;
    }

    @Test
    void aModelRunPinnedUnderALiveRunOfTheSameScenario(FxRobot robot) {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.model().edit(ScenarioField.RUN_DURATION, 2.0);
            main.applyOptions(List.of("--speed", "max"));
        });
        runToEnd(robot);
        long[] model = new long[2]; // the reference's first connect and first sample, on its own clock
        robot.interact(() -> {
            main.onPinReference();
            model[0] = main.frameData().recording().firstConnectNanos();
            model[1] = main.charts().flowChart().reference().samples().get(0).timeNanos();
            main.engineBox().setValue(tcpflowlab.engine.Engines.Kind.LIVE); // resets the run, keeps the reference
            assertNotNull(main.charts().flowChart().reference());
        });
        runToEnd(robot); // 2 s of real sockets on loopback
        robot.interact(() -> {
            // the Live clock starts before its connect: the reference is drawn shifted so the connects line up
            long live = main.frameData().recording().firstConnectNanos();
            assertTrue(model[0] >= 0 && live > model[0], "both connected, Live later on its clock: " + model[0] + ", " + live);
            long shift = live - model[0];
            assertEquals(model[1] + shift, main.charts().flowChart().reference().samples().get(0).timeNanos());
            var queues = main.charts().flowChart().subplots().get(0);
            assertEquals((model[1] + shift) / 1e9, queues.getDataset(2).getXValue(0, 0), 1e-9,
                    "the reference's send queue starts later by the Live run's head start");
            assertTrue(main.reference().caption().getText().contains("Times from each run's first connection")
                    && main.reference().caption().getText().contains("this run's clock starts")
                    && main.reference().caption().getText().contains("drawn shifted"), main.reference().caption().getText());
            // and the table counts this run's times from its connect too
            long zero = main.runs().run().summary().firstZeroWindowNanos();
            if (zero >= 0) {
                assertEquals(Math.max(0, zero - live) / 1e9, row(RunDifference.Quantity.FIRST_ZERO_WINDOW).bValue(), 1e-9);
            }
            assertTrue(main.reference().caption().getText().startsWith("Reference: seed-buggy, Model engine"));
            assertTrue(legend().contains("reference window"), legend().toString());
            assertFalse(row(RunDifference.Quantity.GOODPUT).b().isEmpty(), "the Live run is compared");
            assertEquals("not known", row(RunDifference.Quantity.LOST).b(), "the kernel does not say what a reset discarded");
            assertFalse(main.frameData().history().isEmpty(), "the Live run's own samples are drawn too");
        });
    }

    @Test
    void aRunningRunIsNotPinned(FxRobot robot) {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.model().edit(ScenarioField.RUN_DURATION, 3600.0);
            main.onPinReference();
            assertEquals("nothing to pin yet: run a scenario first", main.messageLabel().getText());
            main.onRun();
            main.onPinReference();
            assertEquals("pause the run or let it finish, then pin it", main.messageLabel().getText());
            assertNull(main.charts().flowChart().reference());
        });
        AppWindow.waitFor(robot, "a sample", () -> !main.frameData().history().isEmpty());
        robot.interact(() -> main.onPause());
        AppWindow.waitFor(robot, "the pause", () -> main.runs().state() == RunState.PAUSED);
        robot.interact(() -> {
            main.onPinReference();
            assertNotNull(main.charts().flowChart().reference(), "a paused run is pinned as far as it went");
        });
    }
}
