package tcpflowlab.chart;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.Test;
import tcpflowlab.engine.Outcome;
import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepMetric;
import tcpflowlab.sweep.SweepPlot;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sweep.SweepResult;
import tcpflowlab.sweep.SweepRunner;
import tcpflowlab.sweep.SweepSpec;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutcomeMapTest {
    private static final String READ = "client.readSize=10..65536:log:6";
    private static final String DELAY = "client.processingDelayMs=0..50:5";
    private static final String STRATEGY = "client.strategy=FIXED_READ,DRAIN";

    /** A drawn map: the image and where everything went. */
    private record Drawn(BufferedImage image, ChartRenderingInfo info) {
        Color at(double x, double y) {
            return new Color(image.getRGB((int) Math.round(x), (int) Math.round(y)));
        }
    }

    private static Drawn draw(OutcomeMap map) {
        BufferedImage image = new BufferedImage(1400, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        map.chart().draw(g2, new Rectangle(0, 0, 1400, 800), info);
        g2.dispose();
        return new Drawn(image, info);
    }

    private static List<String> legendLabels(OutcomeMap map) {
        LegendItemCollection items = map.chart().getXYPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }

    @Test
    void twoFieldsMakeOneHeatmapWithALogAxisAcrossAndALinearAxisUp() {
        OutcomeMap map = OutcomeMap.of(SweepResults.complete(SweepResults.spec(READ, DELAY)), SweepPlot.OUTCOME, ChartStyle.NORMAL);
        XYPlot plot = map.chart().getXYPlot();
        assertFalse(plot instanceof CombinedRangeXYPlot);
        assertEquals(1, map.panelCount());
        LogAxis across = assertInstanceOf(LogAxis.class, plot.getDomainAxis());
        assertEquals("read size (B)", across.getLabel());
        assertEquals("processing delay (ms)", plot.getRangeAxis().getLabel());
        assertFalse(plot.getRangeAxis() instanceof LogAxis);
        // the edges of a log range are geometric midpoints: the outer blocks as wide (in ratio) as the inner ones
        double ratio = Math.pow(65536 / 10.0, 1 / 5.0);
        assertEquals(10 / Math.sqrt(ratio), across.getLowerBound(), 0.2);
        assertEquals(65536 * Math.sqrt(ratio), across.getUpperBound(), 65536 * 0.01);
        assertEquals(-6.25, plot.getRangeAxis().getLowerBound(), 1e-9);
        assertEquals(56.25, plot.getRangeAxis().getUpperBound(), 1e-9);
        assertEquals(12.5, ((NumberAxis) plot.getRangeAxis()).getTickUnit().getSize(), 1e-9, "ticks on the values");
    }

    @Test
    void theOutcomeLegendNamesTheFourClassesInTheirColours() {
        OutcomeMap map = OutcomeMap.of(SweepResults.complete(SweepResults.spec(READ, DELAY)), SweepPlot.OUTCOME, ChartStyle.NORMAL);
        assertEquals(List.of("RESET (R)", "LOSSY (L)", "STALLED (S)", "CLEAN (C)"), legendLabels(map));
        LegendItemCollection items = map.chart().getXYPlot().getLegendItems();
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            LegendItem item = items.get(i);
            assertEquals(OutcomeStyle.values()[i].color(), item.getFillPaint());
            colours.add((Color) item.getFillPaint());
        }
        assertEquals(4, colours.stream().distinct().count());
    }

    @Test
    void everyBlockIsInItsClassColourAndItsCentreLeadsBackToItsCell() {
        SweepSpec spec = SweepResults.spec(READ, DELAY);
        SweepResult result = SweepResults.complete(spec);
        OutcomeMap map = OutcomeMap.of(result, SweepPlot.OUTCOME, ChartStyle.NORMAL);
        Drawn drawn = draw(map);
        for (CellResult cell : result.cells()) {
            Rectangle2D block = map.blockOf(cell.index(), drawn.info()).orElseThrow();
            assertTrue(block.getWidth() > 20 && block.getHeight() > 20, "block " + block);
            Point2D centre = new Point2D.Double(block.getCenterX(), block.getCenterY());
            assertEquals(Optional.of(cell), map.cellAt(centre, drawn.info()), "cell " + cell.index());
            // off the centre, where the class initial is not printed
            assertEquals(OutcomeStyle.of(cell.outcome()).color(),
                    drawn.at(block.getX() + 4, block.getY() + 4), "cell " + cell.index() + " " + cell.outcome());
        }
        Rectangle2D area = drawn.info().getPlotInfo().getDataArea();
        assertEquals(Optional.empty(), map.cellAt(new Point2D.Double(area.getMinX() - 5, area.getCenterY()), drawn.info()));
    }

    @Test
    void theFirstFieldRunsAcrossTheSecondUp() {
        SweepSpec spec = SweepResults.spec(READ, DELAY);
        OutcomeMap map = OutcomeMap.of(SweepResults.complete(spec), SweepPlot.OUTCOME, ChartStyle.NORMAL);
        Drawn drawn = draw(map);
        Rectangle2D first = map.blockOf(0, drawn.info()).orElseThrow();
        Rectangle2D nextDelay = map.blockOf(1, drawn.info()).orElseThrow();
        Rectangle2D nextRead = map.blockOf(5, drawn.info()).orElseThrow();
        assertEquals(first.getX(), nextDelay.getX(), 1e-6);
        assertTrue(nextDelay.getY() < first.getY(), "a larger delay is higher up");
        assertEquals(first.getY(), nextRead.getY(), 1e-6);
        assertTrue(nextRead.getX() > first.getX(), "a larger read size is further right");
    }

    @Test
    void threeFieldsMakeOneTitledHeatmapPerValueOfTheThird() {
        SweepSpec spec = SweepResults.spec(READ, DELAY, STRATEGY);
        SweepResult result = SweepResults.complete(spec);
        OutcomeMap map = OutcomeMap.of(result, SweepPlot.OUTCOME, ChartStyle.NORMAL);
        CombinedRangeXYPlot combined = assertInstanceOf(CombinedRangeXYPlot.class, map.chart().getXYPlot());
        assertEquals(2, combined.getSubplots().size());
        assertEquals(2, map.panelCount());
        XYPlot drain = combined.getSubplots().get(1);
        assertEquals("client.strategy = DRAIN", drain.getDomainAxis(1).getLabel());
        assertInstanceOf(LogAxis.class, drain.getDomainAxis());
        Drawn drawn = draw(map);
        for (int i : new int[] {0, 7, 31, 40, spec.cellCount() - 1}) {
            Rectangle2D block = map.blockOf(i, drawn.info()).orElseThrow();
            assertEquals(Optional.of(result.cells().get(i)),
                    map.cellAt(new Point2D.Double(block.getCenterX(), block.getCenterY()), drawn.info()));
        }
        // DRAIN is the second value of the fastest axis: its cells are odd-numbered and drawn on the right
        assertTrue(map.blockOf(1, drawn.info()).orElseThrow().getX() > map.blockOf(0, drawn.info()).orElseThrow().getMaxX());
    }

    @Test
    void smallMultiplesShareOneColourScaleOverEveryPanel() {
        SweepSpec spec = SweepResults.spec(READ, DELAY, STRATEGY);
        OutcomeMap map = OutcomeMap.of(SweepResults.complete(spec), SweepPlot.of(SweepMetric.PROBES), ChartStyle.NORMAL);
        List<PaintScaleLegend> scales = map.chart().getSubtitles().stream()
                .filter(PaintScaleLegend.class::isInstance).map(PaintScaleLegend.class::cast).toList();
        assertEquals(1, scales.size());
        // the made-up metric is the cell number: the scale spans both panels' cells
        assertEquals(0, scales.get(0).getScale().getLowerBound());
        assertEquals(spec.cellCount() - 1, scales.get(0).getScale().getUpperBound());
        Drawn drawn = draw(map);
        Rectangle2D last = map.blockOf(spec.cellCount() - 1, drawn.info()).orElseThrow();
        assertEquals(scales.get(0).getScale().getPaint(spec.cellCount() - 1), drawn.at(last.getCenterX(), last.getCenterY()));
    }

    @Test
    void beforeTheChartIsDrawnNoPixelIsACellAndNoCellHasABlock() {
        for (SweepSpec spec : List.of(SweepResults.spec(READ, DELAY, STRATEGY), SweepResults.spec(READ, DELAY))) {
            OutcomeMap map = OutcomeMap.of(SweepResults.complete(spec), SweepPlot.OUTCOME, ChartStyle.NORMAL);
            ChartRenderingInfo none = new ChartRenderingInfo();
            assertEquals(Optional.empty(), map.cellAt(new Point2D.Double(300, 300), none));
            assertTrue(map.blockOf(0, none).map(Rectangle2D::isEmpty).orElse(true));
            assertEquals(Optional.empty(), map.blockOf(spec.cellCount(), draw(map).info()));
        }
    }

    @Test
    void moreThanThreeFieldsCannotBeDrawnAndTheMessageSaysWhich() {
        SweepSpec spec = SweepResults.spec("client.readSize=10,20", DELAY, STRATEGY, "run.seed=1,2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutcomeMap.of(SweepResults.complete(spec), SweepPlot.OUTCOME, ChartStyle.NORMAL));
        assertTrue(e.getMessage().contains("at most 3"), e.getMessage());
        assertTrue(e.getMessage().contains("run.seed"), e.getMessage());
    }

    @Test
    void oneFieldOfOutcomesIsAStripOfBlocks() {
        SweepSpec spec = SweepResults.spec(STRATEGY);
        SweepResult result = SweepResults.result(spec, 0, 2, i -> i == 0 ? Outcome.RESET : Outcome.CLEAN);
        OutcomeMap map = OutcomeMap.of(result, SweepPlot.OUTCOME, ChartStyle.NORMAL);
        XYPlot plot = map.chart().getXYPlot();
        SymbolAxis across = assertInstanceOf(SymbolAxis.class, plot.getDomainAxis());
        assertEquals(List.of("FIXED_READ", "DRAIN"), List.of(across.getSymbols()));
        assertFalse(plot.getRangeAxis().isVisible());
        Drawn drawn = draw(map);
        Rectangle2D drain = map.blockOf(1, drawn.info()).orElseThrow();
        assertEquals(OutcomeStyle.CLEAN.color(), drawn.at(drain.getX() + 4, drain.getY() + 4));
        assertEquals(Optional.of(result.cells().get(1)),
                map.cellAt(new Point2D.Double(drain.getCenterX(), drain.getCenterY()), drawn.info()));
    }

    @Test
    void oneFieldOfAMetricIsALineWithNeverCellsGreyAndExplained() {
        SweepSpec spec = SweepResults.spec(READ);
        OutcomeMap map = OutcomeMap.of(SweepResults.complete(spec), SweepPlot.of(SweepMetric.FIRST_RST), ChartStyle.NORMAL);
        XYPlot plot = map.chart().getXYPlot();
        assertInstanceOf(XYLineAndShapeRenderer.class, plot.getRenderer());
        assertInstanceOf(LogAxis.class, plot.getDomainAxis());
        assertEquals("first RST (s)", plot.getRangeAxis().getLabel());
        assertEquals(List.of("never"), legendLabels(map));
        assertEquals(3, plot.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND).size(), "cells 0, 2 and 4 never saw an RST");
        Drawn drawn = draw(map);
        Rectangle2D band = map.blockOf(3, drawn.info()).orElseThrow();
        assertEquals(SweepResults.complete(spec).cells().get(3),
                map.cellAt(new Point2D.Double(band.getCenterX(), band.getCenterY()), drawn.info()).orElseThrow());
    }

    @Test
    void aMetricHeatmapHasAColourScaleWithTheUnitAndNeverCellsInNeutralGrey() {
        SweepSpec spec = SweepResults.spec(READ, DELAY);
        SweepResult result = SweepResults.complete(spec);
        OutcomeMap map = OutcomeMap.of(result, SweepPlot.of(SweepMetric.FIRST_RST), ChartStyle.NORMAL);
        PaintScaleLegend scale = (PaintScaleLegend) map.chart().getSubtitles().stream()
                .filter(PaintScaleLegend.class::isInstance).findFirst().orElseThrow();
        assertEquals("first RST (s)", scale.getAxis().getLabel());
        assertEquals(0.1, scale.getScale().getLowerBound(), 1e-9);
        assertEquals(2.9, scale.getScale().getUpperBound(), 1e-9);
        assertEquals(List.of("never"), legendLabels(map));
        Drawn drawn = draw(map);
        Rectangle2D never = map.blockOf(0, drawn.info()).orElseThrow();
        Rectangle2D low = map.blockOf(1, drawn.info()).orElseThrow();
        Rectangle2D high = map.blockOf(29, drawn.info()).orElseThrow();
        assertEquals(OutcomeStyle.NEVER, drawn.at(never.getCenterX(), never.getCenterY()));
        Color lowColour = drawn.at(low.getCenterX(), low.getCenterY());
        Color highColour = drawn.at(high.getCenterX(), high.getCenterY());
        assertEquals(scale.getScale().getPaint(0.1), lowColour);
        assertEquals(scale.getScale().getPaint(2.9), highColour);
        assertNotEquals(lowColour, highColour);
        assertNotEquals(OutcomeStyle.NEVER, lowColour);
    }

    @Test
    void sharesAreOnAFixedZeroToOneScale() {
        SweepSpec spec = SweepResults.spec(READ, DELAY);
        OutcomeMap map = OutcomeMap.of(SweepResults.result(spec, 0, 3, i -> Outcome.CLEAN),
                SweepPlot.of(SweepMetric.ZERO_WINDOW_SHARE), ChartStyle.NORMAL);
        PaintScaleLegend scale = (PaintScaleLegend) map.chart().getSubtitles().stream()
                .filter(PaintScaleLegend.class::isInstance).findFirst().orElseThrow();
        assertEquals(0, scale.getScale().getLowerBound());
        assertEquals(1, scale.getScale().getUpperBound());
    }

    @Test
    void aPartialResultDrawsCellsNotRunPaleAndUpdatingFillsThemIn() {
        SweepSpec spec = SweepResults.spec(READ, DELAY);
        SweepResult partial = SweepResults.result(spec, 0, 10, i -> Outcome.RESET);
        OutcomeMap map = OutcomeMap.of(partial, SweepPlot.OUTCOME, ChartStyle.NORMAL);
        assertTrue(legendLabels(map).contains("not run yet"));
        assertTrue(map.chart().getTitle().getText().contains("10 of 30 cells"), map.chart().getTitle().getText());
        Drawn drawn = draw(map);
        Rectangle2D notRun = map.blockOf(20, drawn.info()).orElseThrow();
        Point2D centre = new Point2D.Double(notRun.getCenterX(), notRun.getCenterY());
        assertEquals(OutcomeStyle.NOT_RUN, drawn.at(centre.getX(), centre.getY()));
        assertEquals(Optional.empty(), map.cellAt(centre, drawn.info()));

        JFreeChart before = map.chart();
        map.update(SweepResults.result(spec, 0, 30, i -> Outcome.LOSSY));
        assertTrue(before == map.chart(), "the same chart is refilled");
        assertFalse(legendLabels(map).contains("not run yet"));
        Drawn after = draw(map);
        assertEquals(OutcomeStyle.LOSSY.color(), after.at(notRun.getX() + 4, notRun.getY() + 4));
        assertEquals(20, map.cellAt(centre, after.info()).orElseThrow().index());
    }

    @Test
    void aRealSweepDrawsTheStorysResetAndCleanCells() throws Exception {
        SweepSpec seed = SweepResults.spec("client.readSize=10,4096", "client.processingDelayMs=5");
        SweepSpec spec = new SweepSpec(new ScenarioCodec().withOverrides(seed.base(), List.of("run.durationS=5")), seed.axes());
        SweepRunner runner = new SweepRunner(spec, new ScenarioCodec());
        SweepResult result = runner.run(runner.allCells(), 1, c -> { }, () -> false);
        OutcomeMap map = OutcomeMap.of(result, SweepPlot.OUTCOME, ChartStyle.NORMAL);
        Drawn drawn = draw(map);
        Rectangle2D small = map.blockOf(0, drawn.info()).orElseThrow();
        Rectangle2D large = map.blockOf(1, drawn.info()).orElseThrow();
        assertTrue(large.getX() > small.getMaxX() - 1, "read size runs across");
        assertEquals(OutcomeStyle.RESET.color(), drawn.at(small.getX() + 4, small.getY() + 4), "10 B reads at 5 ms: reset");
        assertEquals(OutcomeStyle.CLEAN.color(), drawn.at(large.getX() + 4, large.getY() + 4), "4096 B reads at 5 ms: clean");
    }

    @Test
    void anUpdateForAnotherSweepIsRefused() {
        OutcomeMap map = OutcomeMap.of(SweepResults.complete(SweepResults.spec(READ, DELAY)), SweepPlot.OUTCOME, ChartStyle.NORMAL);
        assertThrows(IllegalArgumentException.class, () -> map.update(SweepResults.complete(SweepResults.spec(READ))));
    }

    @Test
    void listedNumbersAreCategoriesAndLinearRangesPlainNumbers() {
        OutcomeMap map = OutcomeMap.of(SweepResults.complete(SweepResults.spec("client.readSize=10,100,4096", DELAY)),
                SweepPlot.OUTCOME, ChartStyle.NORMAL);
        XYPlot plot = map.chart().getXYPlot();
        assertEquals(List.of("10", "100", "4096"), List.of(((SymbolAxis) plot.getDomainAxis()).getSymbols()));
        assertInstanceOf(NumberAxis.class, plot.getRangeAxis());
        assertFalse(plot.getRangeAxis() instanceof SymbolAxis);
        NumberAxis uneven = (NumberAxis) OutcomeMap.of(SweepResults.complete(SweepResults.spec(READ, "client.processingDelayMs=0..50:20")),
                SweepPlot.OUTCOME, ChartStyle.NORMAL).chart().getXYPlot().getRangeAxis();
        assertTrue(uneven.isAutoTickUnitSelection(), "steps of 2.632 ms: JFreeChart's round ticks, not ticks on the values");
    }
}
