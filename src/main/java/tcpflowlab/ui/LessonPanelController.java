package tcpflowlab.ui;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import tcpflowlab.chart.ChartStyle;
import tcpflowlab.lesson.Answer;
import tcpflowlab.lesson.Lesson;
import tcpflowlab.lesson.LessonSession;
import tcpflowlab.lesson.LessonStep;
import tcpflowlab.lesson.LessonSummary;
import tcpflowlab.lesson.Question;

import java.util.Locale;

/**
 * The lesson panel beside the charts: the goal first, then step k of n with its text and
 * question, the class's answer, Reveal and the verdict with the run's answer and where it comes
 * from; at the end the summary and its export. What it shows comes from {@link LessonPlayer}.
 */
public final class LessonPanelController {
    /** What the panel asks of the window beyond the lesson itself. */
    interface Actions {
        void exportSummary(boolean pdf);

        /** Shows the evidence's row in the event log. */
        void showInLog();

        /** Shows the evidence's arrow on the ladder. */
        void showOnLadder();
    }

    @FXML
    private BorderPane root;
    @FXML
    private Label progressLabel;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Label titleLabel;
    @FXML
    private Label stopLabel;
    @FXML
    private ScrollPane scroll;
    @FXML
    private VBox content;
    @FXML
    private Button backButton;
    @FXML
    private Button nextButton;
    /** Back, Reveal while a question waits, Next: always in sight, however long the step's text. */
    @FXML
    private javafx.scene.layout.HBox nav;

    private AppModel model;
    private LessonPlayer player;
    private Actions actions;
    private ToggleGroup choices;
    private TextField predictionField;
    private Button revealButton;
    /** The class's answer as typed or chosen, kept while the panel is rebuilt (Reveal running). */
    private String prediction = "";
    /** The stop the prediction belongs to: a new stop starts with none. */
    private Object predictionFor;
    /** The page, stop or answer the panel last scrolled to: each new one is scrolled to once. */
    private Object scrolledTo;

    void init(AppModel model, LessonPlayer player, Actions actions) {
        this.model = model;
        this.player = player;
        this.actions = actions;
        model.presentationModeProperty().addListener((obs, old, on) -> refresh());
        model.presentationFontSizeProperty().addListener((obs, old, size) -> refresh());
    }

    /** Shows where the lesson is now. */
    void refresh() {
        boolean open = player.isOpen();
        root.setVisible(open);
        root.setManaged(open);
        if (!open) {
            content.getChildren().clear();
            return;
        }
        if (predictionFor != player.reached()) {
            predictionFor = player.reached();
            prediction = "";
        }
        boolean busy = player.isBusy();
        busyIndicator.setVisible(busy);
        Lesson lesson = player.lesson();
        int n = lesson.steps().size();
        content.getChildren().clear();
        choices = null;
        predictionField = null;
        nav.getChildren().remove(revealButton);
        revealButton = null;
        switch (player.page()) {
            case GOAL -> showGoal(lesson, n);
            case STEP -> showStep(lesson, n);
            case SUMMARY -> showSummary(lesson);
        }
        backButton.setDisable(busy || player.page() == LessonPlayer.Page.GOAL);
        boolean last = player.session().current() == n - 1;
        nextButton.setText(player.page() == LessonPlayer.Page.GOAL ? "Start ▶" : last ? "Summary ▶" : "Next ▶");
        nextButton.setDisable(busy || player.page() == LessonPlayer.Page.SUMMARY);
        if (revealButton != null) {
            revealButton.setDisable(busy);
        }
        scrollToWhatIsNew();
    }

    /**
     * A new page or stop from its top; a revealed answer into view, its verdict first: on a
     * projector the answer is below the step's text and question, out of the class's sight.
     */
    private void scrollToWhatIsNew() {
        Object now = player.revealed() != null ? player.revealed()
                : player.page() == LessonPlayer.Page.STEP ? player.reached() : player.page();
        if (now == scrolledTo) {
            return;
        }
        scrolledTo = now;
        Node answer = content.lookup("#lessonAnswer");
        if (player.revealed() == null || answer == null) {
            scroll.setVvalue(scroll.getVmin());
            return;
        }
        Platform.runLater(() -> {
            scroll.applyCss();
            scroll.layout();
            double hidden = content.getHeight() - scroll.getViewportBounds().getHeight();
            if (hidden > 0) {
                double top = answer.getBoundsInParent().getMinY();
                scroll.setVvalue(scroll.getVmin() + (scroll.getVmax() - scroll.getVmin()) * Math.min(1, top / hidden));
            }
        });
    }

