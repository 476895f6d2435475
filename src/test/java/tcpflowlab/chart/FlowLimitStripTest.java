package tcpflowlab.chart;

import org.jfree.chart.ChartRenderingInfo;
import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.telemetry.FlowLimit;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.TelemetrySink;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strip under the charts: runs of one cause merged, cheap blocks, causes named, and words where nothing is known. */
class FlowLimitStripTest {
    private static Sample at(double seconds, FlowLimit f) {
        return new Sample(Math.round(seconds * 1e9), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, f);
    }

    @Test
    void neighbouringPeriodsOfOneCauseAreOneRun() {
        FlowLimitRuns runs = new FlowLimitRuns();
        runs.add(at(0, FlowLimit.APP)); // the sample at time 0 ends no period
        runs.add(at(1, FlowLimit.APP));
        runs.add(at(2, FlowLimit.APP));
        runs.add(at(3, FlowLimit.RECEIVE_WINDOW));
        runs.add(at(4, FlowLimit.RECEIVE_WINDOW));
        runs.add(at(4, FlowLimit.LINK)); // a closing sample at the same instant covers no time
        assertEquals(2, runs.size());
        assertEquals(FlowLimit.APP, runs.at(0.5));
        assertEquals(FlowLimit.RECEIVE_WINDOW, runs.at(3.5));
        assertNull(runs.at(5));
        assertEquals(List.of(new FlowLimitRuns.Run(0, 2, FlowLimit.APP), new FlowLimitRuns.Run(2, 4, FlowLimit.RECEIVE_WINDOW)),
                runs.blocks(0, 10, 1000));
    }

    @Test
    void keepsABoundedNumberOfRuns() {
        FlowLimitRuns runs = new FlowLimitRuns(8);
        for (int i = 0; i <= 100; i++) {
            runs.add(at(i, i % 2 == 0 ? FlowLimit.APP : FlowLimit.LINK));
        }
        assertTrue(runs.size() <= 8, "runs kept: " + runs.size());
        assertEquals(FlowLimit.APP, runs.at(99.5), "the newest are kept");
    }

    @Test
    void periodsNarrowerThanAPixelColumnDrawAsAboutTwoBlocksPerColumn() {
        FlowLimitRuns runs = new FlowLimitRuns();
        runs.add(at(0, FlowLimit.APP));
        for (int i = 1; i <= 10_000; i++) {
            // 3 periods in 4 are the link: each column of 100 periods shows the link
            runs.add(at(i * 1e-3, i % 4 == 0 ? FlowLimit.APP : FlowLimit.LINK));
        }
        List<FlowLimitRuns.Run> blocks = runs.blocks(0, 10, 100);
        assertTrue(blocks.size() <= 200, "blocks: " + blocks.size());
        assertEquals(Set.of(FlowLimit.LINK), blocks.stream().map(FlowLimitRuns.Run::cause).collect(Collectors.toSet()));
        assertEquals(0, blocks.get(0).start(), 1e-9);
        assertEquals(10, blocks.get(blocks.size() - 1).end(), 1e-9);
    }

