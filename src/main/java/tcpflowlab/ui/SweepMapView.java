package tcpflowlab.ui;

import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.jfree.chart.ChartRenderingInfo;
import tcpflowlab.chart.ChartStyle;
import tcpflowlab.chart.OutcomeMap;
import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepPlot;
import tcpflowlab.sweep.SweepResult;
import tcpflowlab.sweep.SweepSpec;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.IntBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The sweep's outcome map, drawn as the main charts are: off the FX thread into an image the
 * FX thread only copies. Each drawing builds its own {@link OutcomeMap} from a copy of the
 * finished cells, so no chart is shared between threads; while one is drawn, newer cells wait
 * and the next drawing takes them all.
 */
final class SweepMapView extends Region implements AutoCloseable {
    /** What is on screen: the map, where its parts were drawn, and the cells it shows. */
    record Shown(OutcomeMap map, ChartRenderingInfo info, SweepResult result, SweepPlot plot) {
    }

    /** What the next drawing should show. */
    private record Wanted(SweepSpec spec, List<CellResult> cells, SweepPlot plot, ChartStyle style) {
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tcpflowlab-sweep-map");
        t.setDaemon(true);
        return t;
    });
    private final ImageView image = new ImageView();
    private PixelBuffer<IntBuffer> pixels;
    private Wanted wanted;
    private boolean dirty;
    private boolean drawing;
    private boolean closed;
    private int width;
    private int height;
    private double scale = 1;
    private long renders;
    private Shown shown;
    // Only the drawing thread touches the image it draws into.
    private BufferedImage canvas;

    SweepMapView() {
        image.setManaged(false);
        getChildren().add(image);
        setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /** Shows these cells of {@code spec}, coloured by {@code plot}: drawn as soon as the drawing in flight is done. */
    void show(SweepSpec spec, List<CellResult> cells, SweepPlot plot, ChartStyle style) {
        wanted = new Wanted(spec, cells, plot, style);
        dirty = true;
        startIfDirty();
    }

    @Override
    protected void layoutChildren() {
        double s = getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
        int w = (int) Math.floor(getWidth());
        int h = (int) Math.floor(getHeight());
        if (w != width || h != height || s != scale) {
            width = w;
            height = h;
            scale = s;
            dirty = true;
            // not from inside the layout pass: the drawing's result changes the scene graph
            Platform.runLater(this::startIfDirty);
        }
    }

    private void startIfDirty() {
        if (closed || !dirty || drawing || wanted == null || width <= 0 || height <= 0) {
            return;
        }
        dirty = false;
        drawing = true;
        Wanted w = wanted;
        int pw = width;
        int ph = height;
        double s = scale;
        thread.submit(() -> {
            try {
                Drawn d = draw(w, pw, ph, s);
                Platform.runLater(() -> present(d));
            } catch (RuntimeException e) {
                // a map that cannot be drawn must not stop the next one: the old picture stays
                Platform.runLater(() -> drawing = false);
                throw e;
            }
        });
    }

    private record Drawn(Shown shown, int[] pixels, int width, int height, double scale) {
    }

    /** Runs on the drawing thread. */
    private Drawn draw(Wanted w, int layoutWidth, int layoutHeight, double s) {
        SweepResult result = new SweepResult(w.spec(), w.cells());
        OutcomeMap map = OutcomeMap.of(result, w.plot(), w.style());
        ChartRenderingInfo info = new ChartRenderingInfo();
        canvas = ChartImageRenderer.draw(map.chart(), canvas, layoutWidth, layoutHeight, s, info);
        int[] data = ChartImageRenderer.pixels(canvas);
        int pw = canvas.getWidth();
        int ph = canvas.getHeight();
        return new Drawn(new Shown(map, info, result, w.plot()), data, pw, ph, s);
    }

    private void present(Drawn d) {
        drawing = false;
        if (closed) {
            return;
        }
        if (pixels == null || pixels.getWidth() != d.width() || pixels.getHeight() != d.height()) {
            pixels = new PixelBuffer<>(d.width(), d.height(), IntBuffer.allocate(d.width() * d.height()),
                    PixelFormat.getIntArgbPreInstance());
            image.setImage(new WritableImage(pixels));
        }
        pixels.updateBuffer(b -> {
            System.arraycopy(d.pixels(), 0, b.getBuffer().array(), 0, d.width() * d.height());
            return null;
        });
        image.setFitWidth(d.width() / d.scale());
        image.setFitHeight(d.height() / d.scale());
        shown = d.shown();
        renders++;
        startIfDirty();
    }

    /** The finished cell under layout point (x, y) of the map on screen, if any. */
    Optional<CellResult> cellAt(double x, double y) {
        Shown s = shown;
        return s == null ? Optional.empty() : s.map().cellAt(new Point2D.Double(x, y), s.info());
    }

    /** What is on screen, or null before the first drawing. */
    Shown shown() {
        return shown;
    }

    /** True when what was asked for is on screen. */
    boolean isSettled() {
        return !dirty && !drawing;
    }

    long renders() {
        return renders;
    }

    WritableImage image() {
        return (WritableImage) image.getImage();
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
    }
}
