package tcpflowlab.ui;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.LiveEffect;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.engine.Knobs;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every knob of the scenario, grouped Server / Client / Sockets / Link / Run, built from the
 * {@link ScenarioField} table so each shows its unit and range. Read size (powers of two) and
 * processing delay (1-2-5 steps) sit on top, as sliders over {@link KnobLadder}s. A change goes to the scenario being edited and, during a
 * run, to the engine at once; a refused value stays in its field, marked, with the reason.
 */
public final class KnobPanelController {
    private static final Map<String, String> GROUP_TITLES = new LinkedHashMap<>();

    static {
        GROUP_TITLES.put("server", "Server (C-style)");
        GROUP_TITLES.put("client", "Client (Python-style)");
        GROUP_TITLES.put("sockets", "Sockets");
        GROUP_TITLES.put("link", "Link");
        GROUP_TITLES.put("run", "Run");
    }

    @FXML
    private VBox prominent;
    @FXML
    private VBox groups;

    private final Map<ScenarioField, Row> rows = new EnumMap<>(ScenarioField.class);
    private AppModel model;
    private Supplier<Knobs> runKnobs;
    private final KnobLadder readSizeLadder = KnobLadder.powersOfTwo(ScenarioField.CLIENT_READ_SIZE);
    private final KnobLadder delayLadder = KnobLadder.oneTwoFive(ScenarioField.CLIENT_PROCESSING_DELAY);
    private Slider readSizeSlider;
    private Slider delaySlider;
    private TextField readSizeField;
    private TextField delayField;
    private boolean refreshing;

    /** A knob's controls: the input, and a label for the refusal message. */
    private record Row(ScenarioField field, Control input, Label error) {
    }

    /**
     * @param runKnobs the running engine's knobs, or null when no run is going
     */
    void init(AppModel model, Supplier<Knobs> runKnobs) {
        this.model = model;
        this.runKnobs = runKnobs;
        buildProminent();
        for (Map.Entry<String, String> group : GROUP_TITLES.entrySet()) {
            VBox box = new VBox(4);
            for (ScenarioField f : ScenarioField.values()) {
                if (f.group().equals(group.getKey())) {
                    box.getChildren().add(buildRow(f));
                }
            }
            TitledPane pane = new TitledPane(group.getValue(), box);
            pane.setExpanded(!group.getKey().equals("run"));
            pane.setAnimated(false);
            groups.getChildren().add(pane);
        }
        model.scenarioProperty().addListener((obs, old, s) -> refresh(s));
        refresh(model.scenario());
    }

    private void buildProminent() {
        Label title = new Label("The story's two knobs");
        title.getStyleClass().add("prominent-title");
        readSizeSlider = ladderSlider(ScenarioField.CLIENT_READ_SIZE, readSizeLadder, "readSizeSlider");
        readSizeField = new TextField();
        readSizeField.setPrefColumnCount(8);
        readSizeField.setId("readSizeField");
        readSizeField.setAccessibleText("Read size in bytes");
        Label readError = errorLabel();
        wireText(ScenarioField.CLIENT_READ_SIZE, readSizeField, readError);
        wireSlider(ScenarioField.CLIENT_READ_SIZE, readSizeSlider, readSizeField, readError, readSizeLadder);

        delaySlider = ladderSlider(ScenarioField.CLIENT_PROCESSING_DELAY, delayLadder, "delaySlider");
        delayField = new TextField();
        delayField.setPrefColumnCount(8);
        delayField.setId("delayField");
        delayField.setAccessibleText("Processing delay in milliseconds");
        Label delayError = errorLabel();
        wireText(ScenarioField.CLIENT_PROCESSING_DELAY, delayField, delayError);
        wireSlider(ScenarioField.CLIENT_PROCESSING_DELAY, delaySlider, delayField, delayError, delayLadder);
        prominent.getChildren().addAll(title,
                knobHeader(ScenarioField.CLIENT_READ_SIZE), readSizeSlider, withUnit(readSizeField, "B"), readError,
                knobHeader(ScenarioField.CLIENT_PROCESSING_DELAY), delaySlider, withUnit(delayField, "ms"), delayError);
    }

