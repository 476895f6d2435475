package tcpflowlab.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import tcpflowlab.chart.OverlayRun;
import tcpflowlab.engine.ClockAlignment;
import tcpflowlab.engine.Run;
import tcpflowlab.engine.RunDifference;
import tcpflowlab.engine.RunState;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.engine.TimeOrigin;
import tcpflowlab.telemetry.DecimatedRecording;

import java.util.List;
import java.util.function.Function;

/**
 * "Pin as reference": keeps a finished or stopped run (thinned to a fixed budget, see
 * {@link DecimatedRecording}) and its summary, draws it faded under the runs that follow, and
 * compares them quantity by quantity in a tab beside the event log. Survives Reset, a new
 * preset and a change of engine, so a Model run and a Live run of one scenario overlay: both
 * compared from their first connections, the reference drawn shifted so its connection lines up
 * with the current run's ({@link ClockAlignment}).
 */
final class PinnedReference {
    static final String NAME = "reference";
    static final String TAB_TEXT = "Compared with reference";

    private final ChartPanelController charts;
    private final TabPane tabs;
    private final Tab tab = new Tab(TAB_TEXT);
    private final TableView<RunDifference.Row> table = new TableView<>();
    private final Label caption = new Label();
    private RunSummary summary;
    /** The reference as recorded, on its own clock, and where its times count from. */
    private OverlayRun recorded;
    private TimeOrigin origin = TimeOrigin.RUN_START;
    /** The current run's data, whose first connection the reference is lined up with. */
    private FrameData data;
    /** How far the reference is drawn shifted now, nanoseconds. */
    private long drawnShift;
    private String pinnedText = "";
    /** The run pinned: while it is still the current run there is nothing to compare it with. */
    private Run pinnedRun;
    private List<RunDifference.Row> shown = List.of();

    PinnedReference(ChartPanelController charts, TabPane tabs) {
        this.charts = charts;
        this.tabs = tabs;
        // Short headers and wrapping names: beside the charts in presentation mode the table is
        // a few hundred pixels wide; the caption above names the reference in full.
        table.getColumns().add(column("quantity", r -> r.quantity().label()));
        table.getColumns().get(0).setPrefWidth(140); // the names are the longest texts (and wrap)
        table.getColumns().add(column(NAME, RunDifference.Row::a));
        table.getColumns().add(column("this run", RunDifference.Row::b));
        table.getColumns().add(column("this run - reference", RunDifference.Row::difference));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setAccessibleText("The reference run and this run compared, quantity by quantity");
        caption.getStyleClass().add("hint");
        caption.setWrapText(true);
        BorderPane pane = new BorderPane(table);
        pane.setTop(caption);
        tab.setContent(pane);
        tab.setClosable(false);
    }

    private static TableColumn<RunDifference.Row, String> column(String title, Function<RunDifference.Row, String> text) {
        TableColumn<RunDifference.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        c.setSortable(false);
        c.setCellFactory(x -> wrapping(c));
        // shares of a narrow table (the policy keeps the proportions), never narrower than a number
        c.setPrefWidth(100);
        c.setMinWidth(60);
        return c;
    }

    /**
     * A cell whose text wraps at the column's width and whose row grows to fit: beside the charts
     * on a projector a value like "131,077 B" would otherwise end in an ellipsis.
     */
    private static javafx.scene.control.TableCell<RunDifference.Row, String> wrapping(
            TableColumn<RunDifference.Row, String> column) {
        javafx.scene.text.Text text = new javafx.scene.text.Text();
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
        javafx.scene.control.TableCell<RunDifference.Row, String> cell = new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
            }
        };
        cell.setGraphic(text);
        cell.setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
        return cell;
    }

    /**
     * Pins the current run; returns why it cannot when it cannot (nothing run yet, or still
     * running), else null.
     */
    String pin(RunController runs, FrameData data, String scenarioName) {
        if (runs.state() == RunState.RUNNING) {
            return "pause the run or let it finish, then pin it";
        }
        if (!runs.isPrepared() || data.history().isEmpty()) {
            return "nothing to pin yet: run a scenario first";
        }
        DecimatedRecording r = data.recording();
        OverlayRun run = new OverlayRun(NAME, r.samples(), r.events(), OverlayRun.Look.FADED);
        pinnedRun = runs.run();
        summary = pinnedRun.summary();
        recorded = run;
        origin = new TimeOrigin(r.firstConnectNanos());
        this.data = data;
        drawnShift = 0;
        charts.viewer().renderer().awaitIdle();
        charts.flowChart().setReference(run);
        charts.onFrame();
        pinnedText = String.format(java.util.Locale.ROOT,
                "Reference: %s, %s engine, %.1f s; drawn faded and dashed on the charts (%,d of its %,d samples kept). "
                        + "Run again to compare; View -> Clear reference removes it.",
                scenarioName, runs.engine(), summary.durationNanos() / 1e9, run.samples().size(), r.samplesSeen());
        if (!tabs.getTabs().contains(tab)) {
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().select(tab);
        shown = List.of();
        update(runs);
        return null;
    }

    /** Removes the reference from the charts and its tab. */
    void clear() {
        if (summary == null) {
            return;
        }
        summary = null;
        pinnedRun = null;
        recorded = null;
        data = null;
        charts.viewer().renderer().awaitIdle();
        charts.flowChart().setReference(null);
        charts.onFrame();
        tabs.getTabs().remove(tab);
        table.getItems().clear();
        shown = List.of();
    }

    boolean isPinned() {
        return summary != null;
    }

    /**
     * Compares the reference with the current run so far (none before a run other than the
     * pinned one has started); called a few times a second while a run goes, and once when it ends.
     */
    void update(RunController runs) {
        if (summary == null) {
            return;
        }
        Run run = runs.run();
        RunSummary current = run == null || run == pinnedRun || runs.state() == RunState.READY ? null : run.summary();
        List<RunDifference.Row> rows;
        String note;
        long shift = 0;
        if (current == null) {
            rows = RunDifference.of(summary, origin);
            note = origin.connected()
                    ? String.format(java.util.Locale.ROOT, "Times from the reference's first connection, %.3f s after "
                    + "its start.", origin.nanos() / 1e9)
                    : "The reference has not connected: its times are from its start.";
        } else {
            ClockAlignment clocks = new ClockAlignment(origin, new TimeOrigin(data.recording().firstConnectNanos()));
            rows = RunDifference.of(summary, current, NAME, "this run", clocks);
            note = clocks.note("the reference", "this run") + (clocks.offsetNanos() == 0 ? ""
                    : " The reference is drawn shifted to match.");
            shift = clocks.offsetNanos();
        }
        if (shift != drawnShift) {
            drawnShift = shift;
            charts.viewer().renderer().awaitIdle();
            charts.flowChart().setReference(recorded.shifted(shift));
            charts.onFrame();
        }
        caption.setText(pinnedText + "\n" + note);
        if (!rows.equals(shown)) {
            shown = rows;
            table.setItems(FXCollections.observableArrayList(rows));
        }
    }

    TableView<RunDifference.Row> table() {
        return table;
    }

    Label caption() {
        return caption;
    }

    Tab tab() {
        return tab;
    }
}
