package tcpflowlab.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import tcpflowlab.chart.ChartStyle;
import tcpflowlab.chart.FlowChart;
import tcpflowlab.engine.RunState;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presentation mode on a 1280 x 720 projector: it follows the run, scales everything, and every region stays usable. */
@ExtendWith(ApplicationExtension.class)
class PresentationModeTest {
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    @TempDir
    static Path settings;

    private MainController main;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        main = AppWindow.open(stage, settings, WIDTH, HEIGHT);
        scene = stage.getScene();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> main.shutdown());
    }

    private void waitFor(FxRobot robot, String what, Predicate<MainController> condition) {
        AppWindow.waitFor(robot, what, () -> condition.test(main));
    }

    private double upperBound() {
        return main.charts().flowChart().timeAxis().getUpperBound();
    }

    @Test
    void afterCtrlPTheTimeAxisKeepsFollowingTheRun(FxRobot robot) throws Exception {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.runs().setSpeed(5.0);
            main.model().timeWindowProperty().set(AppModel.TimeWindow.LAST_1_S);
        });
        robot.clickOn("#runButton");
        waitFor(robot, "a second of the run", m -> m.runs().timeNanos() > 1_000_000_000L);
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        robot.interact(() -> {
            assertTrue(main.model().presentationModeProperty().get(), "Ctrl+P turns presentation mode on");
            assertTrue(main.model().followLatestProperty().get(), "and leaves Follow latest on");
        });
        double[] before = new double[1];
        robot.interact(() -> before[0] = upperBound());
        try {
            waitFor(robot, "the time axis to move on by 2 s", m -> upperBound() > before[0] + 2);
        } catch (AssertionError e) {
            robot.interact(() -> {
                throw new AssertionError(e.getMessage() + ": axis ends at " + upperBound() + " (was " + before[0]
                        + "), run at " + main.runs().timeNanos() / 1e9 + " s, " + main.runs().state()
                        + ", following " + main.model().followLatestProperty().get());
            });
        }
        robot.interact(() -> {
            assertEquals(RunState.RUNNING, main.runs().state());
            assertTrue(main.model().followLatestProperty().get());
        });
    }

    @Test
    void launchedWithPresentationAndAutorunTheChartShowsTheWholeRunFollowingLive(FxRobot robot) throws Exception {
        robot.interact(() -> {
            main.model().timeWindowProperty().set(AppModel.TimeWindow.ALL);
            main.applyOptions(List.of("--preset", "seed-buggy", "--speed", "10x", "--presentation", "--autorun"));
        });
        waitFor(robot, "5 s of the run", m -> m.runs().timeNanos() > 5_000_000_000L);
        robot.interact(() -> {
            main.charts().onFrame();
            double last = main.frameData().history().lastTime();
            assertTrue(upperBound() >= last - 1e-9 && upperBound() > 4, "axis ends at " + upperBound() + ", run at " + last);
            assertEquals(main.frameData().history().firstTime(), main.charts().flowChart().timeAxis().getLowerBound(), 1e-9,
                    "the whole run is shown");
        });
    }

    @Test
    void presentationScalesChartTextMarkerLabelsLinesAndTableRows(FxRobot robot) throws Exception {
        robot.interact(() -> main.loadPreset("seed-buggy"));
        robot.clickOn("#runButton");
        waitFor(robot, "a marker with a label", m -> m.frameData().markedEvents().stream()
                .anyMatch(e -> e.errno() != null));
        robot.clickOn("#pauseButton");
        double[] normalRow = new double[1];
        float[] normal = new float[4];
        robot.interact(() -> {
            main.charts().onFrame();
            normal[0] = tickFont().getSize2D();
            normal[1] = legendFont().getSize2D();
            normal[2] = markerLabelFont().getSize2D();
            normal[3] = lineWidth();
            normalRow[0] = rowHeight();
        });
        robot.interact(() -> main.model().presentationModeProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            main.charts().onFrame();
            assertTrue(tickFont().getSize2D() > normal[0], "tick labels " + normal[0] + " -> " + tickFont());
            assertTrue(legendFont().getSize2D() > normal[1], "legend " + normal[1] + " -> " + legendFont());
            assertTrue(markerLabelFont().getSize2D() > normal[2], "marker labels " + normal[2] + " -> " + markerLabelFont());
            assertTrue(lineWidth() > normal[3], "lines " + normal[3] + " -> " + lineWidth());
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> assertTrue(rowHeight() > normalRow[0] * 1.1, "log rows " + normalRow[0] + " -> " + rowHeight()));
    }

    private Font tickFont() {
        return main.charts().flowChart().timeAxis().getTickLabelFont();
    }

    private Font legendFont() {
        return main.charts().flowChart().chart().getLegend().getItemFont();
    }

    private Font markerLabelFont() {
        java.util.Collection<?> markers = main.charts().flowChart().subplots().get(0)
                .getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        return markers.stream().map(m -> (org.jfree.chart.plot.Marker) m).filter(m -> m.getLabel() != null)
                .findFirst().orElseThrow().getLabelFont();
    }

    private float lineWidth() {
        return ((java.awt.BasicStroke) main.charts().flowChart().subplots().get(1).getRenderer().getSeriesStroke(0)).getLineWidth();
    }

    private double rowHeight() {
        return main.eventLog().table().lookupAll(".table-row-cell").stream().mapToDouble(n -> n.getLayoutBounds().getHeight())
                .filter(h -> h > 0).max().orElse(0);
    }

    @Test
    void at1280x720And1600x1000EveryRegionStaysUsable(FxRobot robot) throws Exception {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.runs().setSpeed(10.0);
            main.model().presentationModeProperty().set(true);
        });
        robot.clickOn("#runButton");
        waitFor(robot, "20 events in the log", m -> m.frameData().log().size() > 20);
        robot.clickOn("#pauseButton");
        assertUsable(robot, HEIGHT);
        robot.interact(() -> {
            scene.getWindow().setWidth(1600);
            scene.getWindow().setHeight(1000);
        });
        assertUsable(robot, 1000);
    }

    @Test
    void aShortWindowInNormalModeAlsoPutsTheLogBesideTheCharts(FxRobot robot) throws Exception {
        robot.interact(() -> {
            main.loadPreset("seed-buggy");
            main.runs().setSpeed(10.0);
        });
        robot.clickOn("#runButton");
        waitFor(robot, "20 events in the log", m -> m.frameData().log().size() > 20);
        robot.clickOn("#pauseButton");
        assertUsable(robot, HEIGHT);
        robot.interact(() -> assertTrue(shownOnScreen(main.knobs().control(tcpflowlab.scenario.ScenarioField.SERVER_SEND_GAP)),
                "normal mode keeps every knob"));
    }

    private void assertUsable(FxRobot robot, double height) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> main.charts().onFrame());
        robot.interact(() -> {
            assertEquals(height, scene.getHeight(), 0.5);
            VirtualFlow<?> flow = (VirtualFlow<?>) main.eventLog().table().lookup(".virtual-flow");
            int rows = (int) Math.floor(flow.getHeight() / rowHeight());
            assertTrue(rows >= 5, "log rows in view: " + rows);

            FlowChart chart = main.charts().flowChart();
            ChartRenderingInfo info = render(main.charts());
            List<XYPlot> rowsOnScreen = chart.visibleRows();
            // the rows, then the flow-limit strip under them
            assertEquals(rowsOnScreen.size() + 1, info.getPlotInfo().getSubplotCount());
            double strip = info.getPlotInfo().getSubplotInfo(rowsOnScreen.size()).getDataArea().getHeight();
            assertTrue(strip >= 10, "the flow-limit strip is " + strip + " px tall");
            Graphics fonts = new Graphics();
            for (int i = 0; i < rowsOnScreen.size(); i++) {
                double h = info.getPlotInfo().getSubplotInfo(i).getDataArea().getHeight();
                assertTrue(h >= 120, "chart row " + i + " is " + h + " px tall");
                XYPlot plot = rowsOnScreen.get(i);
                for (int a = 0; a < plot.getRangeAxisCount(); a++) {
                    ValueAxis axis = plot.getRangeAxis(a);
                    double title = fonts.width(axis.getLabel(), axis.getLabelFont());
                    assertTrue(title <= h, "axis title '" + axis.getLabel() + "' (" + title + " px) fits its " + h + " px row");
                }
            }

            assertEquals("Model", shown((ComboBox<?>) scene.lookup("#engineBox")), "the Engine box shows its value");
            ComboBox<?> speed = (ComboBox<?>) scene.lookup("#speedBox");
            assertEquals(speed.getValue(), shown(speed), "the Speed box shows its value");

            List<String> columns = main.eventLog().table().getVisibleLeafColumns().stream().map(TableColumn::getText).toList();
            assertTrue(columns.containsAll(List.of("time (s)", "side", "event", "errno")), columns.toString());
            TableColumn<?, ?> time = main.eventLog().table().getVisibleLeafColumns().get(0);
            Text sample = new Text("14.975664");
            sample.setFont(javafx.scene.text.Font.font(main.model().presentationModeProperty().get()
                    ? main.model().presentationFontSizeProperty().get() : ChartStyle.NORMAL.fontSize()));
            double text = sample.getLayoutBounds().getWidth();
            assertTrue(time.getWidth() >= text, "time column " + time.getWidth() + " px for " + text + " px of text");
            assertTrue(main.knobs().readSizeField().isVisible(), "the story's knobs stay");
            javafx.scene.Node gap = main.knobs().control(tcpflowlab.scenario.ScenarioField.SERVER_SEND_GAP);
            assertEquals(!main.model().presentationModeProperty().get(), shownOnScreen(gap),
                    "the other knobs only outside presentation mode");
        });
    }

    /** Lays the charts out as the view draws them, at the view's size, and says where each row went. */
    private static ChartRenderingInfo render(ChartPanelController charts) {
        charts.viewer().renderer().awaitIdle();
        ChartRenderingInfo info = new ChartRenderingInfo();
        var g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        charts.flowChart().chart().draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, charts.viewer().getWidth(),
                charts.viewer().getHeight()), null, info);
        g2.dispose();
        return info;
    }

    private static boolean shownOnScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** What a combo box's button actually displays (an ellipsis when its value does not fit). */
    private static String shown(ComboBox<?> box) {
        ListCell<?> cell = ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) box.getSkin()).getDisplayNode() instanceof ListCell<?> c
                ? c : null;
        StringBuilder seen = new StringBuilder();
        for (Node n : cell.lookupAll(".text")) {
            if (n instanceof Text t && t.getParent() == cell) {
                return t.getText();
            }
            seen.append(n).append(' ');
        }
        return cell.getText() + " (" + seen + ")";
    }

    /** Text widths as Java2D measures them for the charts. */
    private static final class Graphics {
        private final java.awt.Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();

        double width(String text, Font font) {
            return g.getFontMetrics(font).stringWidth(text);
        }
    }

    @Test
    void aRedrawStillScheduledWhenTheWindowClosesIsDropped(FxRobot robot) {
        Throwable[] failure = new Throwable[1];
        Thread.UncaughtExceptionHandler[] before = new Thread.UncaughtExceptionHandler[1];
        robot.interact(() -> {
            before[0] = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> failure[0] = e);
            ChartImageRenderer renderer = new ChartImageRenderer(new FlowChart(main.frameData().history()).chart(), r -> { });
            renderer.resize(200, 100, 1); // schedules a redraw on the FX thread
            renderer.close();
        });
        WaitForAsyncUtils.waitForFxEvents(); // the redraw's turn comes after the close
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(before[0]));
        assertEquals(null, failure[0], "a redraw after close");
    }
}
