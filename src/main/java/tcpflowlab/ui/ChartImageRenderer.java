package tcpflowlab.ui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.stage.Window;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Draws a JFreeChart into an image on a thread of its own, so the FX thread only copies
 * finished pixels (about a millisecond) instead of issuing thousands of canvas commands that
 * Prism's software renderer then rasterises with antialiasing (BENCHMARKS.md).
 *
 * <p>The chart model (plots, axes, datasets, markers) stays the FX thread's: it is only read
 * here, while no FX code changes it. Three rules keep it so: a render starts only from the FX
 * thread, after the change that asked for it has finished (a later pulse); the frame loop
 * leaves the charts alone while a render is in flight ({@link #isIdle()}); and before any
 * input event reaches any window of the app (a zoom, a menu, a click on a log row) the FX
 * thread waits for the render in flight ({@link #awaitIdle()}), at most one render long.
 */
final class ChartImageRenderer implements AutoCloseable {
    /** One finished image: ARGB premultiplied pixels and where the chart put its plots. */
    record Rendered(int[] pixels, int width, int height, double scale, ChartRenderingInfo info) {
    }

    private final JFreeChart chart;
    private final Consumer<Rendered> presenter;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tcpflowlab-chart-render");
        t.setDaemon(true);
        return t;
    });
    private final EventHandler<Event> inputGuard = e -> awaitIdle();
    private final ListChangeListener<Window> newWindows = c -> {
        while (c.next()) {
            c.getAddedSubList().forEach(this::guard);
        }
    };
    private Future<?> inFlight;
    /** From a render's start until its pixels are copied out: the next one must not draw over them. */
    private boolean drawing;
    private boolean dirty;
    private boolean scheduled;
    /** Closed with the window: a redraw still scheduled on the FX thread then has nowhere to run. */
    private boolean closed;
    private int width;
    private int height;
    private double scale = 1;
    private long renders;
    private long presentNanos;
    // Only the render thread touches the image it draws into.
    private BufferedImage canvas;

    ChartImageRenderer(JFreeChart chart, Consumer<Rendered> presenter) {
        this.chart = chart;
        this.presenter = presenter;
        chart.addChangeListener(e -> {
            if (Platform.isFxApplicationThread()) {
                invalidate();
            }
        });
        Window.getWindows().addListener(newWindows);
        Window.getWindows().forEach(this::guard);
    }

    private void guard(Window w) {
        w.removeEventFilter(Event.ANY, inputGuard);
        w.addEventFilter(Event.ANY, inputGuard);
    }

    /** The size to draw at, in layout pixels, and the screen's pixels per layout pixel. */
    void resize(int width, int height, double scale) {
        if (width != this.width || height != this.height || scale != this.scale) {
            this.width = width;
            this.height = height;
            this.scale = scale;
            invalidate();
        }
    }

    /** The chart changed: draw it again once the current FX work is done. */
    void invalidate() {
        dirty = true;
        if (!scheduled) {
            scheduled = true;
            Platform.runLater(() -> {
                scheduled = false;
                startIfDirty();
            });
        }
    }

    private void startIfDirty() {
        // a render asked for just before close() runs after it: the window is gone, nothing to draw
        if (closed || !dirty || drawing || width <= 0 || height <= 0 || thread.isShutdown()) {
            return;
        }
        dirty = false;
        drawing = true;
        int w = width;
        int h = height;
        double s = scale;
        inFlight = thread.submit(() -> {
            Rendered r = draw(w, h, s);
            Platform.runLater(() -> present(r));
        });
    }

    private void present(Rendered r) {
        drawing = false;
        if (r != null) {
            renders++;
            long t0 = System.nanoTime();
            presenter.accept(r);
            presentNanos += System.nanoTime() - t0;
        } else {
            dirty = true; // the chart changed under the render: draw it again
        }
        startIfDirty();
    }

    /** Runs on the render thread. */
    private Rendered draw(int w, int h, double s) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        try {
            canvas = draw(chart, canvas, w, h, s, info);
        } catch (RuntimeException e) {
            // Only code that broke the rules above (a test poking the model directly) can change
            // the chart mid-draw; the picture is dropped and drawn again.
            return null;
        }
        return new Rendered(pixels(canvas), canvas.getWidth(), canvas.getHeight(), s, info);
    }

    /**
     * Draws {@code chart} at {@code w} x {@code h} layout pixels, {@code s} screen pixels each,
     * into {@code canvas} (or a new image when it is missing or of another size), noting in
     * {@code info} where the parts went.
     *
     * @return the image drawn into
     */
    static BufferedImage draw(JFreeChart chart, BufferedImage canvas, int w, int h, double s, ChartRenderingInfo info) {
        int pw = (int) Math.ceil(w * s);
        int ph = (int) Math.ceil(h * s);
        BufferedImage image = canvas;
        if (image == null || image.getWidth() != pw || image.getHeight() != ph) {
            image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
        }
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.scale(s, s);
            chart.draw(g2, new Rectangle2D.Double(0, 0, w, h), null, info);
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** The image's ARGB premultiplied pixels (not a copy). */
    static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** Whether no render is in flight: the FX thread may change the charts now. */
    boolean isIdle() {
        return inFlight == null || inFlight.isDone();
    }

    /** Waits for the render in flight, if any, so the FX thread may change the charts. */
    void awaitIdle() {
        Future<?> f = inFlight;
        if (f == null || f.isDone()) {
            return;
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("drawing the charts failed", e.getCause());
        }
    }

    /** Whether the charts wait to be drawn (changed, or a render in flight). */
    boolean isPending() {
        return dirty || drawing;
    }

    /** Images drawn and shown so far: an idle app draws none. */
    long renders() {
        return renders;
    }

    /** FX-thread time spent copying finished images to the screen so far (the UI benchmark). */
    long presentNanos() {
        return presentNanos;
    }

    @Override
    public void close() {
        closed = true;
        Window.getWindows().removeListener(newWindows);
        Window.getWindows().forEach(w -> w.removeEventFilter(Event.ANY, inputGuard));
        thread.shutdownNow();
    }
}
