package tcpflowlab.ui;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One knob row of the Sweep view: the knob (from the field table), then FROM, TO, COUNT and
 * linear/log for a number, or a checklist of values for an enum or boolean, and under it the
 * row's own problem, in words that name the field, the value and the range.
 */
final class SweepAxisRow {
    static final String LINEAR = "linear";
    static final String LOG = "log";

    private final VBox node = new VBox(4);
    private final ComboBox<ScenarioField> field = new ComboBox<>();
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final TextField count = new TextField();
    private final ChoiceBox<String> scale = new ChoiceBox<>();
    private final VBox numbers;
    private final FlowPane checklist = new FlowPane(8, 4);
    private final List<CheckBox> ticks = new ArrayList<>();
    private final Label range = new Label();
    private final Label problem = new Label();
    private final Supplier<Scenario> base;
    private final ScenarioCodec codec;
    private Runnable onChange = () -> { };

    SweepAxisRow(String id, Supplier<Scenario> base, ScenarioCodec codec) {
        this.base = base;
        this.codec = codec;
        field.getItems().setAll(SweepAxisForm.sweepable());
        field.setCellFactory(v -> new FieldCell());
        field.setButtonCell(new FieldCell());
        field.setVisibleRowCount(16);
        field.setMaxWidth(Double.MAX_VALUE);
        scale.getItems().setAll(LINEAR, LOG);
        scale.setValue(LINEAR);
        for (TextField t : List.of(from, to, count)) {
            t.setPrefColumnCount(t == count ? 4 : 7);
            t.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            t.textProperty().addListener((obs, old, v) -> onChange.run());
        }
        from.setPromptText("from");
        to.setPromptText("to");
        count.setPromptText("count");
        // two lines: at presentation sizes one line cuts the labels
        HBox ends = new HBox(4, new Label("from"), from, new Label("to"), to);
        HBox spread = new HBox(4, new Label("values"), count, scale);
        ends.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        spread.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        numbers = new VBox(4, ends, spread);
        scale.valueProperty().addListener((obs, old, v) -> onChange.run());
        range.getStyleClass().add("knob-range");
        problem.getStyleClass().add("knob-error");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        field.valueProperty().addListener((obs, old, f) -> {
            if (f != null) {
                fill(f);
            }
            onChange.run();
        });
        node.getChildren().addAll(field, numbers, checklist, range, problem);
        field.setId(id + "Field");
        from.setId(id + "From");
        to.setId(id + "To");
        count.setId(id + "Count");
        scale.setId(id + "Scale");
        checklist.setId(id + "Values");
        problem.setId(id + "Problem");
    }

    /** Sets the knob and fills in a starting range; null leaves the row empty. */
    void select(ScenarioField f) {
        field.setValue(f);
    }

    /** A range that shows something for the two story knobs, the whole allowed range for the others. */
    private void fill(ScenarioField f) {
        showRange();
        boolean numeric = f.isNumeric();
        numbers.setVisible(numeric);
        numbers.setManaged(numeric);
        checklist.setVisible(!numeric);
        checklist.setManaged(!numeric);
        ticks.clear();
        checklist.getChildren().clear();
        if (numeric) {
            Start s = start(f);
            from.setText(s.from());
            to.setText(s.to());
            count.setText(s.count());
            scale.setValue(s.log() ? LOG : LINEAR);
            return;
        }
        for (String v : SweepAxisForm.choices(f)) {
            CheckBox box = new CheckBox(v);
            box.setSelected(true);
            box.selectedProperty().addListener((obs, old, on) -> onChange.run());
            ticks.add(box);
        }
        checklist.getChildren().addAll(ticks);
    }

    /** The knob's allowed range and its value in the main window's scenario now (it changes there). */
    void showRange() {
        ScenarioField f = field.getValue();
        range.setText(f == null ? "" : f.label() + ": " + f.allowed() + "; now " + codec.getText(base.get(), f));
    }

    private record Start(String from, String to, String count, boolean log) {
    }

    private static Start start(ScenarioField f) {
        if (f == ScenarioField.CLIENT_READ_SIZE) {
            return new Start("10", "65536", "8", true);
        }
        if (f == ScenarioField.CLIENT_PROCESSING_DELAY) {
            return new Start("0", "50", "6", false);
        }
        boolean log = f.min() > 0 && f.max() / f.min() >= 1000;
        double max = f.type() == ScenarioField.Type.LONG ? Math.min(f.max(), 1e12) : f.max();
        return new Start(ScenarioField.format(f.min()), ScenarioField.format(max), "5", log);
    }

    /** The row as typed, or null when no knob is picked. */
    SweepAxisForm form() {
        ScenarioField f = field.getValue();
        if (f == null) {
            return null;
        }
        if (f.isNumeric()) {
            return SweepAxisForm.numbers(f, from.getText(), to.getText(), count.getText(), LOG.equals(scale.getValue()));
        }
        return SweepAxisForm.values(f, ticks.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList());
    }

    /** Shows the row's problem ("" for none) and marks the fields. */
    void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(!text.isEmpty());
        problem.setManaged(!text.isEmpty());
        for (TextField t : List.of(from, to, count)) {
            t.getStyleClass().remove("invalid");
            if (!text.isEmpty()) {
                t.getStyleClass().add("invalid");
            }
        }
    }

    void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    void setDisable(boolean disable) {
        node.setDisable(disable);
    }

    VBox node() {
        return node;
    }

    ComboBox<ScenarioField> field() {
        return field;
    }

    TextField from() {
        return from;
    }

    TextField to() {
        return to;
    }

    TextField count() {
        return count;
    }

    ChoiceBox<String> scale() {
        return scale;
    }

    List<CheckBox> ticks() {
        return ticks;
    }

    Label problem() {
        return problem;
    }

    Label range() {
        return range;
    }

    /** "client.readSize: read size (B)". */
    private static final class FieldCell extends ListCell<ScenarioField> {
        @Override
        protected void updateItem(ScenarioField f, boolean empty) {
            super.updateItem(f, empty);
            setText(empty || f == null ? null : f.path() + ": " + f.label() + (f.unit().isEmpty() ? "" : " (" + f.unit() + ")"));
        }
    }
}