    private void showGoal(Lesson lesson, int n) {
        progressLabel.setText(String.format(Locale.ROOT, "Lesson: %d steps, %d questions", n, lesson.questions()));
        titleLabel.setText(lesson.title());
        stopLabel.setText("Model engine, scenario " + (lesson.preset() != null ? lesson.preset()
                : lesson.scenario().name()) + ", seed " + lesson.scenario().run().seed());
        content.getChildren().add(markdown("**Learning goal.** " + lesson.goal().strip()));
        content.getChildren().add(hint("Start runs to the first stop. At each question the class predicts, "
                + "then Reveal runs on to the answer and shows where it comes from."));
    }

    private void showStep(Lesson lesson, int n) {
        LessonSession.Reached r = player.reached();
        LessonStep step = lesson.steps().get(r.index());
        progressLabel.setText("Step " + (r.index() + 1) + " of " + n);
        titleLabel.setText(step.title());
        stopLabel.setText(r.met() ? "Stopped at t = " + ScenarioFieldText.seconds(r.timeNanos()) + " s ("
                + step.stop().describe() + ")" : "Not reached: " + r.problem() + " (Back plays the lesson again)");
        content.getChildren().add(markdown(step.text()));
        Question q = step.question();
        if (q != null) {
            content.getChildren().add(question(q));
        }
        LessonSession.Revealed v = player.revealed();
        if (v != null && v.index() == r.index()) {
            content.getChildren().add(answer(q, v));
        }
    }

