package tcpflowlab.ui;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
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
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12, items 8 and 10: what a new user sees first, the help, the presets, the knobs. */
@ExtendWith(ApplicationExtension.class)
class OnboardingAndKnobsTest {
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

    /** Opens a modal dialog from the FX thread without blocking the test, and finds its content. */
    private static <T extends Node> T openDialog(FxRobot robot, Runnable open, String id, Class<T> type) {
        Platform.runLater(open);
        WaitForAsyncUtils.waitForFxEvents();
        T node = robot.lookup(id).queryAs(type);
        assertNotNull(node, id);
        return node;
    }

    private static void closeDialog(FxRobot robot, Node inside) {
        robot.interact(() -> inside.getScene().getWindow().hide());
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ------------------------------------------------------------------ item 8: onboarding

    @Test
    void theFirstRunHintShowsOnTheEmptyChartsAndGoesAwayOnRun(FxRobot robot) throws Exception {
        VBox hint = robot.lookup("#firstRunHint").queryAs(VBox.class);
        robot.interact(() -> {
            assertTrue(hint.isVisible() && hint.getScene() != null, "shown on start");
            String all = hint.getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText())
                    .collect(Collectors.joining(" "));
            assertTrue(all.contains("Choose a preset, press ▶ Run"), all);
            assertTrue(all.contains("seed-buggy"), "names the loaded scenario: " + all);
            Bounds b = hint.localToScene(hint.getBoundsInLocal());
            assertTrue(b.getWidth() > 100 && b.getHeight() > 50, "laid out on the charts: " + b);
        });
        robot.clickOn("#hintChoosePreset");
        ListView<?> list = robot.lookup("#presetList").queryAs(ListView.class);
        assertNotNull(list, "the hint's button opens the preset chooser");
        closeDialog(robot, list);
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.runs().state() == RunState.RUNNING);
        robot.interact(() -> assertFalse(hint.isVisible(), "gone after Run"));
        robot.clickOn("#resetButton");
        robot.interact(() -> assertTrue(hint.isVisible(), "back on the empty charts after Reset"));
    }

    @Test
    void thePresetChooserListsEveryPresetWithItsDescriptionAndLoadsTheChosenOne(FxRobot robot) {
        Presets presets = new Presets(new ScenarioCodec());
        @SuppressWarnings("unchecked")
        ListView<PresetEntry> list = openDialog(robot, main::choosePreset, "#presetList", ListView.class);
        robot.interact(() -> {
            assertEquals(presets.names(), list.getItems().stream().map(PresetEntry::name).toList());
            for (PresetEntry p : list.getItems()) {
                assertEquals(presets.load(p.name()).description(), p.description());
                assertTrue(p.description().length() > 40, p.name() + " has a description");
            }
            assertEquals("seed-buggy", list.getSelectionModel().getSelectedItem().name(), "the loaded one is selected");
        });
        // The rows on screen show the description text itself, not just the name.
        Set<String> shown = robot.from(list).lookup(".preset-description").queryAllAs(Label.class).stream()
                .map(Label::getText).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
        assertTrue(shown.contains(presets.load("seed-buggy").description()), shown.toString());
        robot.interact(() -> list.getSelectionModel().select(
                list.getItems().stream().filter(p -> p.name().equals("drop")).findFirst().orElseThrow()));
        robot.clickOn(robot.lookup((javafx.scene.control.Button b) -> b.getText().equals("Load")).queryButton());
        robot.interact(() -> assertEquals("drop", main.model().scenario().name()));
    }

    @Test
    void thePresetsMenuOpensTheChooserAndNamesEachPresetWithItsLead(FxRobot robot) {
        javafx.scene.control.Menu menu = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus()
                .stream().filter(m -> m.getText().equals("_Presets")).findFirst().orElseThrow();
        List<String> items = menu.getItems().stream().map(javafx.scene.control.MenuItem::getText)
                .filter(t -> t != null).toList();
        assertEquals(PresetChooser.CHOOSE_TEXT, items.get(0));
        assertEquals("seed-buggy: The story", items.get(1));
        assertEquals(main.presetEntries().size() + 1, items.size(), items.toString());
        ListView<?> list = openDialog(robot, () -> menu.getItems().get(0).fire(), "#presetList", ListView.class);
        robot.interact(() -> assertEquals(main.presetEntries().size(), list.getItems().size()));
        closeDialog(robot, list);
        assertEquals("The story", main.presetEntries().get(0).lead());
        assertEquals("The tempting non-cure", main.presetEntries().stream().filter(p -> p.name().equals("drop"))
                .findFirst().orElseThrow().lead());
        assertEquals("A preset without a colon",
                new PresetEntry("x", "A preset without a colon. More text").lead());
    }

    @Test
    void theHelpIsFormattedTextWithStyledHeadingsAndNoRawMarkdown(FxRobot robot) {
        VBox notes = openDialog(robot, main::onModelNotes, "#modelNotes", VBox.class);
        robot.interact(() -> {
            List<Text> texts = MarkdownFlowTest.texts(notes);
            String all = MarkdownFlowTest.allText(notes);
            assertFalse(all.contains("**"), "no raw bold marks");
            assertFalse(all.contains("##"), "no raw heading marks");
            assertFalse(texts.stream().anyMatch(t -> t.getText().startsWith("#")), "no heading line left as text");
            List<Text> headings = texts.stream().filter(t -> t.getParent() instanceof TextFlow f
                    && f.getStyleClass().contains("markdown-heading")).toList();
            assertTrue(headings.size() >= 4, "the notes' headings: " + headings.size());
            Text body = texts.stream().filter(t -> t.getText().startsWith("The Model is a deterministic")).findFirst()
                    .orElseThrow();
            for (Text h : headings) {
                assertTrue(MarkdownFlowTest.isBold(h.getFont()), h.getText() + ": " + h.getFont());
                assertTrue(h.getFont().getSize() > body.getFont().getSize(), h.getText() + ": " + h.getFont());
            }
            assertTrue(notes.getScene().getWindow().isShowing());
        });
        closeDialog(robot, notes);
    }

    @Test
    void theKeyboardHelpColumnsLineUp(FxRobot robot) {
        GridPane grid = openDialog(robot, main::onKeyboardHelp, "#keyboardGrid", GridPane.class);
        robot.interact(() -> {
            assertEquals(HelpDialogs.SHORTCUTS.size() * 2, grid.getChildren().size());
            double keysX = Double.NaN;
            double actionX = Double.NaN;
            double keysRight = 0;
            for (Node n : grid.getChildren()) {
                Bounds b = n.localToScene(n.getBoundsInLocal());
                if (GridPane.getColumnIndex(n) == 0) {
                    keysX = Double.isNaN(keysX) ? b.getMinX() : keysX;
                    assertEquals(keysX, b.getMinX(), 0.5, ((Label) n).getText());
                    keysRight = Math.max(keysRight, b.getMaxX());
                } else {
                    actionX = Double.isNaN(actionX) ? b.getMinX() : actionX;
                    assertEquals(actionX, b.getMinX(), 0.5, ((Label) n).getText());
                }
            }
            assertTrue(actionX > keysRight, "the actions start right of the longest key: " + actionX + " vs " + keysRight);
        });
        closeDialog(robot, grid);
    }

    // ------------------------------------------------------------------ item 10: knobs

    @Test
    void aRawSliderValueSnapsToAPowerOfTwoAndTheDelayToOneTwoFive(FxRobot robot) {
        Slider readSize = main.knobs().readSizeSlider();
        Slider delay = robot.lookup("#delaySlider").queryAs(Slider.class);
        robot.interact(() -> readSize.setValue(12.03)); // 2^12.03 = 4180 before snapping
        robot.interact(() -> {
            assertEquals(4096, main.model().scenario().client().readSize());
            assertEquals("4096", main.knobs().readSizeField().getText());
            assertEquals(12, readSize.getValue(), 1e-9, "the thumb sits on the notch");
        });
        robot.interact(() -> delay.setValue(3.4));
        robot.interact(() -> {
            assertEquals(5.0, main.model().scenario().client().processingDelayMs());
            assertEquals("5", main.knobs().delayField().getText());
        });
    }

    @Test
    void draggingTheReadSizeSliderLandsOnAPowerOfTwo(FxRobot robot) {
        Slider slider = main.knobs().readSizeSlider();
        Node thumb = robot.from(slider).lookup(".thumb").query();
        robot.drag(thumb).moveBy(37, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            int read = main.model().scenario().client().readSize();
            assertTrue(read > 10, "the drag moved the knob: " + read);
            assertEquals(1, Integer.bitCount(read), "a power of two: " + read);
            assertEquals(Integer.toString(read), main.knobs().readSizeField().getText());
            assertEquals(slider.getValue(), Math.rint(slider.getValue()), "on a notch: " + slider.getValue());
        });
    }

    @Test
    void theSlidersRangesAreTheScenarioFieldsRanges(FxRobot robot) {
        Slider readSize = main.knobs().readSizeSlider();
        Slider delay = robot.lookup("#delaySlider").queryAs(Slider.class);
        robot.interact(() -> readSize.setValue(readSize.getMax()));
        robot.interact(() -> assertEquals(ScenarioField.CLIENT_READ_SIZE.max(), main.model().scenario().client().readSize()));
        robot.interact(() -> readSize.setValue(readSize.getMin()));
        robot.interact(() -> assertEquals(ScenarioField.CLIENT_READ_SIZE.min(), main.model().scenario().client().readSize()));
        robot.interact(() -> delay.setValue(delay.getMax()));
        robot.interact(() -> assertEquals(ScenarioField.CLIENT_PROCESSING_DELAY.max(),
                main.model().scenario().client().processingDelayMs()));
        robot.interact(() -> delay.setValue(delay.getMin()));
        robot.interact(() -> assertEquals(ScenarioField.CLIENT_PROCESSING_DELAY.min(),
                main.model().scenario().client().processingDelayMs()));
        robot.interact(() -> {
            assertEquals("1 B", readSize.getLabelFormatter().toString(readSize.getMin()));
            assertEquals("1 MiB", readSize.getLabelFormatter().toString(readSize.getMax()));
            assertEquals("0", delay.getLabelFormatter().toString(delay.getMin()));
            assertEquals("2000", delay.getLabelFormatter().toString(delay.getMax()));
        });
    }

    private static Label visibleError(FxRobot robot) {
        return robot.lookup(n -> n instanceof Label l && l.isVisible() && l.getStyleClass().contains("knob-error"))
                .queryAs(Label.class);
    }

    @Test
    void aRefusedValueNamesTheKnobsLabelAndTheRule(FxRobot robot) {
        TextField readSize = main.knobs().readSizeField();
        robot.clickOn(readSize).eraseText(4).write("4.5").type(KeyCode.ENTER);
        String message = visibleError(robot).getText();
        assertTrue(message.startsWith("Read size: 4.5 is not allowed"), message);
        assertTrue(message.contains("whole numbers only"), message);
        assertTrue(message.contains("1 .. 1048576 B"), message);
        assertFalse(message.contains("client.readSize"), message);
        robot.interact(() -> assertEquals(10, main.model().scenario().client().readSize(), "refused: nothing changed"));
        robot.clickOn(readSize).eraseText(4).write("64").type(KeyCode.ENTER);

        TextField delay = main.knobs().delayField();
        robot.clickOn(delay).eraseText(4).write("soon").type(KeyCode.ENTER);
        message = visibleError(robot).getText();
        assertTrue(message.startsWith("Processing delay: soon is not allowed; a number, 0 .. 2000 ms"), message);
        assertFalse(message.contains("whole numbers"), "the delay takes fractions: " + message);
        robot.clickOn(delay).eraseText(5).write("5").type(KeyCode.ENTER);

        // One field against another: the keys become labels too.
        TextField longest = (TextField) main.knobs().control(ScenarioField.CLIENT_RECONNECT_BACKOFF_MAX);
        robot.interact(() -> assertTrue(main.knobs().applyValue(ScenarioField.CLIENT_RECONNECT_BACKOFF_MAX, 1000.0,
                errorOf(longest), longest)));
        robot.interact(() -> assertFalse(main.knobs().applyValue(ScenarioField.CLIENT_RECONNECT_BACKOFF_MAX, 50.0,
                errorOf(longest), longest)));
        robot.interact(() -> {
            String cross = errorOf(longest).getText();
            assertTrue(cross.startsWith("Longest reconnect delay"), cross);
            assertTrue(cross.contains("first reconnect delay"), cross);
            assertFalse(cross.contains("client."), cross);
        });
    }

    /** The knob's refusal label: the last child of its row. */
    private static Label errorOf(TextField field) {
        VBox row = (VBox) field.getParent();
        return (Label) row.getChildren().get(row.getChildren().size() - 1);
    }
}
