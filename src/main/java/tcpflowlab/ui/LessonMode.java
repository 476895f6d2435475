package tcpflowlab.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import tcpflowlab.export.AtomicOutputFile;
import tcpflowlab.export.SummaryPdf;
import tcpflowlab.lesson.Lesson;
import tcpflowlab.lesson.LessonCodec;
import tcpflowlab.lesson.LessonLibrary;
import tcpflowlab.lesson.LessonSummary;
import tcpflowlab.scenario.InvalidScenarioException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Lesson mode's menus and files: the Lessons menu (the shipped lessons by title), File > Open
 * lesson, the app's {@code --lesson} option, and the summary's export as Markdown or PDF. A
 * lesson file that cannot be used is reported with every problem and changes nothing.
 */
final class LessonMode {
    private final LessonLibrary library;
    private final LessonPlayer player;
    private final Dialogs dialogs;
    private final Predicate<String> confirmDiscard;

    /** {@code confirmDiscard}: whether unsaved scenario changes may go, asked before a lesson replaces them. */
    LessonMode(AppModel model, LessonPlayer player, Dialogs dialogs, Predicate<String> confirmDiscard) {
        this.library = new LessonLibrary(new LessonCodec(model.codec()));
        this.player = player;
        this.dialogs = dialogs;
        this.confirmDiscard = confirmDiscard;
    }

    /** Fills the Lessons menu: each shipped lesson by its title, then a lesson file. */
    void fill(Menu menu) {
        menu.getItems().clear();
        List<String> names;
        try {
            names = library.names();
        } catch (UncheckedIOException e) {
            names = List.of();
        }
        for (String name : names) {
            String title;
            try {
                title = library.load(name).title();
            } catch (RuntimeException e) {
                continue; // lesson check reports a shipped lesson that cannot be read; the menu leaves it out
            }
            MenuItem item = new MenuItem(title);
            item.setMnemonicParsing(false);
            item.setId("lesson-" + name);
            item.setOnAction(e -> open(name));
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No lessons shipped");
            none.setDisable(true);
            menu.getItems().add(none);
        }
        menu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        MenuItem file = new MenuItem("Open lesson file…");
        file.setOnAction(e -> choose());
        menu.getItems().add(file);
    }

    /** File > Open lesson: a .json chooser. */
    void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open lesson");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lesson (*.json)", "*.json"));
        java.io.File f = chooser.showOpenDialog(dialogs.stage());
        if (f != null) {
            open(f.toPath().toString());
        }
    }

    /** Opens a shipped lesson by name, or a lesson file; false (reported) when it cannot be used. */
    boolean open(String nameOrFile) {
        return open(() -> library.resolve(nameOrFile));
    }

    private boolean open(Supplier<Lesson> load) {
        Lesson lesson;
        try {
            lesson = load.get();
        } catch (InvalidScenarioException e) {
            report(e.problems());
            return false;
        } catch (UncheckedIOException e) {
            report(List.of(e.getCause().getMessage()));
            return false;
        }
        if (!confirmDiscard.test("opening the lesson " + lesson.title())) {
            return false;
        }
        player.open(lesson);
        dialogs.message("lesson: " + lesson.title());
        return true;
    }

    private void report(List<String> problems) {
        String text = String.join("\n", problems);
        dialogs.message("cannot open the lesson: " + String.join("; ", problems));
        dialogs.error("Cannot open the lesson", text);
    }

    /** The summary's Export button: a file chooser, then the file; a failure is reported. */
    void exportSummary(boolean pdf) {
        if (!player.isOpen()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(pdf ? "Export the summary as PDF" : "Export the summary as Markdown");
        chooser.getExtensionFilters().add(pdf ? new FileChooser.ExtensionFilter("PDF (*.pdf)", "*.pdf")
                : new FileChooser.ExtensionFilter("Markdown (*.md)", "*.md"));
        chooser.setInitialFileName(ExportActions.safe(player.lesson().title()) + "-summary" + (pdf ? ".pdf" : ".md"));
        java.io.File f = chooser.showSaveDialog(dialogs.stage());
        if (f != null && dialogs.confirmOverwrite(f.toPath())) {
            saveSummary(f.toPath(), pdf);
        }
    }

    /** Writes the summary to {@code file}; a failure is reported with the file and the reason. */
    boolean saveSummary(Path file, boolean pdf) {
        try {
            exportSummary(file, pdf);
            dialogs.message("summary saved: " + file.getFileName());
            return true;
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            dialogs.message("cannot export the summary to " + file);
            dialogs.error("Cannot export the summary", file + ": " + why);
            return false;
        }
    }

    /** Writes the summary to {@code file}: the Markdown, or the same text as a PDF. */
    void exportSummary(Path file, boolean pdf) throws IOException {
        LessonSummary summary = new LessonSummary(player.lesson(), player.session().records());
        String md = summary.markdown();
        byte[] bytes = pdf ? SummaryPdf.render(player.lesson().title(), md) : md.getBytes(StandardCharsets.UTF_8);
        AtomicOutputFile.write(file, bytes);
    }
}