    @Test
    void aModelRunsStripHasBlocksOfKnownCausesUnderTheRowsWithALegend() {
        FlowChart chart = seedBuggyChart();
        List<FlowLimitRuns.Run> blocks = chart.limits().blocks();
        Set<FlowLimit> causes = blocks.stream().map(FlowLimitRuns.Run::cause).collect(Collectors.toSet());
        assertTrue(causes.contains(FlowLimit.APP) && causes.contains(FlowLimit.RECEIVE_WINDOW), causes::toString);
        assertTrue(blocks.size() < 1600, "blocks: " + blocks.size());
        assertEquals("", chart.limits().note());

        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        var g2 = image.createGraphics();
        chart.chart().draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, 1200, 800), null, info);
        g2.dispose();
        int rows = chart.visibleRows().size();
        assertEquals(rows + 1, info.getPlotInfo().getSubplotCount(), "the strip is a row of the chart");
        var strip = info.getPlotInfo().getSubplotInfo(rows).getDataArea();
        var last = info.getPlotInfo().getSubplotInfo(rows - 1).getDataArea();
        assertTrue(strip.getMinY() >= last.getMaxY(), "under the rows");
        assertEquals(last.getMinX(), strip.getMinX(), 0.5, "on the same time axis");
        assertEquals(last.getWidth(), strip.getWidth(), 0.5, "on the same time axis");
        assertTrue(strip.getHeight() >= 12 && strip.getHeight() < last.getHeight(), "strip " + strip.getHeight() + " px");

        // the wide blocks are named inside: white text on the app's purple
        int app = FlowLimitStrip.color(FlowLimit.APP).getRGB();
        int white = 0;
        int purple = 0;
        for (int y = (int) strip.getMinY(); y < strip.getMaxY(); y++) {
            for (int x = (int) strip.getMinX(); x < strip.getMaxX(); x++) {
                int p = image.getRGB(x, y);
                white += p == java.awt.Color.WHITE.getRGB() ? 1 : 0;
                purple += p == app ? 1 : 0;
            }
        }
        assertTrue(purple > 1000 && white > 20, "purple " + purple + ", white " + white);
    }

    /** Three seconds of seed-buggy on the Model, shown on a flow chart. */
    private static FlowChart seedBuggyChart() {
        ScenarioCodec codec = new ScenarioCodec();
        SampleHistory history = new SampleHistory();
        TelemetrySink sink = new TelemetrySink() {
            @Override
            public void onSample(Sample s) {
                history.add(s);
            }
        };
        ModelEngine engine = new ModelEngine(codec.withOverrides(new Presets(codec).load("seed-buggy"),
                List.of("run.durationS=3")), List.of(sink), codec);
        engine.runToEnd();
        FlowChart chart = new FlowChart(history);
        chart.show(0, 3, 800);
        chart.endFrame();
        return chart;
    }

    @Test
    void inPresentationModeTheBandIsTallEnoughForLabelsNearlyAsLargeAsTheAxesText() {
        // the charts' share of a 1280 x 720 projector: the band's labels were half the axes' size
        // there; now at least 80 % of it (labels are drawn at 0.9 of the band's height), which is
        // as tall as the band can be while the rows above keep their 120 px (PresentationModeTest)
        FlowChart chart = seedBuggyChart();
        ChartStyle style = ChartStyle.presentation(20);
        chart.applyStyle(style);
        ChartRenderingInfo info = new ChartRenderingInfo();
        var g2 = new BufferedImage(860, 560, BufferedImage.TYPE_INT_RGB).createGraphics();
        chart.chart().draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, 860, 560), null, info);
        g2.dispose();
        int rows = chart.visibleRows().size();
        double band = info.getPlotInfo().getSubplotInfo(rows).getDataArea().getHeight();
        assertTrue(band * 0.9 >= 0.8 * style.fontSize(), "a " + band + " px band for " + style.fontSize() + " px text");
        assertTrue(band < info.getPlotInfo().getSubplotInfo(rows - 1).getDataArea().getHeight() / 2, "still a band");
        assertEquals(13.5, FlowLimitStrip.bandPixels(540, ChartStyle.NORMAL), 1e-9, "normal mode keeps its thin band");
    }

    @Test
    void aStripWithNothingKnownSaysTheKernelDoesNotReportIt() {
        SampleHistory history = new SampleHistory();
        history.add(at(0, FlowLimit.UNKNOWN));
        history.add(at(0.5, FlowLimit.UNKNOWN));
        history.add(at(1, FlowLimit.UNKNOWN));
        FlowChart chart = new FlowChart(history);
        chart.show(0, 1, 800);
        assertEquals(FlowLimitStrip.NOT_REPORTED, chart.limits().note());
        assertEquals(List.of(new FlowLimitRuns.Run(0, 1, FlowLimit.UNKNOWN)), chart.limits().blocks());
    }

    @Test
    void eachCauseHasItsOwnColour() {
        assertEquals(FlowLimit.values().length, Set.of(FlowLimit.values()).stream().map(FlowLimitStrip::color)
                .collect(Collectors.toSet()).size());
    }
}
