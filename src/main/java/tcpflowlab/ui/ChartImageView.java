package tcpflowlab.ui;

import javafx.geometry.Point2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.geom.Rectangle2D;
import java.nio.IntBuffer;
import java.util.function.DoubleConsumer;

/**
 * Shows a chart drawn off the FX thread ({@link ChartImageRenderer}) as an image, with the
 * mouse gestures of JFreeChart's own viewer on the shared time axis: drag right to zoom into
 * a time span, drag left to zoom out, scroll to zoom around the pointer, Ctrl+drag to pan.
 * The value axes keep scaling to the data.
 */
final class ChartImageView extends Region {
    private static final double MIN_DRAG = 8;
    private static final double SCROLL_ZOOM = 0.8;

    private final ValueAxis timeAxis;
    private final ChartImageRenderer renderer;
    private final ImageView image = new ImageView();
    private final Rectangle zoomBox = new Rectangle();
    private PixelBuffer<IntBuffer> pixels;
    private ChartRenderingInfo info;
    private DoubleConsumer hover = x -> { };
    private Runnable zoomOut = () -> { };
    private Runnable rendered = () -> { };
    private Point2D dragStart;
    private double pressLower;
    private double pressUpper;

    ChartImageView(JFreeChart chart, ValueAxis timeAxis) {
        this.timeAxis = timeAxis;
        this.renderer = new ChartImageRenderer(chart, this::show);
        image.setManaged(false);
        zoomBox.setManaged(false);
        zoomBox.setVisible(false);
        zoomBox.setFill(Color.rgb(0, 114, 178, 0.2));
        zoomBox.setStroke(Color.rgb(0, 114, 178));
        getChildren().addAll(image, zoomBox);
        setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip); // an image of the old size shows for a frame while the window shrinks
        setOnMouseMoved(e -> hover.accept(e.getX()));
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnScroll(this::scrolled);
    }

    /** Sees the pointer's x (layout pixels) as it moves over the charts. */
    void setOnHover(DoubleConsumer hover) {
        this.hover = hover;
    }

    /** Told after each new image is on screen: what is laid out over the charts moves with the axis. */
    void setOnRendered(Runnable rendered) {
        this.rendered = rendered;
    }

    /** What a leftward drag does (back to following the run). */
    void setOnZoomOut(Runnable zoomOut) {
        this.zoomOut = zoomOut;
    }

    @Override
    protected void layoutChildren() {
        double scale = getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
        renderer.resize((int) Math.floor(getWidth()), (int) Math.floor(getHeight()), scale);
    }

    private void show(ChartImageRenderer.Rendered r) {
        if (pixels == null || pixels.getWidth() != r.width() || pixels.getHeight() != r.height()) {
            pixels = new PixelBuffer<>(r.width(), r.height(), IntBuffer.allocate(r.width() * r.height()),
                    PixelFormat.getIntArgbPreInstance());
            image.setImage(new WritableImage(pixels));
        }
        pixels.updateBuffer(b -> {
            System.arraycopy(r.pixels(), 0, b.getBuffer().array(), 0, r.width() * r.height());
            return null;
        });
        image.setFitWidth(r.width() / r.scale());
        image.setFitHeight(r.height() / r.scale());
        info = r.info();
        rendered.run();
    }

    /** Where the chart put its first plot's data area at the last render, or null before one. */
    Rectangle2D dataArea() {
        if (info == null || info.getPlotInfo() == null || info.getPlotInfo().getSubplotCount() == 0) {
            return null;
        }
        PlotRenderingInfo sub = info.getPlotInfo().getSubplotInfo(0);
        return sub.getDataArea();
    }

    /** Where the chart put all its rows together at the last render, or null before one. */
    Rectangle2D rowsArea() {
        return info == null || info.getPlotInfo() == null ? null : info.getPlotInfo().getDataArea();
    }

    /** The layout x of {@code seconds} on the last rendered axis; NaN before the first render. */
    double xAt(double seconds) {
        Rectangle2D area = dataArea();
        return area == null ? Double.NaN : timeAxis.valueToJava2D(seconds, area, RectangleEdge.BOTTOM);
    }

    /** The time at layout x, on the last rendered axis; NaN before the first render. */
    double timeAt(double x) {
        Rectangle2D area = dataArea();
        return area == null ? Double.NaN : timeAxis.java2DToValue(x, area, RectangleEdge.BOTTOM);
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || dataArea() == null) {
            return;
        }
        dragStart = new Point2D(e.getX(), e.getY());
        pressLower = timeAxis.getLowerBound();
        pressUpper = timeAxis.getUpperBound();
    }

    private void dragged(MouseEvent e) {
        if (dragStart == null) {
            return;
        }
        Rectangle2D area = dataArea();
        if (e.isShortcutDown()) {
            double shift = -(e.getX() - dragStart.getX()) / area.getWidth() * (pressUpper - pressLower);
            timeAxis.setRange(pressLower + shift, pressUpper + shift);
            return;
        }
        double x0 = Math.min(dragStart.getX(), e.getX());
        double x1 = Math.max(dragStart.getX(), e.getX());
        zoomBox.setX(Math.max(area.getMinX(), x0));
        zoomBox.setWidth(Math.min(area.getMaxX(), x1) - zoomBox.getX());
        zoomBox.setY(0);
        zoomBox.setHeight(getHeight());
        zoomBox.setVisible(e.getX() > dragStart.getX());
    }

    private void released(MouseEvent e) {
        if (dragStart == null) {
            return;
        }
        double dx = e.getX() - dragStart.getX();
        zoomBox.setVisible(false);
        if (!e.isShortcutDown() && Math.abs(dx) >= MIN_DRAG) {
            if (dx > 0) {
                timeAxis.setRange(timeAt(dragStart.getX()), timeAt(e.getX()));
            } else {
                zoomOut.run();
            }
        }
        dragStart = null;
    }

    private void scrolled(ScrollEvent e) {
        double t = timeAt(e.getX());
        if (Double.isNaN(t) || e.getDeltaY() == 0) {
            return;
        }
        // The direction JFreeChart's own viewer zoomed in (what users of the app know).
        double f = e.getDeltaY() < 0 ? SCROLL_ZOOM : 1 / SCROLL_ZOOM;
        timeAxis.setRange(t - (t - timeAxis.getLowerBound()) * f, t + (timeAxis.getUpperBound() - t) * f);
    }

    ChartImageRenderer renderer() {
        return renderer;
    }

    /** The image on screen (for tests: it is not blank and changes with the data). */
    WritableImage image() {
        return (WritableImage) image.getImage();
    }
}
