package tcpflowlab.ui;

import javafx.stage.Stage;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import tcpflowlab.chart.TimeAxis;
import tcpflowlab.chart.WindowedXYDataset;
import tcpflowlab.engine.Engines;
import tcpflowlab.engine.RunState;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.TcpEvent;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Step and its size box, and clean charts for every new run (issue 12, items 2 and 3). */
@ExtendWith(ApplicationExtension.class)
class StepControlTest {
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

    private void waitFor(FxRobot robot, String what, Predicate<MainController> condition) {
        AppWindow.waitFor(robot, what, () -> condition.test(main));
    }

    /** Presses Step and waits until the step is done. */
    private void step(FxRobot robot) throws Exception {
        robot.clickOn("#stepButton");
        waitFor(robot, "the step to end", m -> !m.steps().isStepping());
    }

    private void chooseStep(FxRobot robot, String label) {
        robot.interact(() -> main.steps().sizeBox().setValue(main.steps().sizeBox().getItems().stream()
                .filter(c -> c.label().equals(label)).findFirst().orElseThrow()));
    }

    private static double crosshair(MainController m) {
        XYPlot p = m.charts().flowChart().subplots().get(0);
        assertTrue(p.isDomainCrosshairVisible(), "crosshair shown");
        return p.getDomainCrosshairValue();
    }

