package tcpflowlab.ui;

import tcpflowlab.engine.Engines;
import javafx.scene.control.Label;
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
import org.w3c.dom.Document;
import tcpflowlab.chart.WindowedXYDataset;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.engine.RunState;
import tcpflowlab.telemetry.TcpEvent;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desktop app, headless under Monocle: the story runs, knobs work live, exports parse. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
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

    private static boolean logHas(MainController m, EventKind kind) {
        return m.frameData().log().stream().anyMatch(e -> e.kind() == kind);
    }

    @Test
    void theStoryRunsAndZeroWindowsAndResetsReachTheLogAndTheCharts(FxRobot robot) throws Exception {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.runs().setSpeed(5.0);
        });
        robot.clickOn("#runButton");
        waitFor(robot, "zero window and reset in the log", m -> logHas(m, EventKind.ZERO_WINDOW)
                && logHas(m, EventKind.RST_SENT) && logHas(m, EventKind.SOCKET_ERROR));
        robot.interact(() -> {
            assertEquals(RunState.RUNNING, main.runs().state());
            assertFalse(main.frameData().zeroWindowSpans().isEmpty(), "zero-window period shaded");
            assertTrue(main.frameData().markedEvents().stream().anyMatch(e -> e.kind() == EventKind.RST_SENT),
                    "reset marked on the charts");
            assertTrue(main.frameData().markedEvents().stream().anyMatch(e -> e.errno() != null && e.errno().number() == 104));
            main.charts().onFrame();
            for (WindowedXYDataset d : main.charts().flowChart().datasets()) {
                assertTrue(d.getItemCount(0) > 10, "chart dataset has points: " + d.getSeriesKey(0));
            }
            assertTrue(main.eventLog().table().getItems().size() > 5);
        });
        // Selecting a reset event explains it and moves the crosshair.
        robot.interact(() -> {
            TcpEvent rst = main.frameData().log().stream().filter(e -> e.kind() == EventKind.RST_SENT).findFirst().orElseThrow();
            main.eventLog().table().getSelectionModel().select(rst);
            assertTrue(main.eventLog().explanation().getText().contains("RST"), main.eventLog().explanation().getText());
            assertEquals(rst.timeNanos() / 1e9, main.charts().flowChart().subplots().get(0).getDomainCrosshairValue(), 1e-9);
        });
        // Filter by kind and search.
        robot.interact(() -> main.eventLog().kindFilter().setValue("SOCKET_ERROR"));
        robot.interact(() -> assertTrue(main.eventLog().visibleEvents().stream().allMatch(e -> e.kind() == EventKind.SOCKET_ERROR)));
        robot.interact(() -> main.eventLog().searchField().setText("107"));
        robot.interact(() -> assertTrue(main.eventLog().visibleEvents().stream()
                .allMatch(e -> e.errno() != null && e.errno().number() == 107)));
        robot.interact(() -> {
            main.eventLog().kindFilter().setValue(EventLogController.ALL_KINDS);
            main.eventLog().searchField().setText("");
        });
        // Space pauses (focus on the table, not a text field).
        robot.clickOn("#pauseButton");
        robot.interact(() -> assertEquals(RunState.PAUSED, main.runs().state()));
        robot.press(KeyCode.S).release(KeyCode.S);
        robot.interact(() -> assertEquals(RunState.PAUSED, main.runs().state()));
    }

    @Test
    void movingTheReadSizeDuringARunChangesTheEngineAndLogsIt(FxRobot robot) throws Exception {
        robot.interact(() -> main.loadPreset("backpressure"));
        robot.clickOn("#runButton");
        waitFor(robot, "the run to start", m -> m.runs().timeNanos() > 0);
        robot.interact(() -> main.knobs().readSizeSlider().setValue(12)); // 2^12 = 4096 B
        waitFor(robot, "KNOB_CHANGED in the log", m -> logHas(m, EventKind.KNOB_CHANGED));
        robot.interact(() -> {
            assertEquals(4096, main.runs().run().knobs().projected().client().readSize());
            TcpEvent change = main.frameData().log().stream().filter(e -> e.kind() == EventKind.KNOB_CHANGED)
                    .findFirst().orElseThrow();
            assertEquals("read size 10 B -> 4096 B", change.detail());
            assertTrue(main.frameData().markedEvents().contains(change), "the change is annotated on the charts");
            assertEquals(4096, main.model().scenario().client().readSize());
            assertTrue(main.model().isDirty());
        });
    }

    @Test
    void anInvalidValueIsRefusedInPlaceWithTheAllowedRange(FxRobot robot) {
        TextField readSize = main.knobs().readSizeField();
        robot.clickOn(readSize).eraseText(4).write("0").type(KeyCode.ENTER);
        robot.interact(() -> {
            assertTrue(readSize.getStyleClass().contains("invalid"));
            assertEquals(10, main.model().scenario().client().readSize(), "refused: nothing changed");
        });
        Label error = robot.lookup(n -> n instanceof Label l && l.isVisible() && l.getStyleClass().contains("knob-error"))
                .queryAs(Label.class);
        assertNotNull(error);
        assertTrue(error.getText().contains("1 .. 1048576 B"), error.getText());

        TextField gap = (TextField) main.knobs().control(ScenarioField.SERVER_SEND_GAP);
        robot.clickOn(gap).eraseText(6).write("abc").type(KeyCode.ENTER);
        robot.interact(() -> assertTrue(gap.getStyleClass().contains("invalid")));
        robot.clickOn(gap).eraseText(6).write("250").type(KeyCode.ENTER);
        robot.interact(() -> {
            assertFalse(gap.getStyleClass().contains("invalid"));
            assertEquals(250.0, main.model().scenario().server().sendGapUs());
        });
    }

    @Test
    void chartsExportAsPngSvgAndPdfAndDataAsCsv(FxRobot robot, @TempDir Path out) throws Exception {
        robot.interact(() -> {
            main.loadPreset("small-buffers-classroom");
            main.runs().setSpeed(Double.POSITIVE_INFINITY);
        });
        robot.clickOn("#runButton");
        waitFor(robot, "the run to finish", m -> m.runs().state() == RunState.FINISHED);
        robot.interact(() -> main.charts().onFrame());
        Exception[] failure = new Exception[1];
        robot.interact(() -> {
            try {
                main.exports().exportCharts(out.resolve("c.png"), "small-buffers-classroom", 1200, 800, false, false);
                main.exports().exportCharts(out.resolve("c.svg"), "small-buffers-classroom", 1200, 800, true, false);
                main.exports().exportCharts(out.resolve("c.pdf"), "small-buffers-classroom", 1200, 800, true, false);
                main.exports().exportData(out, false);
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        BufferedImage png = ImageIO.read(out.resolve("c.png").toFile());
        assertEquals(1200, png.getWidth());
        assertEquals(800, png.getHeight());
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = xml.newDocumentBuilder().parse(out.resolve("c.svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertTrue(Files.readString(out.resolve("c.svg")).contains("small-buffers-classroom"), "SVG title names the scenario");
        byte[] pdf = Files.readAllBytes(out.resolve("c.pdf"));
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        List<String> events = Files.readAllLines(out.resolve("small-buffers-classroom-events.csv"));
        assertTrue(events.get(0).startsWith("# TCP Flow Lab, scenario small-buffers-classroom, t = 0 .. 30.000000 s"),
                events.get(0));
        assertTrue(events.stream().anyMatch(l -> l.contains("ZERO_WINDOW_PROBE")));
        assertTrue(Files.readAllLines(out.resolve("small-buffers-classroom-samples.csv")).size() > 30_000);
        // Never overwrite without asking.
        robot.interact(() -> {
            assertThrows(FileAlreadyExistsException.class,
                    () -> main.exports().exportCharts(out.resolve("c.png"), "x", 1200, 800, false, false));
            assertThrows(FileAlreadyExistsException.class, () -> main.exports().exportData(out, false));
        });
    }

    @Test
    void openingACorruptScenarioReportsItAndKeepsTheCurrentOne(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"client\": { \"readSize\": -3 } }");
        javafx.application.Platform.runLater(() -> main.openFile(bad));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(dialog.getContentText().contains("client.readSize = -3 is not allowed"), dialog.getContentText());
        robot.clickOn(robot.from(dialog).lookup(".button").queryButton());
        robot.interact(() -> {
            assertEquals("seed-buggy", main.model().scenario().name(), "the current scenario stays");
            assertTrue(main.messageLabel().getText().contains("client.readSize"));
        });
        // A good file opens and lands in the recent-files list.
        Path good = dir.resolve("good.json");
        Files.writeString(good, "{ \"name\": \"mine\", \"client\": { \"readSize\": 64 } }");
        robot.interact(() -> assertTrue(main.openFile(good)));
        robot.interact(() -> {
            assertEquals("mine", main.model().scenario().name());
            assertEquals(good.toAbsolutePath().normalize(), main.model().recent().get(0));
            assertEquals("64", main.knobs().readSizeField().getText());
        });
    }

    @Test
    void unsavedChangesPromptBeforeAPresetReplacesThem(FxRobot robot) {
        TextField gap = (TextField) main.knobs().control(ScenarioField.SERVER_SEND_GAP);
        robot.clickOn(gap).eraseText(6).write("300").type(KeyCode.ENTER);
        robot.interact(() -> assertTrue(main.model().isDirty()));
        javafx.application.Platform.runLater(() -> main.loadPreset("drop"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(dialog.getContentText().contains("unsaved changes"), dialog.getContentText());
        robot.clickOn(robot.from(dialog).lookup((javafx.scene.control.Button b) -> b.getText().equals("Cancel")).queryButton());
        robot.interact(() -> {
            assertEquals("seed-buggy", main.model().scenario().name(), "Cancel keeps the edited scenario");
            assertEquals(300.0, main.model().scenario().server().sendGapUs());
        });
        javafx.application.Platform.runLater(() -> main.loadPreset("drop"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane again = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        robot.clickOn(robot.from(again).lookup((javafx.scene.control.Button b) -> b.getText().equals("Discard changes")).queryButton());
        robot.interact(() -> {
            assertEquals("drop", main.model().scenario().name());
            assertFalse(main.model().isDirty());
            assertEquals("125", gap.getText(), "the knob panel shows the preset's values");
        });
    }

    @Test
    void keyboardControlsRunStepAndSpeed(FxRobot robot) throws Exception {
        robot.clickOn(main.eventLog().table()); // focus away from text fields
        robot.interact(() -> assertEquals(1.0, main.runs().speed()));
        robot.type(KeyCode.EQUALS);
        robot.interact(() -> assertEquals(2.0, main.runs().speed()));
        robot.type(KeyCode.MINUS).type(KeyCode.MINUS);
        robot.interact(() -> assertEquals(0.5, main.runs().speed()));
        robot.type(KeyCode.S);
        robot.interact(() -> assertEquals(RunState.PAUSED, main.runs().state(), "S steps: the run exists, paused"));
        waitFor(robot, "the step", m -> !m.steps().isStepping() && m.runs().engineEvents() >= 1);
        robot.type(KeyCode.SPACE);
        waitFor(robot, "Space to run", m -> m.runs().state() == RunState.RUNNING && m.runs().timeNanos() > 0);
        robot.type(KeyCode.SPACE);
        robot.interact(() -> assertEquals(RunState.PAUSED, main.runs().state()));
        robot.type(KeyCode.R);
        robot.interact(() -> {
            assertEquals(RunState.READY, main.runs().state());
            assertTrue(main.frameData().log().isEmpty());
        });
    }

    @Test
    void presentationModeEnlargesTextAndThickensLines(FxRobot robot) {
        robot.interact(() -> {
            float before = ((java.awt.BasicStroke) main.charts().flowChart().subplots().get(0).getRenderer()
                    .getSeriesStroke(0)).getLineWidth();
            main.model().presentationModeProperty().set(true);
            float after = ((java.awt.BasicStroke) main.charts().flowChart().subplots().get(0).getRenderer()
                    .getSeriesStroke(0)).getLineWidth();
            assertTrue(after > before, before + " -> " + after);
            assertTrue(main.knobs().readSizeField().getScene().getRoot().getStyleClass().contains("presentation"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> assertTrue(main.knobs().readSizeField().getFont().getSize() >= 19,
                "font " + main.knobs().readSizeField().getFont()));
    }

    @Test
    void launchOptionsPickThePresetAndTheEngineAndNameAWrongOne(FxRobot robot) {
        robot.interact(() -> {
            main.applyOptions(java.util.List.of("--preset", "spill-and-replay", "--engine", "LIVE"));
            assertEquals(Engines.Kind.LIVE, main.engineBox().getValue());
            main.applyOptions(java.util.List.of("--engine", "warp"));
            assertEquals(Engines.Kind.LIVE, main.engineBox().getValue(), "a wrong name changes nothing");
            assertTrue(main.messageLabel().getText().contains("unknown engine warp (model or live)"),
                    main.messageLabel().getText());
            main.applyOptions(java.util.List.of("--engine", "model"));
            assertEquals(Engines.Kind.MODEL, main.engineBox().getValue());
        });
    }

    @Test
    void hoverReadOutGivesExactValues() {
        tcpflowlab.chart.SampleHistory h = new tcpflowlab.chart.SampleHistory();
        h.add(new tcpflowlab.telemetry.Sample(1_000_000_000L, 4096, 32768, 100, 8192, 0, 0, 0, 0, 0));
        h.add(new tcpflowlab.telemetry.Sample(1_001_000_000L, 5000, 32768, 110, 8192, 2048, 0, 0, 0, 0));
        String text = ChartPanelController.hoverText(h, 1.0005);
        assertTrue(text.contains("send queue 4.0 KiB of 32.0 KiB"), text);
        assertTrue(text.contains("window 0 B"), text);
        assertTrue(ChartPanelController.hoverText(h, 1.0012).contains("window 2.0 KiB"));
        assertTrue(!text.contains("spill"), "no queue, no spill read-out: " + text);
        h.add(new tcpflowlab.telemetry.Sample(1_002_000_000L, 0, 32768, 0, 8192, 2048, 0, 0, 0, 13_000, 1_000, 2_500_000));
        String spill = ChartPanelController.hoverText(h, 1.0021);
        assertTrue(spill.contains("spill queue 1,000 messages (12.7 KiB), fsync mean 2.50 ms"), spill);
    }

    @Test
    void theLiveEngineRunsTheStoryOnRealSocketsFromTheWindow(FxRobot robot) throws Exception {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.engineBox().setValue(Engines.Kind.LIVE);
        });
        robot.interact(() -> {
            assertTrue(robot.lookup("#stepButton").queryButton().isDisabled(), "no stepping in real time");
            assertTrue(main.engineBox().getScene().lookup("#speedBox").isDisabled());
        });
        robot.clickOn("#runButton");
        waitFor(robot, "EAGAIN, the kernel's RST and ECONNRESET from the real kernel", m -> logHas(m, EventKind.EAGAIN)
                && m.frameData().log().stream().anyMatch(e -> e.errno() == tcpflowlab.telemetry.Errno.ECONNRESET));
        robot.interact(() -> {
            assertTrue(main.frameData().history().samplesSeen() > 10, "kernel samples reach the charts");
            assertTrue(main.frameData().log().stream().anyMatch(e -> e.kind() == EventKind.LISTEN
                    && e.detail().startsWith("listening on 127.0.0.1:")));
        });
        robot.interact(() -> {
            try {
                java.nio.file.Path capture = main.runs().flushedCapture();
                if (capture == null) {
                    assertTrue(main.runs().captureWhyNot() != null && !main.runs().captureWhyNot().isEmpty(),
                            "no capture, and the app says why");
                } else {
                    assertTrue(capture.toString().endsWith(".pcapng"));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.interact(main::onReset);
        robot.interact(() -> assertEquals(RunState.READY, main.runs().state()));
    }

    /** A status-bar label's text; on the FX thread. */
    private static String text(MainController m, String id) {
        return ((Label) m.engineBox().getScene().lookup(id)).getText();
    }

    @Test
    void aLiveRunNamesItsSourceFillsTheLadderCountsEventsAndPauses(FxRobot robot) throws Exception {
        robot.interact(() -> main.loadPreset("seed-buggy"));
        robot.clickOn("#runButton");
        waitFor(robot, "the Model run to start", m -> m.runs().timeNanos() > 0);
        robot.interact(() -> assertFalse(main.sourceLabel().isVisible(), "the Model's events are its own: no source named"));
        robot.interact(() -> {
            main.onReset();
            main.engineBox().setValue(Engines.Kind.LIVE);
        });
        robot.clickOn("#runButton");
        waitFor(robot, "the reset seen on the wire", m -> logHas(m, EventKind.RST_RECEIVED));
        robot.interact(() -> {
            assertTrue(main.sourceLabel().isVisible());
            assertEquals("kernel events: " + main.runs().telemetrySource(), main.sourceLabel().getText());
        });
        // The connection is gone: no segment arrives after this, so the ladder must show those it has,
        // also after the window was resized while its tab was hidden (a redraw of the hidden canvas).
        robot.interact(() -> {
            javafx.stage.Window window = main.engineBox().getScene().getWindow();
            window.setWidth(window.getWidth() + 60);
            window.setHeight(window.getHeight() + 40);
            main.engineBox().getScene().getRoot().applyCss();
            main.engineBox().getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> main.ladderTab().getTabPane().getSelectionModel().select(main.ladderTab()));
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(robot, "a frame to draw the ladder", m -> m.ladder().countLabel().getText() != null
                && !m.ladder().countLabel().getText().isEmpty());
        robot.interact(() -> {
            main.ladder().onFrame();
            if (main.runs().captureWhyNot() == null) {
                assertTrue(main.frameData().segmentsSeen() > 0, "the capture's segments reach the window");
                assertEquals(Math.min(FrameData.LADDER_SEGMENTS, main.frameData().segmentsSeen()), main.ladder().shown().size());
                assertFalse(main.ladder().hits().isEmpty(), "arrows drawn");
            } else {
                assertTrue(main.ladder().countLabel().getText().startsWith("no segments: this Live run has no capture"),
                        main.ladder().countLabel().getText());
            }
        });
        waitFor(robot, "events/s above 0", m -> !text(m, "#rateLabel").startsWith("0 events/s"));
        robot.clickOn("#pauseButton");
        long[] at = new long[2];
        robot.interact(() -> {
            assertEquals(RunState.PAUSED, main.runs().state());
            assertTrue(main.messageLabel().getText().contains("the kernel goes on"), main.messageLabel().getText());
            at[0] = main.runs().timeNanos();
            at[1] = main.frames().frames();
        });
        String[] pausedAt = new String[1];
        robot.interact(() -> pausedAt[0] = text(main, "#timeLabel"));
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS); // the frame loop may rest while paused: wait, then compare
        robot.interact(() -> assertEquals(at[0], main.runs().timeNanos(), "the run's clock stands still"));
        robot.interact(() -> assertEquals(pausedAt[0], text(main, "#timeLabel"), "the displayed time is frozen"));
        robot.clickOn("#runButton");
        waitFor(robot, "the clock to go on after Resume", m -> m.runs().state() == RunState.RUNNING
                && !text(m, "#timeLabel").equals(pausedAt[0]));
    }

    @Test
    void theLadderShowsTheLastSegmentsAndExportsAsSvgAndTheRunAsAPcap(FxRobot robot, @TempDir Path out) throws Exception {
        robot.interact(() -> {
            main.loadPreset("small-buffers-classroom");
            main.runs().setSpeed(Double.POSITIVE_INFINITY);
        });
        robot.clickOn("#runButton");
        waitFor(robot, "the run to finish", m -> m.runs().state() == RunState.FINISHED);
        robot.interact(() -> main.ladderTab().getTabPane().getSelectionModel().select(main.ladderTab()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            main.ladder().onFrame();
            assertEquals(FrameData.LADDER_SEGMENTS, main.ladder().shown().size(), "the last segments are shown");
            assertTrue(main.ladder().hits().size() > 5, "arrows drawn: " + main.ladder().hits().size());
            var hit = main.ladder().hits().get(main.ladder().hits().size() - 1);
            main.ladder().select(hit.index());
            assertTrue(main.ladder().details().getText().contains("seq "), main.ladder().details().getText());
            assertTrue(main.ladder().shown().stream().anyMatch(x -> "zero-window probe".equals(x.note()))
                    || main.ladder().shown().stream().anyMatch(x -> x.window() == 0), "the stall is in view");
            main.ladder().scrollBy(30);
            var back = main.ladder().hits();
            assertEquals(FrameData.LADDER_SEGMENTS - 31, back.get(back.size() - 1).index(), "the wheel shows older segments");
            assertTrue(main.ladder().countLabel().getText().contains("scrolled back"), main.ladder().countLabel().getText());
            main.ladder().scrollBy(-30);
            assertEquals(FrameData.LADDER_SEGMENTS - 1, main.ladder().hits().get(main.ladder().hits().size() - 1).index());
            assertTrue(main.ladder().countLabel().getText().contains("of the last 300 held"), main.ladder().countLabel().getText());
        });
        Exception[] failure = new Exception[1];
        robot.interact(() -> {
            try {
                main.ladder().exportSvg(out.resolve("ladder.svg"), 1200, false);
                Files.copy(main.runs().flushedCapture(), out.resolve("run.pcap"));
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertEquals("svg", xml.newDocumentBuilder().parse(out.resolve("ladder.svg").toFile()).getDocumentElement().getTagName());
        assertTrue(Files.readString(out.resolve("ladder.svg")).contains("zero-window probe")
                || Files.readString(out.resolve("ladder.svg")).contains("win=0"));
        assertEquals(FrameData.LADDER_SEGMENTS, Files.readString(out.resolve("ladder.svg")).split(" seq=", -1).length - 1,
                "the export draws every segment the ladder holds");
        byte[] pcap = Files.readAllBytes(out.resolve("run.pcap"));
        assertEquals((byte) 0x4d, pcap[0], "libpcap nanosecond magic, little-endian");
        assertEquals((byte) 0xa1, pcap[3]);
        assertTrue(pcap.length > 10_000);
    }
}
