package tcpflowlab.ui;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import tcpflowlab.chart.ChartStyle;
import tcpflowlab.engine.RunState;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, items 9 and 12: an idle or paused app does no work per frame (the frame loop
 * rests, no chart is drawn), the status bar has no developer counters, and the charts drawn
 * off the FX thread are the chart, pixel for pixel, and follow the data and the mouse.
 */
@ExtendWith(ApplicationExtension.class)
class IdleAndChartImageTest {
    @TempDir
    static Path settings;

    private MainController main;

    @Start
    void start(Stage stage) throws Exception {
        main = AppWindow.open(stage, settings, 1280, 860);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> main.shutdown());
    }

    private void waitFor(FxRobot robot, String what, Predicate<MainController> condition) {
        AppWindow.waitFor(robot, what, () -> condition.test(main));
    }

    private static boolean quiet(MainController m) {
        return !m.frames().isBeating() && !m.charts().viewer().renderer().isPending();
    }

    /** Frames, pulses and chart images so far. */
    private long[] work(FxRobot robot) {
        long[] w = new long[3];
        robot.interact(() -> {
            w[0] = main.frames().frames();
            w[1] = main.frames().pulses();
            w[2] = main.charts().viewer().renderer().renders();
        });
        return w;
    }

    private void assertNoWorkFor(FxRobot robot, String when) {
        long[] before = work(robot);
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS); // about 90 pulses of a beating loop
        long[] after = work(robot);
        assertEquals(before[0], after[0], when + ": no frames");
        assertEquals(before[1], after[1], when + ": no JavaFX pulses for the frame loop");
        assertEquals(before[2], after[2], when + ": no chart drawn");
        robot.interact(() -> assertFalse(main.frames().isBeating(), when + ": the frame loop rests"));
    }

    @Test
    void anIdleOrPausedAppNeitherBeatsNorRedraws(FxRobot robot) throws Exception {
        waitFor(robot, "the empty charts drawn once", m -> quiet(m) && m.charts().viewer().renderer().renders() > 0);
        assertNoWorkFor(robot, "idle after start");

        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.runs().setSpeed(5.0);
        });
        robot.clickOn("#runButton");
        long[] running = work(robot);
        waitFor(robot, "charts redrawn while the run goes on", m -> m.charts().viewer().renderer().renders() > running[2] + 5
                && m.frames().frames() > running[0] + 5);
        robot.clickOn("#pauseButton");
        waitFor(robot, "the paused run's last frame", IdleAndChartImageTest::quiet);
        robot.interact(() -> assertEquals(RunState.PAUSED, main.runs().state()));
        assertNoWorkFor(robot, "paused");

        // What the teacher does next wakes it: a step, a changed time window.
        long[] paused = work(robot);
        robot.interact(() -> main.model().timeWindowProperty().set(AppModel.TimeWindow.LAST_1_MIN));
        waitFor(robot, "a frame and a chart for the new window", m -> m.frames().frames() > paused[0]
                && m.charts().viewer().renderer().renders() > paused[2]);
    }

    @Test
    void theStatusBarHasNoDeveloperCounters(FxRobot robot) throws Exception {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.runs().setSpeed(100.0);
        });
        robot.clickOn("#runButton");
        waitFor(robot, "the run to go on", m -> m.runs().timeNanos() > 500_000_000L);
        robot.interact(() -> {
            HBox bar = (HBox) main.messageLabel().getParent();
            for (Node n : bar.getChildren()) {
                String text = n instanceof Label l ? l.getText() : "";
                assertFalse(text.contains("frame"), "status bar: " + text);
            }
            assertTrue(bar.lookup("#framesLabel") == null, "no dropped-frames label");
        });
    }

    @Test
    void theImageOnScreenIsTheChartAndFollowsTheData(FxRobot robot) throws Exception {
        waitFor(robot, "the empty charts", IdleAndChartImageTest::quiet);
        int[] empty = pixels(robot);
        assertTrue(distinctColours(empty) > 2, "not blank: axes, grid and labels drawn");

        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.runs().setSpeed(10.0);
        });
        robot.clickOn("#runButton");
        waitFor(robot, "a second of the run", m -> m.runs().timeNanos() > 1_000_000_000L);
        robot.clickOn("#pauseButton");
        waitFor(robot, "the paused run's charts", IdleAndChartImageTest::quiet);
        int[] shown = pixels(robot);
        assertNotEquals(java.util.Arrays.hashCode(empty), java.util.Arrays.hashCode(shown), "the image changed with the data");
        int send = ChartStyle.SEND.getRGB();
        assertTrue(java.util.Arrays.stream(shown).filter(p -> p == send).count() > 100, "the send queue's line is drawn");

        // The same chart drawn here, on the FX thread, gives the same pixels.
        int[][] reference = new int[1][];
        robot.interact(() -> {
            ChartImageView v = main.charts().viewer();
            WritableImage img = v.image();
            BufferedImage b = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g2 = b.createGraphics();
            g2.setRenderingHint(java.awt.RenderingHints.KEY_STROKE_CONTROL, java.awt.RenderingHints.VALUE_STROKE_PURE);
            main.charts().flowChart().chart().draw(g2, new Rectangle2D.Double(0, 0, b.getWidth(), b.getHeight()), null, null);
            g2.dispose();
            reference[0] = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        });
        int same = 0;
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] == reference[0][i]) {
                same++;
            }
        }
        assertEquals(shown.length, same, "pixels that differ from the chart drawn directly");
    }

    @Test
    void scrollAndDragZoomTheTimeAxisAndDragLeftFollowsAgain(FxRobot robot) throws Exception {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.runs().setSpeed(10.0);
        });
        robot.clickOn("#runButton");
        waitFor(robot, "two seconds of the run", m -> m.runs().timeNanos() > 2_000_000_000L);
        robot.clickOn("#pauseButton");
        waitFor(robot, "the paused run's charts", IdleAndChartImageTest::quiet);
        double[] before = range(robot);
        Point2D centre = dataCentre(robot);
        robot.moveTo(centre).scroll(3, javafx.geometry.VerticalDirection.UP);
        waitFor(robot, "the zoomed charts", IdleAndChartImageTest::quiet);
        double[] zoomed = range(robot);
        assertTrue(zoomed[1] - zoomed[0] < before[1] - before[0], "scrolling (the direction JFreeChart's viewer zoomed in) zooms in: " + java.util.Arrays.toString(before) + " -> " + java.util.Arrays.toString(zoomed));
        robot.interact(() -> assertFalse(main.model().followLatestProperty().get(), "zooming stops following"));

        robot.drag(centre, MouseButton.PRIMARY).moveBy(100, 0).release(MouseButton.PRIMARY);
        waitFor(robot, "the dragged span", IdleAndChartImageTest::quiet);
        double[] span = range(robot);
        assertTrue(span[1] - span[0] < zoomed[1] - zoomed[0], "dragging right zooms into the span");

        robot.drag(centre, MouseButton.PRIMARY).moveBy(-100, 0).release(MouseButton.PRIMARY);
        waitFor(robot, "following again", m -> m.model().followLatestProperty().get());

        robot.moveTo(centre);
        waitFor(robot, "the hover read-out", m -> m.charts().hoverLabel().getText().startsWith("t = "));
    }

    private double[] range(FxRobot robot) {
        double[] r = new double[2];
        robot.interact(() -> {
            r[0] = main.charts().flowChart().timeAxis().getLowerBound();
            r[1] = main.charts().flowChart().timeAxis().getUpperBound();
        });
        return r;
    }

    private Point2D dataCentre(FxRobot robot) {
        Point2D[] p = new Point2D[1];
        robot.interact(() -> {
            ChartImageView v = main.charts().viewer();
            Rectangle2D area = v.dataArea();
            assertNotNull(area, "a rendered chart");
            p[0] = v.localToScreen(area.getCenterX(), area.getCenterY());
        });
        return p[0];
    }

    private int[] pixels(FxRobot robot) {
        int[][] out = new int[1][];
        robot.interact(() -> {
            WritableImage img = main.charts().viewer().image();
            assertNotNull(img, "an image is shown");
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            PixelReader r = img.getPixelReader();
            out[0] = new int[w * h];
            r.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out[0], 0, w);
        });
        return out[0];
    }

    private static long distinctColours(int[] pixels) {
        return java.util.Arrays.stream(pixels).distinct().limit(10).count();
    }
}