    /**
     * A slider over the ladder's positions, its ends the field's range: it stops on the notches
     * (snap to ticks), and its labels name the round values there.
     */
    private static Slider ladderSlider(ScenarioField f, KnobLadder ladder, String id) {
        Slider slider = new Slider(0, ladder.lastPosition(), 0);
        int major = Math.max(1, (int) Math.ceil(ladder.lastPosition() / 4.0));
        slider.setMajorTickUnit(major);
        slider.setMinorTickCount(major - 1);
        slider.setBlockIncrement(1);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double position) {
                return ScenarioFieldText.step(ladder.valueAt(position), f.unit());
            }

            @Override
            public Double fromString(String text) {
                throw new UnsupportedOperationException("tick labels are not edited");
            }
        });
        slider.setAccessibleText(KnobRule.label(f) + ", " + f.allowed() + ", in round steps");
        slider.setId(id);
        return slider;
    }

    /**
     * A slider applies its value when released (or moved by keyboard or click), not at every
     * pixel of a drag, so one drag makes one knob change in the engine and in the log.
     */
    private void wireSlider(ScenarioField f, Slider slider, TextField field, Label error, KnobLadder ladder) {
        slider.valueProperty().addListener((obs, old, v) -> {
            if (!refreshing && !slider.isValueChanging()) {
                applyFromSlider(f, field, error, typed(f, ladder.valueAt(v.doubleValue())));
            }
        });
        slider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                applyFromSlider(f, field, error, typed(f, ladder.valueAt(slider.getValue())));
            }
        });
    }

    /** A ladder's step as the field's type: the engine and the scenario take an Integer for an INT field. */
    private static Object typed(ScenarioField f, double v) {
        return switch (f.type()) {
            case INT -> (int) v;
            case LONG -> (long) v;
            default -> v;
        };
    }

    private VBox knobHeader(ScenarioField f) {
        Label name = new Label(KnobRule.label(f));
        name.getStyleClass().add("knob-label");
        Label range = new Label(f.allowed());
        range.getStyleClass().add("knob-range");
        return new VBox(1, name, range);
    }

    private static HBox withUnit(TextField field, String unit) {
        HBox box = new HBox(6, field, new Label(unit));
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    private VBox buildRow(ScenarioField f) {
        Label error = errorLabel();
        Control input;
        switch (f.type()) {
            case BOOLEAN -> {
                CheckBox box = new CheckBox(KnobRule.label(f));
                box.selectedProperty().addListener((obs, old, v) -> {
                    if (!refreshing) {
                        applyValue(f, v, error, null);
                    }
                });
                input = box;
            }
            case ENUM -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(f.enumConstantNames());
                box.valueProperty().addListener((obs, old, v) -> {
                    if (!refreshing && v != null) {
                        apply(f, v, error, null);
                    }
                });
                input = box;
            }
            default -> {
                TextField field = new TextField();
                field.setPrefColumnCount(9);
                wireText(f, field, error);
                input = field;
            }
        }
        input.setId(f.path());
        input.setAccessibleText(f.label() + (f.unit().isEmpty() ? "" : " in " + f.unit()) + ", " + f.allowed());
        rows.put(f, new Row(f, input, error));
        VBox row = new VBox(2);
        if (f.type() == ScenarioField.Type.BOOLEAN) {
            row.getChildren().addAll(input, error);
        } else {
            Label name = new Label(KnobRule.label(f) + (f.unit().isEmpty() ? "" : " (" + f.unit() + ")"));
            name.getStyleClass().add("knob-label");
            Label range = new Label(f.allowed() + liveNote(f));
            range.getStyleClass().add("knob-range");
            row.getChildren().addAll(name, input, range, error);
        }
        return row;
    }

    private static String liveNote(ScenarioField f) {
        return switch (f.liveEffect()) {
            case NEXT_CONNECTION -> "; during a run: from the next connection";
            case NOT_LIVE -> "; fixed during a run";
            default -> "";
        };
    }

    private void wireText(ScenarioField f, TextField field, Label error) {
        field.setOnAction(e -> apply(f, field.getText(), error, field));
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && !refreshing) {
                apply(f, field.getText(), error, field);
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                refresh(model.scenario());
                clearError(field, error);
            }
        });
    }

    /** A slider's value goes to the engine as a number: the text field only shows it. */
    private void applyFromSlider(ScenarioField f, TextField field, Label error, Object value) {
        refreshing = true;
        try {
            field.setText(value instanceof Double d ? ScenarioFieldText.round(d) : value.toString());
        } finally {
            refreshing = false;
        }
        applyValue(f, value, error, field);
    }

    /** Text typed by a person: parsed here, once; refused text shows why in place. */
    boolean apply(ScenarioField f, String text, Label error, TextField field) {
        if (refreshing) {
            return true;
        }
        try {
            return applyValue(f, f.parse(text), error, field);
        } catch (InvalidScenarioException e) {
            return refuse(KnobRule.refusal(f, text), error, field);
        }
    }

    /**
     * Validates and applies one knob's typed value. Returns false (and shows why, in place) when
     * the value is refused; nothing changes then, neither the scenario nor the running engine.
     */
    boolean applyValue(ScenarioField f, Object value, Label error, TextField field) {
        if (refreshing) {
            return true;
        }
        try {
            Scenario preview = model.codec().with(model.scenario(), f, value);
            if (preview.equals(model.scenario())) {
                clearError(field, error);
                return true;
            }
            Knobs knobs = runKnobs.get();
            if (knobs != null && f.liveEffect() != LiveEffect.NOT_LIVE) {
                knobs.set(f, value);
            }
            model.edit(preview);
            clearError(field, error);
            return true;
        } catch (InvalidScenarioException e) {
            return refuse(KnobRule.inLabels(e.getMessage()), error, field);
        }
    }

    private static boolean refuse(String message, Label error, TextField field) {
        error.setText(message);
        error.setVisible(true);
        error.setManaged(true);
        if (field != null && !field.getStyleClass().contains("invalid")) {
            field.getStyleClass().add("invalid");
        }
        return false;
    }

    private static void clearError(TextField field, Label error) {
        error.setText("");
        error.setVisible(false);
        error.setManaged(false);
        if (field != null) {
            field.getStyleClass().remove("invalid");
        }
    }

    /** Shows the scenario's values (after a preset, a file or an edit). */
    void refresh(Scenario s) {
        refreshing = true;
        try {
            ScenarioCodec codec = model.codec();
            for (Row row : rows.values()) {
                String text = codec.getText(s, row.field());
                if (row.input() instanceof TextField tf) {
                    if (!tf.isFocused() || !tf.getStyleClass().contains("invalid")) {
                        tf.setText(text);
                        clearError(tf, row.error());
                    }
                } else if (row.input() instanceof CheckBox cb) {
                    cb.setSelected(Boolean.parseBoolean(text));
                } else if (row.input() instanceof ComboBox<?> cbox) {
                    @SuppressWarnings("unchecked")
                    ComboBox<String> box = (ComboBox<String>) cbox;
                    box.setValue(text);
                }
            }
            readSizeField.setText(Integer.toString(s.client().readSize()));
            readSizeSlider.setValue(readSizeLadder.positionOf(s.client().readSize()));
            delayField.setText(ScenarioFieldText.round(s.client().processingDelayMs()));
            delaySlider.setValue(delayLadder.positionOf(s.client().processingDelayMs()));
        } finally {
            refreshing = false;
        }
    }

    /** Locks the fields that cannot change while a run goes. */
    void setRunning(boolean running) {
        for (Row row : rows.values()) {
            if (row.field().liveEffect() == LiveEffect.NOT_LIVE) {
                row.input().setDisable(running);
            }
        }
    }

    private static Label errorLabel() {
        Label l = new Label();
        l.getStyleClass().add("knob-error");
        l.setVisible(false);
        l.setManaged(false);
        l.setWrapText(true);
        l.setMaxWidth(320);
        return l;
    }

    Slider readSizeSlider() {
        return readSizeSlider;
    }

    TextField readSizeField() {
        return readSizeField;
    }

    TextField delayField() {
        return delayField;
    }

    Control control(ScenarioField f) {
        return rows.get(f).input();
    }
}
