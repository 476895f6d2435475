package tcpflowlab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one model the views talk through (AtlantaFX's sampler style): the scenario being
 * edited, where it came from, whether it has unsaved changes, the recent files and the view
 * settings. Views observe it; none of them talks to another directly.
 */
public final class AppModel {
    /** How much of the run the charts show. */
    public enum TimeWindow {
        LAST_1_S("last 1 s", 1),
        LAST_10_S("last 10 s", 10),
        LAST_1_MIN("last 1 min", 60),
        ALL("all", Double.POSITIVE_INFINITY);

        private final String label;
        private final double seconds;

        TimeWindow(String label, double seconds) {
            this.label = label;
            this.seconds = seconds;
        }

        public double seconds() {
            return seconds;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ScenarioCodec codec;
    private final Presets presets;
    private final RecentFiles recentFiles;
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty presentationMode = new SimpleBooleanProperty();
    private final BooleanProperty followLatest = new SimpleBooleanProperty(true);
    private final javafx.beans.property.IntegerProperty presentationFontSize =
            new javafx.beans.property.SimpleIntegerProperty(tcpflowlab.chart.ChartStyle.PRESENTATION.fontSize());
    private final ObjectProperty<TimeWindow> timeWindow = new SimpleObjectProperty<>(TimeWindow.LAST_10_S);
    private final ObservableList<Path> recent = FXCollections.observableArrayList();

    public AppModel(ScenarioCodec codec, RecentFiles recentFiles) {
        this.codec = codec;
        this.presets = new Presets(codec);
        this.recentFiles = recentFiles;
        recent.setAll(recentFiles.load());
        scenario.set(presets.load(presets.names().get(0)));
    }

    public ScenarioCodec codec() {
        return codec;
    }

    public Presets presets() {
        return presets;
    }

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    public Scenario scenario() {
        return scenario.get();
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public BooleanProperty presentationModeProperty() {
        return presentationMode;
    }

    /** Presentation mode's text size in pixels: it grows with the window, as a projected image does. */
    public javafx.beans.property.IntegerProperty presentationFontSizeProperty() {
        return presentationFontSize;
    }

    public BooleanProperty followLatestProperty() {
        return followLatest;
    }

    public ObjectProperty<TimeWindow> timeWindowProperty() {
        return timeWindow;
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public void loadPreset(String name) {
        scenario.set(presets.load(name));
        file.set(null);
        dirty.set(false);
    }

    /** Opens a scenario file; a bad file throws with a message and changes nothing. */
    public void open(Path path) {
        Scenario s = codec.read(path);
        scenario.set(s);
        file.set(path);
        dirty.set(false);
        recent.setAll(recentFiles.remember(path));
    }

    public void save(Path path) throws IOException {
        codec.write(scenario(), path);
        file.set(path);
        dirty.set(false);
        recent.setAll(recentFiles.remember(path));
    }

    /** One knob edited (validated; throws with field, value and range when refused). */
    public void edit(ScenarioField field, Object value) {
        edit(codec.with(scenario(), field, value));
    }

    /** The scenario after an edit the caller has already made and validated with {@link #codec()}. */
    public void edit(Scenario changed) {
        if (!changed.equals(scenario())) {
            scenario.set(changed);
            dirty.set(true);
        }
    }
}
