package tcpflowlab.ui;

import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * The rewind handle on the charts' time axis: a grip at the axis with a line up through the
 * rows, shown while the Model run can be branched (paused or finished). It rests at the run's
 * time; dragged (or moved with the arrow keys) back to t, it reads "branch at t" and offers
 * Branch, which branches exactly at the t the label shows. Laid over the chart image, so it
 * follows the pointer without redrawing the charts; only its grip, label and button take the
 * mouse, the rest of the charts keep their hover, zoom and pan.
 */
final class RewindHandle extends Pane {
    /** The finest time the handle snaps to: a microsecond, below any view the axis shows. */
    private static final long FINEST_NANOS = 1_000;
    /** Pixels the arrow keys move the handle; Shift moves ten times as far. */
    private static final int KEY_PIXELS = 1;
    private static final javafx.scene.paint.Color COLOR = javafx.scene.paint.Color.web("#00796b");

    private final ChartImageView viewer;
    private final Branching branching;
    private final Line line = new Line();
    private final Polygon grip = new Polygon();
    private final Label label = new Label();
    private final Button branchButton = new Button("Branch");
    private long now;
    private long atNanos;
    private boolean shown;

    RewindHandle(ChartImageView viewer, Branching branching) {
        this.viewer = viewer;
        this.branching = branching;
        getStyleClass().add("rewind-handle");
        setPickOnBounds(false);
        line.getStyleClass().add("rewind-line");
        line.setMouseTransparent(true);
        grip.getStyleClass().add("rewind-grip");
        label.getStyleClass().add("rewind-label");
        branchButton.getStyleClass().add("rewind-branch");
        branchButton.setFocusTraversable(false);
        branchButton.setOnAction(e -> branch());
        grip.setFocusTraversable(true);
        grip.setAccessibleRole(AccessibleRole.SLIDER);
        grip.setAccessibleText("Rewind handle: arrow keys move it back in time, Enter branches there");
        for (javafx.scene.Node n : java.util.List.of(grip, label)) {
            n.setCursor(Cursor.H_RESIZE);
            n.setOnMousePressed(e -> {
                grip.requestFocus(); // a press alone leaves the time where it is
                e.consume();
            });
            n.setOnMouseDragged(this::dragged);
        }
        grip.setOnKeyPressed(this::key);
        // teal: not the crosshair's grey, the evidence's violet nor an event marker's red, orange, green or blue
        line.setStroke(COLOR);
        grip.setFill(COLOR);
        grip.setStroke(javafx.scene.paint.Color.WHITE);
        grip.focusedProperty().addListener((obs, old, f) -> {
            grip.setStroke(f ? javafx.scene.paint.Color.BLACK : javafx.scene.paint.Color.WHITE);
            grip.setStrokeWidth(f ? 2 : 1);
        });
        label.setStyle("-fx-background-color: #00796b; -fx-text-fill: white; -fx-padding: 0.1em 0.4em;"
                + " -fx-background-radius: 0.3em; -fx-font-weight: bold;");
        getChildren().addAll(line, grip, label, branchButton);
        setVisible(false);
        viewer.setOnRendered(this::refresh);
    }

    /** Shows or hides the handle for the run as it is now, and puts it where its time is on the axis. */
    void refresh() {
        long latest = branching.latest();
        boolean canBranch = branching.whyNot() == null && viewer.rowsArea() != null;
        if (!canBranch || !shown || !isMoved() || atNanos > latest) {
            atNanos = latest; // a new run, a branch, a step on from rest: the handle starts at the run's time
        }
        now = latest;
        shown = canBranch;
        setVisible(canBranch);
        place();
    }

    @Override
    protected void layoutChildren() {
        place();
    }

