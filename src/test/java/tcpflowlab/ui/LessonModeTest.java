package tcpflowlab.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import tcpflowlab.engine.Engines;
import tcpflowlab.engine.RunState;
import tcpflowlab.lesson.LessonCodec;
import tcpflowlab.lesson.LessonLibrary;
import tcpflowlab.lesson.LessonSession;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.TcpEvent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson mode (issue 14, section 2): open, step, predict, reveal with the evidence, Back, the summary and its export. */
@ExtendWith(ApplicationExtension.class)
class LessonModeTest {
    @TempDir
    static Path settings;

    private MainController main;

    @Start
    void start(Stage stage) throws Exception {
        main = AppWindow.open(stage, settings, 1600, 1000);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> main.shutdown());
    }

    static Path testLesson() {
        try {
            return Path.of(LessonModeTest.class.getResource("/lessons/window-and-reset.json").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void idle(FxRobot robot) {
        AppWindow.waitFor(robot, "the lesson to get there", () -> !main.lessonPlayer().isBusy());
    }

    private void next(FxRobot robot) {
        robot.clickOn("#nextButton");
        idle(robot);
    }

    private String text(FxRobot robot, String id) {
        String[] t = new String[1];
        robot.interact(() -> t[0] = ((Label) main.lessonPanel().content().lookup(id)).getText());
        return t[0];
    }

    private void choose(FxRobot robot, String choice) {
        ToggleButton b = robot.from(main.lessonPanel().content())
                .lookup((ToggleButton t) -> t.getText().equals(choice)).query();
        robot.clickOn(b);
    }

    /** The stop the session reports is where the paused run is. */
    private long pausedAtStop(FxRobot robot) {
        long[] t = new long[1];
        robot.interact(() -> {
            LessonSession.Reached r = main.lessonPlayer().reached();
            assertTrue(r.met(), r.problem());
            assertEquals(RunState.PAUSED, main.runs().state());
            assertEquals(r.timeNanos(), main.runs().timeNanos(), "the run is paused where the session stopped");
            assertTrue(main.lessonPanel().stopLabel().getText().contains(ScenarioFieldText.seconds(r.timeNanos())),
                    main.lessonPanel().stopLabel().getText());
            t[0] = r.timeNanos();
        });
        return t[0];
    }

    @Test
    void aLessonFromTheOptionStepsRevealsWithEvidenceGoesBackAndExportsItsSummary(FxRobot robot, @TempDir Path out)
            throws Exception {
        robot.interact(() -> {
            main.engineBox().setValue(Engines.Kind.LIVE);
            main.applyOptions(List.of("--lesson", testLesson().toString()));
        });
        robot.interact(() -> {
            assertTrue(main.lessonPanel().root().isVisible(), "the panel shows");
            assertEquals(Engines.Kind.MODEL, main.engineBox().getValue(), "lessons run on the Model");
            assertEquals("Lesson: 3 steps, 2 questions", main.lessonPanel().progressLabel().getText());
            assertEquals("Start ▶", main.lessonPanel().nextButton().getText());
            assertTrue(main.lessonPanel().backButton().isDisabled());
            String goal = texts(main.lessonPanel().content());
            assertTrue(goal.startsWith("Learning goal. After this lesson"), "the goal first: " + goal);
        });

        next(robot);
        long zeroWindow = pausedAtStop(robot);
        robot.interact(() -> assertEquals("Step 1 of 3", main.lessonPanel().progressLabel().getText()));
        robot.clickOn("#predictionField").write("13000");
        robot.clickOn("#revealButton");
        idle(robot);
        assertEquals("✔ Right: the class said 13000 B", text(robot, "#verdictLabel"));
        assertEquals("The run's answer: 13026 B", text(robot, "#answerLabel"));
        robot.interact(() -> {
            assertEquals(zeroWindow / 1e9, main.charts().flowChart().evidence().seconds(), 1e-12,
                    "the evidence marker at the stop");
            assertFalse(main.charts().flowChart().evidence().drawn().isEmpty(), "and drawn on the charts");
            assertTrue(main.eventLog().explanation().getText().contains("No single event settles it"),
                    "a value at the stop points at the time: " + main.eventLog().explanation().getText());
            assertNull(main.lessonPanel().root().lookup("#revealButton"), "revealed once");
        });

        next(robot);
        long probing = pausedAtStop(robot);
        assertEquals(6_000_000_000L, probing);
        robot.interact(() -> {
            assertTrue(Double.isNaN(main.charts().flowChart().evidence().seconds()), "a new step clears the evidence");
            assertEquals("Next ▶", main.lessonPanel().nextButton().getText());
        });

        next(robot);
        long reset = pausedAtStop(robot);
        robot.interact(() -> assertEquals("Summary ▶", main.lessonPanel().nextButton().getText()));
        choose(robot, "EAGAIN");
        robot.clickOn("#revealButton");
        idle(robot);
        assertEquals("✘ Wrong: the class said EAGAIN", text(robot, "#verdictLabel"));
        assertEquals("The run's answer: ECONNRESET", text(robot, "#answerLabel"));
        robot.interact(() -> {
            TcpEvent evidence = main.lessonPlayer().revealed().answer().evidence();
            assertNotNull(evidence);
            assertEquals(Errno.ECONNRESET, evidence.errno());
            assertEquals(evidence, main.eventLog().table().getSelectionModel().getSelectedItem(),
                    "the evidence's row selected in the log");
            assertEquals(0, main.ladderTab().getTabPane().getSelectionModel().getSelectedIndex(), "the log's tab shows");
            assertEquals(evidence.timeNanos() / 1e9, main.charts().flowChart().evidence().seconds(), 1e-12);
            int arrow = main.ladder().selected();
            assertTrue(arrow >= 0, "an arrow highlighted on the ladder");
            long at = main.ladder().shown().get(arrow).timeNanos();
            for (var s : main.ladder().shown()) {
                assertTrue(Math.abs(s.timeNanos() - evidence.timeNanos()) >= Math.abs(at - evidence.timeNanos()),
                        "the arrow nearest the evidence");
            }
        });

        // Back: the lesson again from the start, to the step before, at the same stop.
        robot.clickOn("#backButton");
        idle(robot);
        assertEquals(probing, pausedAtStop(robot));
        robot.interact(() -> assertEquals("Step 2 of 3", main.lessonPanel().progressLabel().getText()));
        next(robot);
        assertEquals(reset, pausedAtStop(robot));
        choose(robot, "ENOTCONN");
        robot.clickOn("#revealButton");
        idle(robot);
        next(robot);
        robot.interact(() -> {
            assertEquals("Summary", main.lessonPanel().progressLabel().getText());
            assertTrue(main.lessonPanel().nextButton().isDisabled());
            assertNotNull(main.lessonPanel().content().lookup("#exportPdfButton"));
        });

        Path md = out.resolve("summary.md");
        Path pdf = out.resolve("summary.pdf");
        robot.interact(() -> {
            try {
                main.lessons().exportSummary(md, false);
                main.lessons().exportSummary(pdf, true);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        String summary = Files.readString(md);
        assertTrue(summary.contains("- Prediction: 13000\n- Answer from the run: 13026 B"), summary);
        assertTrue(summary.contains("- Verdict: right"), summary);
        assertTrue(summary.contains("- Prediction: ENOTCONN\n- Answer from the run: ECONNRESET"), summary);
        assertTrue(summary.contains("- Verdict: wrong"), summary);
        assertTrue(summary.contains("Predictions right: 1 of 2 judged"), summary);
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));

        // A summary that cannot be written is reported, naming the file.
        Path nowhere = out.resolve("no-such-folder").resolve("summary.md");
        javafx.application.Platform.runLater(() -> main.lessons().saveSummary(nowhere, false));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane failed = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(failed.getContentText().startsWith(nowhere + ": "), failed.getContentText());
        robot.clickOn(robot.from(failed).lookup(".button").queryButton());
        assertFalse(Files.exists(nowhere));

        // Closing the lesson leaves the run to the class.
        robot.clickOn("#closeLessonButton");
        robot.interact(() -> {
            assertFalse(main.lessonPanel().root().isVisible());
            assertFalse(main.lessonPanel().root().isManaged());
            assertTrue(main.runs().isPrepared(), "the run stays");
        });
    }

    @Test
    void aPresentersClickerWalksThroughPredictRevealAndNext(FxRobot robot) throws Exception {
        robot.interact(() -> main.applyOptions(List.of("--lesson", testLesson().toString())));
        robot.type(KeyCode.PAGE_DOWN);
        idle(robot);
        long stop = pausedAtStop(robot);
        robot.interact(() -> assertEquals("Step 1 of 3", main.lessonPanel().progressLabel().getText()));
        robot.clickOn("#predictionField").write("13000");
        robot.type(KeyCode.PAGE_DOWN); // the question waits: reveal (with the typed answer), not next
        idle(robot);
        assertEquals("✔ Right: the class said 13000 B", text(robot, "#verdictLabel"));
        robot.interact(() -> {
            assertNotNull(main.lessonPlayer().revealed(), "revealed");
            assertEquals("Step 1 of 3", main.lessonPanel().progressLabel().getText());
        });
        robot.type(KeyCode.PAGE_DOWN);
        idle(robot);
        robot.interact(() -> assertEquals("Step 2 of 3", main.lessonPanel().progressLabel().getText()));
        robot.type(KeyCode.PAGE_UP);
        idle(robot);
        robot.interact(() -> {
            assertEquals("Step 1 of 3", main.lessonPanel().progressLabel().getText());
            assertEquals(stop, main.runs().timeNanos(), "back at the same stop");
        });
    }

    @Test
    void aCorruptLessonFileIsReportedWithEveryProblemAndChangesNothing(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"tcpflowlab-lesson\",\"version\":2,\"title\":\"x\",\"goal\":\"g\","
                + "\"scenario\":\"seed-buggy\",\"colour\":\"red\",\"steps\":[]}");
        javafx.application.Platform.runLater(() -> main.openLesson(bad.toString()));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        String text = dialog.getContentText();
        assertTrue(text.contains("version") && text.contains("colour") && text.contains("steps"), text);
        assertTrue(text.contains(bad.toString()), "the file is named: " + text);
        robot.clickOn(robot.from(dialog).lookup(".button").queryButton());
        robot.interact(() -> {
            assertFalse(main.lessonPanel().root().isVisible(), "no lesson opened");
            assertEquals("seed-buggy", main.model().scenario().name());
            assertTrue(main.messageLabel().getText().startsWith("cannot open the lesson"),
                    main.messageLabel().getText());
        });
        // neither a shipped lesson nor a file
        javafx.application.Platform.runLater(() -> main.openLesson("no-such-lesson"));
        WaitForAsyncUtils.waitForFxEvents();
        dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(dialog.getContentText().contains("'no-such-lesson' is neither a lesson"), dialog.getContentText());
        robot.clickOn(robot.from(dialog).lookup(".button").queryButton());
    }

    @Test
    void theLessonsMenuListsTheShippedLessonsByTitleAndAFile(FxRobot robot) {
        LessonLibrary library = new LessonLibrary(new LessonCodec(new ScenarioCodec()));
        robot.interact(() -> {
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) main.engineBox().getScene()
                    .lookup("#menuBar");
            javafx.scene.control.Menu menu = bar.getMenus().stream().filter(m -> m.getText().equals("_Lessons"))
                    .findFirst().orElseThrow();
            List<MenuItem> lessons = menu.getItems().stream()
                    .filter(i -> i.getId() != null && i.getId().startsWith("lesson-")).toList();
            List<String> names = library.names();
            assertEquals(names.size(), lessons.size());
            for (int i = 0; i < names.size(); i++) {
                assertEquals("lesson-" + names.get(i), lessons.get(i).getId());
                assertEquals(library.load(names.get(i)).title(), lessons.get(i).getText());
            }
            assertEquals("Open lesson file…", menu.getItems().get(menu.getItems().size() - 1).getText());
        });
    }

    @Test
    void inPresentationModeAt1280x720ThePanelsTextScalesAndItAllStaysOnScreen(FxRobot robot) throws Exception {
        robot.interact(() -> {
            Stage stage = (Stage) main.engineBox().getScene().getWindow();
            stage.setWidth(1280);
            stage.setHeight(720);
            main.applyOptions(List.of("--presentation", "--lesson", testLesson().toString()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        next(robot);
        robot.interact(() -> {
            int size = main.model().presentationFontSizeProperty().get();
            assertTrue(size >= ProjectorLayout.MIN_FONT);
            for (Text t : markdownTexts(robot)) {
                assertTrue(t.getFont().getSize() >= size, "Markdown at the presentation size: " + t.getText());
            }
            double width = main.engineBox().getScene().getWidth();
            Bounds panel = main.lessonPanel().root().localToScene(main.lessonPanel().root().getLayoutBounds());
            assertTrue(panel.getWidth() <= width * 0.4, "the charts keep most of the width: " + panel.getWidth());
            for (Node n : List.of(main.lessonPanel().nextButton(), main.lessonPanel().backButton(),
                    main.lessonPanel().titleLabel())) {
                Bounds b = n.localToScene(n.getLayoutBounds());
                assertTrue(b.getMaxX() <= width && b.getMaxY() <= main.engineBox().getScene().getHeight(),
                        n.getId() + " on screen: " + b);
            }
        });
        // The knobs step aside for the panel on a narrow window while the lesson is open.
        robot.interact(() -> assertFalse(main.engineBox().getScene().lookup(".knob-panel").isVisible(),
                "no room for the knobs beside the lesson at 1280 px"));
        next(robot);
        next(robot);
        choose(robot, "ECONNRESET");
        robot.clickOn("#revealButton");
        idle(robot);
        robot.interact(() -> {
            var table = main.eventLog().table();
            TcpEvent selected = table.getSelectionModel().getSelectedItem();
            assertEquals(main.lessonPlayer().revealed().answer().evidence(), selected);
            Bounds view = table.localToScene(table.getLayoutBounds());
            boolean shown = table.lookupAll(".table-row-cell").stream()
                    .map(n -> (javafx.scene.control.TableRow<?>) n)
                    .filter(r -> r.getItem() == selected && r.isVisible())
                    .anyMatch(r -> {
                        Bounds b = r.localToScene(r.getLayoutBounds());
                        return b.getMinY() >= view.getMinY() && b.getMaxY() <= view.getMaxY();
                    });
            assertTrue(shown, "the evidence's row is in view in the log");
        });
        robot.interact(() -> main.model().presentationModeProperty().set(false));
        robot.interact(() -> {
            for (Text t : markdownTexts(robot)) {
                assertTrue(t.getFont().getSize() < 14, "back to normal size: " + t.getText());
            }
        });
    }

    /** The Text nodes of the panel's Markdown (step text, question, answer's why). */
    private java.util.Set<Text> markdownTexts(FxRobot robot) {
        java.util.Set<Text> all = new java.util.HashSet<>();
        for (Node box : main.lessonPanel().content().lookupAll(".lesson-markdown")) {
            all.addAll(robot.from(box).lookup((Text x) -> true).queryAllAs(Text.class));
        }
        assertFalse(all.isEmpty());
        return all;
    }

    @Test
    void whileTheLessonRunsToAStopRunAndStepWaitAndTheKnobsMakeRoomOnAProjector(FxRobot robot) {
        robot.interact(() -> main.applyOptions(List.of("--lesson", testLesson().toString())));
        javafx.scene.Node knobs = main.engineBox().getScene().lookup(".knob-panel");
        javafx.scene.control.Button run = (javafx.scene.control.Button) main.engineBox().getScene().lookup("#runButton");
        javafx.scene.control.Button step = (javafx.scene.control.Button) main.engineBox().getScene().lookup("#stepButton");
        robot.interact(() -> {
            assertTrue(knobs.isVisible(), "1600 px has room for the knobs beside the lesson");
            main.lessonPanel().onNext();
            // the stop is reached on another thread; the FX thread is this one, so the lesson is busy until it returns
            assertTrue(main.lessonPlayer().isBusy());
            assertTrue(main.lessonPanel().busyIndicator().isVisible());
            assertTrue(run.isDisabled() && step.isDisabled() && main.lessonPanel().nextButton().isDisabled());
            main.onRun();
            main.onStep();
            assertFalse(main.steps().isStepping(), "Step waits for the lesson");
            assertTrue(main.runs().state() != RunState.RUNNING, "Run waits for the lesson");
        });
        idle(robot);
        pausedAtStop(robot);
        robot.interact(() -> {
            assertFalse(run.isDisabled());
            assertFalse(main.lessonPanel().busyIndicator().isVisible());
            main.model().presentationModeProperty().set(true);
        });
        robot.interact(() -> assertFalse(knobs.isVisible(), "on a projector the panel takes the knobs' room"));
        robot.clickOn("#closeLessonButton");
        robot.interact(() -> assertTrue(knobs.isVisible(), "closing the lesson brings the knobs back"));
    }

    /** Where each step of a lesson stops and its answer, played headless: the path every play must take. */
    private static List<LessonSession.Revealed> headless(tcpflowlab.lesson.Lesson lesson, List<Long> stops) {
        ScenarioCodec scenarios = new ScenarioCodec();
        LessonSession s = new LessonSession(lesson);
        s.attach(new tcpflowlab.lesson.EngineLessonRun(
                new tcpflowlab.sim.ModelEngine(lesson.scenario(), List.of(s.sink()), scenarios)));
        List<LessonSession.Revealed> answers = new java.util.ArrayList<>();
        while (s.hasNext()) {
            stops.add(s.next().timeNanos());
            answers.add(s.awaitingReveal() ? s.reveal(null) : null);
        }
        return answers;
    }

    @Test
    void runStepResetOrAnotherEngineMidLessonPlaysTheLessonAgainSoNoStopIsMissed(FxRobot robot) {
        tcpflowlab.lesson.Lesson lesson = new LessonLibrary(new LessonCodec(new ScenarioCodec())).load("receive-window");
        List<Long> stops = new java.util.ArrayList<>();
        List<LessonSession.Revealed> answers = headless(lesson, stops);
        robot.interact(() -> main.openLesson("receive-window"));
        next(robot);
        assertEquals(stops.get(0), pausedAtStop(robot));

        // Run by hand past the next stop (the first zero window): Next used to miss it for good
        robot.interact(() -> main.onRun());
        AppWindow.waitFor(robot, "the run to pass the next stop", () -> main.runs().timeNanos() > stops.get(1));
        next(robot);
        assertEquals(stops.get(1), pausedAtStop(robot), "Next plays the lesson again to its stop");
        robot.interact(() -> assertEquals("Step 2 of 5", main.lessonPanel().progressLabel().getText()));

        // Reset, then Reveal: the answer is the lesson's, not one from an empty run
        robot.interact(() -> main.onReset());
        robot.clickOn("#predictionField").write("5680");
        robot.clickOn("#revealButton");
        idle(robot);
        robot.interact(() -> {
            LessonSession.Revealed v = main.lessonPlayer().revealed();
            assertNotNull(v, "revealed");
            assertEquals(answers.get(1).answer().text(), v.answer().text());
            assertEquals(Boolean.TRUE, v.correct());
        });

        // another engine, then Next: back on the Model, at the lesson's next stop
        robot.interact(() -> main.engineBox().setValue(Engines.Kind.LIVE));
        next(robot);
        assertEquals(stops.get(2), pausedAtStop(robot));
        robot.interact(() -> {
            assertEquals(Engines.Kind.MODEL, main.engineBox().getValue());
            assertEquals("5680", main.lessonPlayer().session().records().get(1).prediction(),
                    "the class's earlier prediction survives the replay");
        });
    }

    @Test
    void theKnobsALessonTurnsShowOnTheKnobPanelAndTurningOneBackByHandReachesTheRun(FxRobot robot) {
        robot.interact(() -> main.openLesson("two-cures"));
        next(robot);
        next(robot); // client.strategy = DRAIN
        robot.interact(() -> assertEquals("DRAIN",
                ((javafx.scene.control.ComboBox<?>) main.knobs().control(tcpflowlab.scenario.ScenarioField.CLIENT_STRATEGY))
                        .getValue()));
        next(robot); // FIXED_READ again, server.overflowPolicy = DROP
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> policy = (javafx.scene.control.ComboBox<String>)
                main.knobs().control(tcpflowlab.scenario.ScenarioField.SERVER_OVERFLOW_POLICY);
        robot.interact(() -> {
            assertEquals("DROP", policy.getValue(), "the panel shows the policy the run uses");
            assertEquals(tcpflowlab.scenario.OverflowPolicy.DROP,
                    main.runs().run().knobs().projected().server().overflowPolicy());
            policy.setValue("CLOSE"); // the scenario's own value: it used to count as no change
            assertEquals(tcpflowlab.scenario.OverflowPolicy.CLOSE,
                    main.runs().run().knobs().projected().server().overflowPolicy(), "the hand change reaches the run");
        });
        // Back plays the lesson again to step 2: the panel shows the knobs of that step again
        robot.clickOn("#backButton");
        idle(robot);
        robot.interact(() -> {
            assertEquals("Step 2 of 7", main.lessonPanel().progressLabel().getText());
            assertEquals("CLOSE", policy.getValue());
            assertEquals("DRAIN", ((javafx.scene.control.ComboBox<?>) main.knobs()
                    .control(tcpflowlab.scenario.ScenarioField.CLIENT_STRATEGY)).getValue());
        });
    }

    @Test
    void onAProjectorTheRevealedVerdictScrollsIntoViewAndTheNextStepStartsAtItsTop(FxRobot robot) {
        robot.interact(() -> {
            Stage stage = (Stage) main.engineBox().getScene().getWindow();
            stage.setWidth(1280);
            stage.setHeight(720);
            main.applyOptions(List.of("--presentation", "--lesson", "the-story"));
        });
        next(robot);
        robot.interact(() -> {
            Node reveal = main.lessonPanel().root().lookup("#revealButton");
            Bounds b = reveal.localToScene(reveal.getLayoutBounds());
            assertTrue(b.getMaxY() <= main.engineBox().getScene().getHeight(), "Reveal in sight: " + b);
        });
        choose(robot, "EAGAIN");
        robot.clickOn("#revealButton");
        idle(robot);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) main.lessonPanel().root()
                .lookup(".lesson-scroll");
        robot.interact(() -> {
            Node verdict = main.lessonPanel().content().lookup("#verdictLabel");
            Bounds seen = scroll.localToScene(scroll.getLayoutBounds());
            Bounds b = verdict.localToScene(verdict.getLayoutBounds());
            assertTrue(scroll.getVvalue() > scroll.getVmin(), "the answer is below the question at this size");
            assertTrue(b.getMinY() >= seen.getMinY() && b.getMaxY() <= seen.getMaxY(),
                    "the verdict in view: " + b + " in " + seen);
        });
        next(robot);
        robot.interact(() -> assertEquals(scroll.getVmin(), scroll.getVvalue(), "a new step from its top"));
    }

    @Test
    void helpShowsHowToWriteALesson() {
        String text = texts(HelpDialogs.lessonFormatView(13));
        assertTrue(text.contains("How a lesson plays"), text);
        assertTrue(text.contains("Writing a lesson"), text);
    }

    /** The text of every Text node under {@code root}, in order. */
    static String texts(Node root) {
        StringBuilder b = new StringBuilder();
        collect(root, b);
        return b.toString();
    }

    private static void collect(Node n, StringBuilder b) {
        if (n instanceof Text t) {
            b.append(t.getText());
        } else if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, b);
            }
        }
    }
}
