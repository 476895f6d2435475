package tcpflowlab.ui;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.jfree.chart.ChartRenderingInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import tcpflowlab.chart.FlowLimitRuns;
import tcpflowlab.chart.FlowLimitStrip;
import tcpflowlab.telemetry.FlowLimit;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, part 3: the strip saying what limited the flow is on screen under the charts, in its colours. */
@ExtendWith(ApplicationExtension.class)
class FlowLimitStripViewTest {
    @TempDir
    static Path settings;

    private MainController main;

    @Start
    void start(Stage stage) throws Exception {
        main = AppWindow.open(stage, settings, 1280, 720);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> main.shutdown());
    }

    private static boolean quiet(MainController m) {
        return !m.frames().isBeating() && !m.charts().viewer().renderer().isPending();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStripIsDrawnUnderTheChartsInTheCausesColours(FxRobot robot) {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.runs().setSpeed(100.0);
        });
        robot.clickOn("#runButton");
        AppWindow.waitFor(robot, "the window closing and the server's EAGAIN", () -> main.runs().timeNanos() > 2_000_000_000L);
        robot.clickOn("#pauseButton");
        AppWindow.waitFor(robot, "the paused run's charts", () -> quiet(main));

        List<FlowLimitRuns.Run>[] blocks = new List[1];
        Rectangle2D[] strip = new Rectangle2D[1];
        robot.interact(() -> {
            blocks[0] = main.charts().flowChart().limits().blocks();
            ChartRenderingInfo info = new ChartRenderingInfo();
            var g2 = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
            main.charts().flowChart().chart().draw(g2, new Rectangle2D.Double(0, 0, main.charts().viewer().getWidth(),
                    main.charts().viewer().getHeight()), null, info);
            g2.dispose();
            int rows = main.charts().flowChart().visibleRows().size();
            strip[0] = info.getPlotInfo().getSubplotInfo(rows).getDataArea();
        });
        assertTrue(blocks[0].stream().anyMatch(b -> b.cause() == FlowLimit.RECEIVE_WINDOW), blocks[0]::toString);
        assertTrue(blocks[0].stream().anyMatch(b -> b.cause() == FlowLimit.APP), blocks[0]::toString);
        assertTrue(strip[0].getHeight() >= 12, "strip " + strip[0]);

        // the pixels in the strip's area on screen are the causes' colours
        int rwnd = FlowLimitStrip.color(FlowLimit.RECEIVE_WINDOW).getRGB();
        int app = FlowLimitStrip.color(FlowLimit.APP).getRGB();
        int[] counts = new int[2];
        robot.interact(() -> {
            WritableImage img = main.charts().viewer().image();
            double scale = img.getWidth() / main.charts().viewer().getWidth();
            PixelReader r = img.getPixelReader();
            int y = (int) Math.round(strip[0].getCenterY() * scale);
            for (int x = (int) (strip[0].getMinX() * scale); x < (int) (strip[0].getMaxX() * scale); x++) {
                int p = r.getArgb(x, y);
                counts[0] += p == rwnd ? 1 : 0;
                counts[1] += p == app ? 1 : 0;
            }
        });
        assertTrue(counts[0] > 10 && counts[1] > 10, "receiver's window and app pixels in the strip: "
                + counts[0] + ", " + counts[1]);

        // hovering over the strip names the cause
        Bounds b = robot.lookup(n -> n == main.charts().viewer()).query().localToScreen(
                main.charts().viewer().getBoundsInLocal());
        robot.moveTo(new Point2D(b.getMinX() + strip[0].getCenterX(), b.getMinY() + strip[0].getCenterY()));
        AppWindow.waitFor(robot, "the read-out naming the cause",
                () -> main.charts().hoverLabel().getText().contains("| limited by: "));
    }
}