    /**
     * Puts the handle at its time. A time outside the view keeps the grip at the view's edge (its
     * label still says the time), so the grip never vanishes under the pointer or the keyboard.
     */
    private void place() {
        Rectangle2D rows = viewer.rowsArea();
        if (!shown || rows == null) {
            return;
        }
        double at = viewer.xAt(atNanos / 1e9);
        double x = Math.max(rows.getMinX(), Math.min(rows.getMaxX(), at));
        double size = Math.max(12, label.getFont().getSize() * 1.1); // grows with presentation mode's text
        double axisY = rows.getMaxY();
        line.setStrokeWidth(Math.max(2, size / 7));
        line.setStartX(x);
        line.setEndX(x);
        line.setStartY(rows.getMinY());
        line.setEndY(axisY);
        line.setVisible(Math.abs(at - x) < 1);
        grip.getPoints().setAll(x, axisY, x - size / 2, axisY + size, x + size / 2, axisY + size);
        label.setText(text());
        label.autosize();
        boolean moved = isMoved();
        branchButton.setVisible(moved);
        branchButton.autosize();
        // beside the line on the side with more room, just above the axis, and never off the charts
        double width = label.getWidth() + (moved ? 4 + branchButton.getWidth() : 0);
        double height = Math.max(label.getHeight(), moved ? branchButton.getHeight() : 0);
        boolean right = x < (rows.getMinX() + rows.getMaxX()) / 2;
        double left = Math.max(0, Math.min(getWidth() - width, right ? x + 6 : x - 6 - width));
        double top = axisY - height - 4;
        label.relocate(left, top + (height - label.getHeight()) / 2);
        branchButton.relocate(left + label.getWidth() + 4, top + (height - branchButton.getHeight()) / 2);
    }

    private String text() {
        return isMoved() ? "branch at " + seconds(atNanos, stepNanos()) + " s" : "◀ drag to rewind";
    }

    private void dragged(MouseEvent e) {
        double x = viewer.sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
        moveTo(viewer.timeAt(x));
        e.consume();
    }

    private void key(KeyEvent e) {
        long step = stepNanos() * KEY_PIXELS * (e.isShiftDown() ? 10 : 1);
        switch (e.getCode()) {
            case LEFT -> setTime(atNanos - step);
            case RIGHT -> setTime(atNanos + step);
            case HOME -> setTime(0);
            case END -> setTime(now);
            case ENTER -> branch();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Moves the handle to {@code seconds} (snapped to what a pixel shows, clamped to 0 .. now). */
    void moveTo(double seconds) {
        if (!Double.isNaN(seconds)) {
            setTime(snap(Math.round(seconds * 1e9), stepNanos(), now));
        }
    }

    private void setTime(long nanos) {
        atNanos = Math.max(0, Math.min(now, nanos));
        place();
    }

    /** Branches at the handle's time, the time its label shows. */
    void branch() {
        if (isVisible()) {
            branching.branch(atNanos);
        }
    }

    /** The time one pixel of the charts spans now, rounded up to a power of ten: what the handle snaps to. */
    private long stepNanos() {
        Rectangle2D area = viewer.dataArea();
        if (area == null || area.getWidth() <= 0) {
            return FINEST_NANOS;
        }
        double perPixel = viewer.timeAt(area.getMaxX()) - viewer.timeAt(area.getMaxX() - 1);
        return power10Nanos(perPixel);
    }

    /** The smallest power of ten seconds (as nanoseconds, at least a microsecond) not below {@code seconds}. */
    static long power10Nanos(double seconds) {
        long step = FINEST_NANOS;
        while (step < seconds * 1e9 && step < Long.MAX_VALUE / 10) {
            step *= 10;
        }
        return step;
    }

    /** {@code nanos} rounded to {@code step}, within 0 .. {@code now}: the run's own time at its ends. */
    static long snap(long nanos, long step, long now) {
        long snapped = Math.round((double) nanos / step) * step;
        return Math.max(0, Math.min(now, snapped));
    }

    /** {@code nanos} in seconds with the decimals {@code step} needs, at least milliseconds. */
    static String seconds(long nanos, long step) {
        int decimals = Math.max(3, 9 - (int) Math.floor(Math.log10(step)));
        return String.format(Locale.ROOT, "%." + Math.min(9, decimals) + "f", nanos / 1e9);
    }

    /** {@code nanos} in seconds to the nanosecond, without trailing zeros past milliseconds ("12.400"). */
    static String exactSeconds(long nanos) {
        java.math.BigDecimal s = java.math.BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
        return s.setScale(Math.max(3, s.scale())).toPlainString();
    }

    /** Whether the handle is before the run's time (so Branch is offered). */
    boolean isMoved() {
        return atNanos < now;
    }

    /** The time the handle marks, ns: where Branch branches. */
    long timeNanos() {
        return atNanos;
    }

    Label label() {
        return label;
    }

    Polygon grip() {
        return grip;
    }

    Button branchButton() {
        return branchButton;
    }
}