    private VBox question(Question q) {
        VBox box = new VBox();
        box.getStyleClass().add("lesson-question");
        box.getChildren().add(markdown(q.prompt()));
        boolean answered = player.revealed() != null || !player.session().awaitingReveal();
        boolean locked = answered || player.isBusy();
        Label input = new Label("The class's answer");
        input.getStyleClass().add("lesson-section");
        box.getChildren().add(input);
        if (q.isChoice()) {
            choices = new ToggleGroup();
            FlowPane buttons = new FlowPane(6, 6);
            for (String c : q.choices()) {
                ToggleButton b = new ToggleButton(c);
                b.getStyleClass().add("lesson-choice");
                b.setToggleGroup(choices);
                b.setSelected(c.equals(prediction));
                b.setDisable(locked);
                b.setMnemonicParsing(false);
                buttons.getChildren().add(b);
            }
            choices.selectedToggleProperty().addListener((obs, old, t) ->
                    prediction = t == null ? "" : ((ToggleButton) t).getText());
            box.getChildren().add(buttons);
        } else {
            predictionField = new TextField(prediction);
            predictionField.setId("predictionField");
            predictionField.setPromptText("a number");
            predictionField.setPrefColumnCount(8);
            predictionField.setDisable(locked);
            predictionField.textProperty().addListener((obs, old, t) -> prediction = t);
            predictionField.setOnAction(e -> onReveal());
            String unit = q.quantity().unit();
            HBox row = new HBox(6, predictionField, new Label(unit));
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        if (!answered) {
            revealButton = new Button("Reveal");
            revealButton.setId("revealButton");
            revealButton.setDefaultButton(true);
            revealButton.setOnAction(e -> onReveal());
            nav.getChildren().add(nav.getChildren().indexOf(nextButton), revealButton);
        }
        return box;
    }

    private VBox answer(Question q, LessonSession.Revealed v) {
        VBox box = new VBox();
        box.getStyleClass().add("lesson-answer");
        box.setId("lessonAnswer");
        Answer a = v.answer();
        String unit = q.quantity().unit().isEmpty() ? "" : " " + q.quantity().unit();
        Label verdict = new Label(verdictText(v, unit));
        verdict.setId("verdictLabel");
        verdict.setWrapText(true);
        verdict.getStyleClass().add(v.correct() == null ? "verdict-none" : v.correct() ? "verdict-right"
                : "verdict-wrong");
        box.getChildren().add(verdict);
        if (a == null) {
            Label problem = new Label("The run gives no answer: " + v.problem());
            problem.setWrapText(true);
            problem.getStyleClass().add("lesson-problem");
            box.getChildren().add(problem);
            return box;
        }
        Label answer = new Label("The run's answer: " + a.text() + unit);
        answer.setId("answerLabel");
        answer.setWrapText(true);
        answer.getStyleClass().add("lesson-section");
        box.getChildren().addAll(answer, markdown(capitalize(a.because()) + "."));
        if (!q.explain().isBlank()) {
            box.getChildren().add(markdown(q.explain()));
        }
        Hyperlink log = new Hyperlink(a.evidence() != null ? "Show in the event log" : "Show the time in the event log");
        log.setOnAction(e -> actions.showInLog());
        Hyperlink ladder = new Hyperlink("Show on the ladder");
        ladder.setOnAction(e -> actions.showOnLadder());
        box.getChildren().add(new FlowPane(8, 4, log, ladder));
        return box;
    }

    static String verdictText(LessonSession.Revealed v, String unit) {
        if (v.prediction() == null) {
            return "No prediction given";
        }
        String said = "the class said " + v.prediction() + unit;
        return v.correct() == null ? "Not judged: " + said : v.correct() ? "✔ Right: " + said : "✘ Wrong: " + said;
    }

    private static String capitalize(String s) {
        String t = s.strip();
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private void showSummary(Lesson lesson) {
        LessonSummary summary = new LessonSummary(lesson, player.session().records());
        progressLabel.setText("Summary");
        titleLabel.setText(lesson.title());
        stopLabel.setText(String.format(Locale.ROOT, "Predictions right: %d of %d judged", summary.right(),
                summary.judged()));
        Button md = new Button("Export Markdown…");
        md.setId("exportMarkdownButton");
        md.setOnAction(e -> actions.exportSummary(false));
        Button pdf = new Button("Export PDF…");
        pdf.setId("exportPdfButton");
        pdf.setOnAction(e -> actions.exportSummary(true));
        // the panel's heading already names the lesson
        String text = summary.markdown().replaceFirst("\\A# [^\n]*\n+", "");
        content.getChildren().addAll(new FlowPane(8, 6, md, pdf), markdown(text));
    }

    private Node markdown(String text) {
        VBox box = MarkdownFlow.render(text, textSize());
        box.getStyleClass().add("lesson-markdown");
        return box;
    }

    private Label hint(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        return l;
    }

    /** The Markdown's text size: the window's, which presentation mode sizes to the screen. */
    private double textSize() {
        return model.presentationModeProperty().get() ? model.presentationFontSizeProperty().get()
                : ChartStyle.NORMAL.fontSize();
    }

    @FXML
    void onNext() {
        player.next();
    }

    /**
     * A presenter's clicker (Page Down): reveals the answer while a question waits for it, else
     * goes to the next step, so one button walks the class through predict, reveal, next.
     */
    void onAdvance() {
        LessonSession s = player.session();
        if (player.page() == LessonPlayer.Page.STEP && s != null && s.awaitingReveal()) {
            onReveal();
        } else {
            onNext();
        }
    }

    @FXML
    void onBack() {
        player.back();
    }

    @FXML
    void onClose() {
        player.close();
    }

    void onReveal() {
        player.reveal(prediction);
    }

    /** The class's answer so far ("" for none). */
    String prediction() {
        return prediction;
    }

    BorderPane root() {
        return root;
    }

    VBox content() {
        return content;
    }

    Label progressLabel() {
        return progressLabel;
    }

    Label titleLabel() {
        return titleLabel;
    }

    Label stopLabel() {
        return stopLabel;
    }

    Button nextButton() {
        return nextButton;
    }

    Button backButton() {
        return backButton;
    }

    ProgressIndicator busyIndicator() {
        return busyIndicator;
    }
}
