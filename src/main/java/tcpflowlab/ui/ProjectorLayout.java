package tcpflowlab.ui;

import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import tcpflowlab.chart.ChartStyle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The window's layout in presentation mode. Text is sized to the window's height, as a
 * projected image is (a 720-line projector's pixels are large on the wall), and the larger
 * text needs room that 1280 x 720 does not have with the log under the charts. So on a
 * projector: the knob panel shows only the story's two knobs, the event log moves beside the
 * charts (its explanation under the table), and the log keeps the columns the class reads,
 * sized to the text. A window too short for the log under the charts gets the same
 * arrangement in normal mode, with every knob.
 */
final class ProjectorLayout {
    /** Window height per pixel of presentation text: 20 px at 900 lines. */
    static final double LINES_PER_FONT_PIXEL = 45;
    static final int MIN_FONT = 16;
    static final int MAX_FONT = 28;
    /** Below this height the log goes beside the charts in normal mode too: under them it would show 3 rows. */
    static final double SHORT_WINDOW = 800;
    /** The charts' share of the width when the log is beside them. */
    static final double CHARTS_BESIDE_LOG = 0.58;
    /** The table's share of the log's height when the explanation is under it. */
    static final double TABLE_ABOVE_EXPLANATION = 0.62;

    private final AppModel model;
    private final Region root;
    private final SplitPane center;
    private final SplitPane log;
    private final Consumer<Boolean> storyKnobsOnly;
    private final List<ColumnWidth> columns = new ArrayList<>();
    /**
     * The log's columns beside the charts, in ems of its text; the others hide there. Time, side,
     * event and errno are what the class reads; the full detail is in "What happened?" under the table.
     */
    static final Map<String, Ems> PROJECTOR_COLUMNS = Map.of(
            "timeColumn", new Ems(6, 6), "sideColumn", new Ems(4, 4), "kindColumn", new Ems(9, 5),
            "errnoColumn", new Ems(7, 4));

    /** A column's preferred and least width in ems: time and side never shrink, the names may. */
    record Ems(double pref, double min) {
    }
    private double[] centerDividers;
    private double[] logDividers;

    /** A column's widths as the FXML gives them, for normal text. */
    private record ColumnWidth(TableColumn<?, ?> column, double pref, double min) {
        void normal() {
            column.setVisible(true);
            column.setMinWidth(min);
            column.setPrefWidth(pref);
        }

        void projector(double fontSize) {
            Ems em = PROJECTOR_COLUMNS.get(column.getId());
            column.setVisible(em != null);
            if (em != null) {
                column.setMinWidth(em.min() * fontSize);
                column.setPrefWidth(em.pref() * fontSize);
            }
        }
    }

    /**
     * @param root the window's content, whose height sizes the text
     * @param center the split between the charts and the log
     * @param log the split between the log's table and its explanation
     * @param storyKnobsOnly shows only the story's two knobs (true) or all of them
     */
    ProjectorLayout(AppModel model, Region root, SplitPane center, SplitPane log, TableView<?> table,
                    Consumer<Boolean> storyKnobsOnly) {
        this.model = model;
        this.root = root;
        this.center = center;
        this.log = log;
        this.storyKnobsOnly = storyKnobsOnly;
        for (TableColumn<?, ?> c : table.getColumns()) {
            columns.add(new ColumnWidth(c, c.getPrefWidth(), c.getMinWidth()));
        }
        model.presentationModeProperty().addListener((obs, old, on) -> update());
        root.heightProperty().addListener((obs, old, h) -> update());
        update();
    }

    /** Presentation text size for a window this many pixels high. */
    static int fontSize(double height) {
        return (int) Math.max(MIN_FONT, Math.min(MAX_FONT, Math.round(height / LINES_PER_FONT_PIXEL)));
    }

    private void update() {
        boolean on = model.presentationModeProperty().get();
        double height = root.getHeight();
        if (on && height > 0) {
            model.presentationFontSizeProperty().set(fontSize(height));
        }
        int size = on ? model.presentationFontSizeProperty().get() : ChartStyle.NORMAL.fontSize();
        root.setStyle(on ? "-fx-font-size: " + size + "px;" : "");
        storyKnobsOnly.accept(on);
        boolean beside = on || (height > 0 && height < SHORT_WINDOW);
        for (ColumnWidth c : columns) {
            if (beside) {
                c.projector(size);
            } else {
                c.normal();
            }
        }
        arrange(beside);
    }

    private void arrange(boolean beside) {
        boolean already = center.getOrientation() == Orientation.HORIZONTAL;
        if (beside == already) {
            return;
        }
        if (beside) {
            centerDividers = center.getDividerPositions();
            logDividers = log.getDividerPositions();
            center.setOrientation(Orientation.HORIZONTAL);
            center.setDividerPositions(CHARTS_BESIDE_LOG);
            log.setOrientation(Orientation.VERTICAL);
            log.setDividerPositions(TABLE_ABOVE_EXPLANATION);
        } else {
            center.setOrientation(Orientation.VERTICAL);
            center.setDividerPositions(centerDividers);
            log.setOrientation(Orientation.HORIZONTAL);
            log.setDividerPositions(logDividers);
        }
    }
}
