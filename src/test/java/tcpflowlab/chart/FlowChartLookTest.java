package tcpflowlab.chart;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import tcpflowlab.telemetry.Sample;

import java.awt.BasicStroke;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flow charts' look: a colour and dash per series, a legend with swatches, readable scales. */
class FlowChartLookTest {

    /** 2 s of the story's small-buffer case: 128 KiB send buffer, 16 KiB receive buffer, a 4-byte window. */
    private static FlowChart story() {
        SampleHistory h = new SampleHistory();
        for (int i = 0; i <= 2000; i++) {
            long t = i * 1_000_000L;
            h.add(new Sample(t, Math.min(131_072, i * 64L), 131_072, Math.min(8_000, i * 4L), 16_384, 4, 0, t, t / 2, 0));
        }
        FlowChart chart = new FlowChart(h);
        chart.beginFrame();
        chart.show(0, 2);
        chart.endFrame();
        return chart;
    }

    private record Drawn(SeriesStyle style, Paint paint, BasicStroke stroke) {
    }

    private static List<Drawn> drawnSeries(FlowChart chart) {
        List<Drawn> drawn = new ArrayList<>();
        for (XYPlot p : chart.subplots()) {
            for (int d = 0; d < p.getDatasetCount(); d++) {
                var data = (WindowedXYDataset) p.getDataset(d);
                for (int s = 0; s < data.getSeriesCount(); s++) {
                    drawn.add(new Drawn(SeriesStyle.of(data.columns().get(s)), p.getRenderer(d).getSeriesPaint(s),
                            (BasicStroke) p.getRenderer(d).getSeriesStroke(s)));
                }
            }
        }
        return drawn;
    }

    @Test
    void everySeriesHasItsOwnColourAndDash() {
        List<Drawn> drawn = drawnSeries(story());
        assertEquals(SeriesStyle.values().length, drawn.size(), "every series drawn once");
        Set<Paint> paints = new HashSet<>();
        Set<String> looks = new HashSet<>();
        for (Drawn d : drawn) {
            assertEquals(d.style().color(), d.paint(), d.style().name());
            assertTrue(paints.add(d.paint()), "a second series in " + d.paint());
            assertTrue(looks.add(d.paint() + java.util.Arrays.toString(d.stroke().getDashArray())));
        }
        assertTrue(drawn.stream().filter(d -> d.style() == SeriesStyle.SEND_CAPACITY || d.style() == SeriesStyle.RECEIVE_CAPACITY)
                .allMatch(d -> d.stroke().getDashArray() != null), "capacities are dashed");
    }

    @Test
    void theLegendHasAnItemWithALineSwatchForEverySeriesOnScreen() {
        FlowChart chart = story();
        LegendItemCollection items = chart.chart().getPlot().getLegendItems();
        assertNotNull(chart.chart().getLegend());
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            LegendItem item = items.get(i);
            labels.add(item.getLabel());
            assertTrue(item.isLineVisible(), item.getLabel());
            assertNotNull(item.getLine(), item.getLabel());
            SeriesStyle style = List.of(SeriesStyle.values()).stream().filter(s -> s.label().equals(item.getLabel()))
                    .findFirst().orElseThrow();
            assertEquals(style.color(), item.getLinePaint(), "swatch in the series' colour: " + item.getLabel());
        }
        assertEquals(SeriesStyle.values().length, labels.size());
        chart.setSpillShown(false);
        items = chart.chart().getPlot().getLegendItems();
        assertEquals(SeriesStyle.values().length - 1, items.getItemCount(), "no legend item for a hidden row");
        var rows = ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.chart().getPlot()).getSubplots();
        assertEquals(4, rows.size(), "three rows and the flow-limit strip");
        chart.setSpillShown(true);
        rows = ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.chart().getPlot()).getSubplots();
        assertEquals(5, rows.size());
        assertEquals(chart.limits().plot(), rows.get(4), "the strip stays under the spill row");
    }

    @Test
    void theReceiveQueueHasItsOwnAxisBesideTheSendQueue() {
        FlowChart chart = story();
        XYPlot queues = chart.subplots().get(0);
        var send = queues.getRangeAxis(0).getRange();
        var receive = queues.getRangeAxisForDataset(1).getRange();
        assertTrue(send.getUpperBound() >= 131_072, "send axis " + send);
        assertTrue(receive.getUpperBound() >= 16_384 && receive.getUpperBound() < 32_768,
                "the 8 KiB receive queue is read on a scale of its 16 KiB buffer, not 128 KiB: " + receive);
        assertFalse(queues.getRangeAxis(0) == queues.getRangeAxisForDataset(1));
    }

    @Test
    void theWindowAxisReachesTheReceiveBuffersCapacity() {
        FlowChart chart = story();
        var window = chart.subplots().get(1).getRangeAxis().getRange();
        assertTrue(window.getUpperBound() >= 16_384, "a 4-byte window is drawn against 16 KiB: " + window);
    }

    @Test
    void presentationStyleEnlargesEveryFontAndLine() {
        FlowChart chart = story();
        ChartStyle big = ChartStyle.presentation(22);
        chart.applyStyle(big);
        assertEquals(22, chart.timeAxis().getTickLabelFont().getSize());
        assertEquals(22, chart.timeAxis().getLabelFont().getSize());
        for (XYPlot p : chart.subplots()) {
            for (int a = 0; a < p.getRangeAxisCount(); a++) {
                assertEquals(22, p.getRangeAxis(a).getTickLabelFont().getSize());
                assertEquals(22, p.getRangeAxis(a).getLabelFont().getSize());
            }
        }
        assertEquals(22, chart.chart().getLegend().getItemFont().getSize());
        for (Drawn d : drawnSeries(chart)) {
            assertEquals(big.lineWidth(), d.stroke().getLineWidth(), 1e-6);
        }
        assertTrue(big.lineWidth() > ChartStyle.NORMAL.lineWidth());
    }
}