    /** The tick labels the time axis draws now, on a plot 1000 px wide. */
    private static List<String> tickLabels(TimeAxis axis) {
        BufferedImage image = new BufferedImage(1200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            List<String> out = new ArrayList<>();
            for (Object t : axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(100, 0, 1000, 150),
                    RectangleEdge.BOTTOM)) {
                String text = ((ValueTick) t).getText();
                if (text != null && !text.isEmpty()) {
                    out.add(text);
                }
            }
            return out;
        } finally {
            g.dispose();
        }
    }

    @Test
    void eachStepMovesTimeOnAndTheLogCrosshairAndExplanationFollow(FxRobot robot) throws Exception {
        robot.interact(() -> main.loadPreset("seed-buggy"));
        step(robot); // t = 0: the server listens
        robot.interact(() -> {
            assertEquals(RunState.PAUSED, main.runs().state());
            assertEquals(EventKind.LISTEN, main.eventLog().table().getSelectionModel().getSelectedItem().kind());
        });
        long[] before = new long[1];
        int[] rowsBefore = new int[1];
        for (int i = 0; i < 8; i++) {
            robot.interact(() -> {
                before[0] = main.runs().timeNanos();
                rowsBefore[0] = main.frameData().log().size();
            });
            step(robot);
            int press = i;
            robot.interact(() -> {
                long t = main.runs().timeNanos();
                assertTrue(t > before[0], "press " + press + " moves t on: " + before[0] + " -> " + t);
                assertEquals(t / 1e9, crosshair(main), 1e-12, "the crosshair marks the stop");
                assertTrue(main.model().followLatestProperty().get(), "the axis follows the step");
                assertTrue(main.charts().flowChart().timeAxis().getRange().contains(t / 1e9), "t is in view");
                String status = ((javafx.scene.control.Label) main.engineBox().getScene().lookup("#timeLabel")).getText();
                assertEquals(String.format(java.util.Locale.ROOT, "t = %.3f s", t / 1e9), status);
                String what = main.eventLog().explanation().getText();
                assertTrue(main.frameData().log().size() > rowsBefore[0], "press " + press + ": a log row appears");
                TcpEvent selected = main.eventLog().table().getSelectionModel().getSelectedItem();
                assertNotNull(selected, "the step's newest row is selected");
                assertEquals(main.frameData().log().get(main.frameData().log().size() - 1), selected);
                assertEquals(t, selected.timeNanos(), "the row is where the step stopped");
                assertTrue(what.startsWith(selected.kind().name()), "What happened? explains it: " + what);
            });
        }
        robot.interact(() -> assertTrue(main.frameData().log().stream().anyMatch(e -> e.kind() == EventKind.ZERO_WINDOW_PROBE),
                "eight presses walk the story to its probes: " + main.frameData().log()));

        // a segment step explains the segment
        chooseStep(robot, "next segment");
        step(robot);
        robot.interact(() -> assertTrue(main.eventLog().explanation().getText().startsWith("SEGMENT at "),
                main.eventLog().explanation().getText()));

        // 1 ms and 10 ms steps land on the millisecond
        chooseStep(robot, "1 ms");
        robot.interact(() -> before[0] = main.runs().timeNanos());
        step(robot);
        robot.interact(() -> assertEquals(before[0] + 1_000_000, main.runs().timeNanos()));
        chooseStep(robot, "10 ms");
        step(robot);
        robot.interact(() -> assertEquals(before[0] + 11_000_000, main.runs().timeNanos()));

        // the next event of a chosen kind: the window closes again, on the next connection
        chooseStep(robot, "next ZERO_WINDOW");
        step(robot);
        robot.interact(() -> {
            TcpEvent selected = main.eventLog().table().getSelectionModel().getSelectedItem();
            assertEquals(EventKind.ZERO_WINDOW, selected.kind());
            assertEquals(selected.timeNanos(), main.runs().timeNanos());
            assertTrue(main.eventLog().explanation().getText().contains("advertised a window of 0 bytes"));
            assertEquals(String.format(java.util.Locale.ROOT, "stopped at t = %.6f s (the next ZERO_WINDOW)",
                    selected.timeNanos() / 1e9), main.messageLabel().getText());
        });

        // tick labels are plain numbers, in ms when less than a second is in view
        robot.interact(() -> {
            TimeAxis axis = main.charts().flowChart().timeAxis();
            for (String label : tickLabels(axis)) {
                assertTrue(label.matches("\\d+(\\.\\d+)?"), "plain tick label: " + label);
            }
            main.model().followLatestProperty().set(false);
            double t = main.runs().timeNanos() / 1e9;
            axis.setRange(t - 0.0001, t + 0.0001);
            List<String> zoomed = tickLabels(axis);
            assertTrue(zoomed.size() >= 3, zoomed.toString());
            for (String label : zoomed) {
                assertTrue(label.matches("\\d+(\\.\\d+)?"), "plain tick label: " + label + " in " + zoomed);
            }
            assertEquals("time (ms)", axis.getLabel());
        });

        // Resume clears the step's selection so the log follows the run again
        robot.clickOn("#runButton");
        robot.interact(() -> assertTrue(main.eventLog().table().getSelectionModel().isEmpty()));
    }

    @Test
    void aStepToAnEventThatNeverComesEndsTheRunAndSaysSo(FxRobot robot) throws Exception {
        robot.interact(() -> {
            main.loadPreset("seed-fixed");
            main.model().edit(tcpflowlab.scenario.ScenarioField.RUN_DURATION, 2.0);
        });
        chooseStep(robot, "next RST_SENT");
        step(robot);
        robot.interact(() -> {
            assertEquals(RunState.FINISHED, main.runs().state());
            assertEquals(2_000_000_000L, main.runs().timeNanos());
            assertEquals("the run ended before the next RST_SENT", main.messageLabel().getText());
        });
        // Step again: a fresh run, from clean charts
        chooseStep(robot, "next event");
        step(robot);
        robot.interact(() -> {
            assertEquals(0, main.runs().timeNanos());
            assertEquals(RunState.PAUSED, main.runs().state());
            assertTrue(main.frameData().log().stream().allMatch(e -> e.timeNanos() == 0), "only the new run's rows");
        });
    }

    private void assertClean(MainController m, String after) {
        assertTrue(m.model().followLatestProperty().get(), after + ": following live");
        for (WindowedXYDataset d : m.charts().flowChart().datasets()) {
            assertEquals(0, d.getItemCount(0), after + ": no old data in " + d.getSeriesKey(0));
        }
        for (XYPlot p : m.charts().flowChart().subplots()) {
            assertFalse(p.isDomainCrosshairVisible(), after + ": no crosshair");
            assertTrue(p.getDomainMarkers(Layer.FOREGROUND) == null || p.getDomainMarkers(Layer.FOREGROUND).isEmpty(),
                    after + ": no old markers");
            assertTrue(p.getDomainMarkers(Layer.BACKGROUND) == null || p.getDomainMarkers(Layer.BACKGROUND).isEmpty(),
                    after + ": no old zero-window bands");
        }
        assertEquals(0.0, m.charts().flowChart().timeAxis().getLowerBound(), after + ": the axis starts at 0");
        assertEquals("", m.charts().hoverLabel().getText(), after + ": no hover read-out");
        assertTrue(m.eventLog().table().getItems().isEmpty(), after + ": empty log");
    }

    /** Runs the story until its reset, then leaves crosshair, zoom and hover read-out behind. */
    private void dirtyTheCharts(FxRobot robot) throws Exception {
        robot.interact(() -> main.runs().setSpeed(Double.POSITIVE_INFINITY));
        robot.clickOn("#runButton");
        waitFor(robot, "the reset", m -> m.frameData().markedEvents().stream().anyMatch(e -> e.kind() == EventKind.RST_SENT));
        robot.clickOn("#pauseButton");
        robot.interact(() -> {
            main.charts().onFrame();
            TcpEvent rst = main.frameData().log().stream().filter(e -> e.kind() == EventKind.RST_SENT).findFirst()
                    .orElseThrow();
            main.eventLog().table().getSelectionModel().select(rst);
            main.charts().flowChart().timeAxis().setRange(0.5, 2.5); // the user zooms: following stops
            assertFalse(main.model().followLatestProperty().get());
        });
        robot.moveTo(main.charts().viewer());
        robot.moveBy(40, 0);
        waitFor(robot, "the hover read-out", m -> !m.charts().hoverLabel().getText().isEmpty());
    }

    @Test
    void resetAPresetAndAnotherEngineEachStartFromCleanChartsFollowingLive(FxRobot robot) throws Exception {
        robot.interact(() -> main.loadPreset("seed-buggy"));
        dirtyTheCharts(robot);
        robot.clickOn("#resetButton");
        robot.interact(() -> assertClean(main, "Reset"));
        // the new run plots in view
        robot.clickOn("#runButton");
        waitFor(robot, "samples of the new run", m -> m.frameData().history().lastTime() > 0.5);
        robot.interact(() -> {
            double last = main.frameData().history().lastTime();
            assertTrue(main.charts().flowChart().timeAxis().getRange().contains(last), "the new run is on screen");
        });

        dirtyTheCharts(robot);
        robot.interact(() -> main.loadPreset("drop"));
        robot.interact(() -> assertClean(main, "loading a preset"));

        robot.interact(() -> main.loadPreset("seed-buggy"));
        dirtyTheCharts(robot);
        robot.interact(() -> main.engineBox().setValue(Engines.Kind.LIVE));
        robot.interact(() -> {
            assertClean(main, "switching engine");
            assertTrue(main.steps().sizeBox().isDisabled());
            assertTrue(robot.lookup("#stepButton").queryButton().isDisabled(), "no stepping a Live run");
            assertEquals(main.steps().liveWhy(), robot.lookup("#stepGroup").query().getProperties()
                    .get("javafx.scene.control.Tooltip"), "the disabled Step says why, on its group");
        });
        robot.interact(() -> main.engineBox().setValue(Engines.Kind.MODEL));
        robot.interact(() -> {
            assertFalse(robot.lookup("#stepButton").queryButton().isDisabled());
            assertEquals(null, robot.lookup("#stepGroup").query().getProperties().get("javafx.scene.control.Tooltip"));
        });
    }
}
