package tcpflowlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The Help menu: how the model works (the Markdown notes, formatted), the keyboard (a table
 * whose columns line up), about. In presentation mode the text is as large as the window's.
 */
final class HelpDialogs {
    static final double NORMAL_SIZE = 13;
    static final double PRESENTATION_SIZE = 20;

    /** One row of the keyboard help. */
    record Shortcut(String keys, String action) {
    }

    static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Space", "run / pause"),
            new Shortcut("S", "step to the next event"),
            new Shortcut("R", "reset the run"),
            new Shortcut("+ / -", "faster / slower"),
            new Shortcut("Ctrl+O", "open a scenario"),
            new Shortcut("Ctrl+S", "save the scenario"),
            new Shortcut("Ctrl+E", "export the charts"),
            new Shortcut("Ctrl+P", "presentation mode (large fonts, thick lines)"),
            new Shortcut("Ctrl+Shift+P", "pin the run as the reference the next run is drawn over"),
            new Shortcut("Ctrl+Shift+U", "clear the reference"),
            new Shortcut("Ctrl+B", "branch: rewind a paused or finished Model run to a time, keep it faded as the reference"),
            new Shortcut("Ctrl+L", "copy a link to this moment (saved in ~/tcpflowlab-moments)"),
            new Shortcut("Ctrl+M", "sweep: outcome map over one or two knobs"),
            new Shortcut("Page Down", "lesson: reveal the answer, or the next step (a presenter's clicker)"),
            new Shortcut("Page Up", "lesson: the step before"),
            new Shortcut("Drag", "zoom the charts to the dragged time span"),
            new Shortcut("Scroll", "zoom the charts in or out"),
            new Shortcut("Ctrl+drag", "pan the charts"));

    private final Dialogs dialogs;
    private final BooleanSupplier presentation;

    HelpDialogs(Dialogs dialogs, BooleanSupplier presentation) {
        this.dialogs = dialogs;
        this.presentation = presentation;
    }

    private double size() {
        return fontSize(presentation.getAsBoolean());
    }

    /** The dialogs' text size: the window's, large in presentation mode. */
    static double fontSize(boolean presentation) {
        return presentation ? PRESENTATION_SIZE : NORMAL_SIZE;
    }

    void modelNotes() {
        VBox view = modelNotesView(size());
        double scale = size() / NORMAL_SIZE;
        dialogs.showView("How the model works", view, 780 * scale, 560 * scale, size());
    }

    /** The model notes shipped with the app, formatted. */
    static VBox modelNotesView(double size) {
        return helpView("model-notes.md", "The model notes", "modelNotes", size);
    }

    void lessonFormat() {
        double scale = size() / NORMAL_SIZE;
        dialogs.showView("Writing a lesson", lessonFormatView(size()), 780 * scale, 560 * scale, size());
    }

    /** How to write a lesson file and how the app plays it, formatted. */
    static VBox lessonFormatView(double size) {
        return helpView("lesson-format.md", "How to write a lesson", "lessonFormat", size);
    }

    /** A help page shipped in assets/help, formatted; {@code what} names it if it cannot be read. */
    private static VBox helpView(String file, String what, String id, double size) {
        String text;
        try (InputStream in = TcpFlowLabApp.resource("/assets/help/" + file).openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = what + " could not be read: " + e.getMessage();
        }
        VBox view = MarkdownFlow.render(text, size);
        view.setPadding(new Insets(size));
        view.setId(id);
        return view;
    }

    void keyboard() {
        double scale = size() / NORMAL_SIZE;
        dialogs.showView("Keyboard", keyboardView(), 520 * scale, 330 * scale, size());
    }

    /** Keys in one column, what they do in the next: a grid, so the columns line up in any font. */
    static GridPane keyboardView() {
        GridPane grid = new GridPane();
        grid.setId("keyboardGrid");
        grid.setHgap(24);
        grid.setVgap(6);
        grid.setPadding(new Insets(12));
        for (int row = 0; row < SHORTCUTS.size(); row++) {
            Label keys = new Label(SHORTCUTS.get(row).keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setStyle("-fx-font-weight: bold;");
            grid.add(keys, 0, row);
            grid.add(new Label(SHORTCUTS.get(row).action()), 1, row);
        }
        return grid;
    }

    void about() {
        dialogs.showText("About TCP Flow Lab", aboutText());
    }

    static String aboutText() {
        return "TCP Flow Lab " + tcpflowlab.cli.VersionText.projectVersion()
                + ": an interactive TCP flow-control simulator.\n"
                + "Charts by JFreeChart; SVG by JFreeSVG; PDF by OrsonPDF; help formatted with commonmark-java.";
    }
}
