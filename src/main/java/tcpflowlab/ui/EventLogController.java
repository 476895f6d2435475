package tcpflowlab.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.TcpEvent;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The event log: a table of events with a filter by kind and a search box; selecting a row
 * moves the charts' crosshair there and shows the event's classroom explanation. It follows
 * the newest events except while the pointer is over it or a row is selected (a row that moves
 * under the pointer gets the click meant for another), and says which.
 */
public final class EventLogController {
    static final String ALL_KINDS = "all events";

    @FXML
    private ComboBox<String> kindFilter;
    @FXML
    private TextField searchField;
    @FXML
    private Label countLabel;
    @FXML
    private Label scrollLabel;
    @FXML
    private TableView<TcpEvent> table;
    @FXML
    private TableColumn<TcpEvent, String> timeColumn;
    @FXML
    private TableColumn<TcpEvent, Number> connectionColumn;
    @FXML
    private TableColumn<TcpEvent, String> sideColumn;
    @FXML
    private TableColumn<TcpEvent, String> kindColumn;
    @FXML
    private TableColumn<TcpEvent, String> errnoColumn;
    @FXML
    private TableColumn<TcpEvent, String> detailColumn;
    @FXML
    private TextArea explanation;
    @FXML
    private javafx.scene.control.SplitPane split;

    private FilteredList<TcpEvent> filtered;
    private FrameData data;
    private boolean following = true;

    /** {@code onFollow}: Esc in the log asks the charts and the log to follow the newest again. */
    void init(FrameData data, Consumer<TcpEvent> onSelect, Runnable onFollow) {
        this.data = data;
        filtered = new FilteredList<>(data.log(), e -> true);
        table.setItems(filtered);
        timeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(ScenarioFieldText.seconds(c.getValue().timeNanos())));
        connectionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().connection()));
        sideColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().side().lower()));
        kindColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().kind().name()));
        errnoColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().errno() == null ? ""
                : c.getValue().errno().number() + " " + c.getValue().errno().name()));
        detailColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().detail()));
        kindFilter.getItems().add(ALL_KINDS);
        for (EventKind k : EventKind.values()) {
            kindFilter.getItems().add(k.name());
        }
        kindFilter.setValue(ALL_KINDS);
        kindFilter.valueProperty().addListener((obs, old, v) -> updateFilter());
        searchField.textProperty().addListener((obs, old, v) -> updateFilter());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> {
            if (e != null) {
                explanation.setText(describe(e));
                onSelect.accept(e);
            }
        });
        // the label changes the moment the pointer arrives, before any row could move under it
        table.hoverProperty().addListener((obs, old, v) -> showPause());
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, v) -> showPause());
        table.setOnKeyPressed(k -> {
            if (k.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                clearSelection();
                onFollow.run();
                k.consume();
            }
        });
        explanation.setText("Select an event to see what happened and why.");
    }

    /** The text of the "What happened?" pane for an event. */
    static String describe(TcpEvent e) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s at %s s, %s side, connection %d%n", e.kind(),
                ScenarioFieldText.seconds(e.timeNanos()), e.side().lower(), e.connection()));
        if (e.errno() != null) {
            b.append(e.errno().label()).append(": ").append(e.errno().message()).append('\n');
        }
        b.append(e.detail()).append("\n\n").append(e.explanation());
        return b.toString();
    }

    private void updateFilter() {
        String kind = kindFilter.getValue();
        String needle = searchField.getText() == null ? "" : searchField.getText().trim().toLowerCase(Locale.ROOT);
        Predicate<TcpEvent> p = e -> (kind == null || kind.equals(ALL_KINDS) || e.kind().name().equals(kind))
                && (needle.isEmpty() || matches(e, needle));
        filtered.setPredicate(p);
    }

    private static boolean matches(TcpEvent e, String needle) {
        return e.detail().toLowerCase(Locale.ROOT).contains(needle)
                || e.kind().name().toLowerCase(Locale.ROOT).contains(needle)
                || (e.errno() != null && (e.errno().name().toLowerCase(Locale.ROOT).contains(needle)
                || Integer.toString(e.errno().number()).equals(needle)));
    }

    /** Why the log holds still: the pointer is over it, or a row is selected. */
    enum ScrollPause {
        NONE(""),
        POINTER("Paused scrolling: pointer over the log"),
        SELECTION("Paused scrolling: a row is selected (Esc to follow)"),
        CHARTS("Not scrolling: the charts are not following the newest (Follow latest, or Esc here)");

        private final String text;

        ScrollPause(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    /** What holds the log still now, the pointer first (it is what a click would hit). */
    ScrollPause scrollPause() {
        return table.isHover() ? ScrollPause.POINTER
                : !table.getSelectionModel().isEmpty() ? ScrollPause.SELECTION
                : !following ? ScrollPause.CHARTS : ScrollPause.NONE;
    }

    /** Per frame: the count line, and keeping the newest row in view unless something holds the log still. */
    void onFrame(boolean follow) {
        String trimmed = data.logTrimmed() > 0 ? " (" + data.logTrimmed() + " older in the data export)" : "";
        countLabel.setText(filtered.size() + " of " + data.log().size() + " shown" + trimmed);
        following = follow;
        if (showPause() == ScrollPause.NONE && !filtered.isEmpty()) {
            table.scrollTo(filtered.size() - 1);
        }
    }

    private ScrollPause showPause() {
        ScrollPause pause = scrollPause();
        if (!pause.text().equals(scrollLabel.getText())) {
            scrollLabel.setText(pause.text());
        }
        return pause;
    }

    /** Selects {@code e} (where a step stopped) and scrolls to it; false when the filter hides it. */
    boolean selectStep(TcpEvent e) {
        for (int i = filtered.size() - 1; i >= 0; i--) {
            if (filtered.get(i) == e) {
                table.getSelectionModel().clearAndSelect(i);
                // into view with the rows before it, not alone at the top as scrollTo puts it
                if (table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                    flow.scrollTo(i);
                } else {
                    table.scrollTo(i);
                }
                return true;
            }
        }
        return false;
    }

    /** Shows {@code text} in "What happened?" with no row selected (a step that logged no event). */
    void explain(String text) {
        table.getSelectionModel().clearSelection();
        explanation.setText(text);
    }

    void clearSelection() {
        table.getSelectionModel().clearSelection();
        explanation.setText("Select an event to see what happened and why.");
    }

    Label scrollLabel() {
        return scrollLabel;
    }

    /** The split between the table and the explanation. */
    javafx.scene.control.SplitPane split() {
        return split;
    }

    TableView<TcpEvent> table() {
        return table;
    }

    ObservableList<TcpEvent> visibleEvents() {
        return filtered;
    }

    ComboBox<String> kindFilter() {
        return kindFilter;
    }

    TextField searchField() {
        return searchField;
    }

    TextArea explanation() {
        return explanation;
    }
}
