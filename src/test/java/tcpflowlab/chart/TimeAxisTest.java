package tcpflowlab.chart;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run-time axis reads in plain seconds, or plain milliseconds below a second of view. */
class TimeAxisTest {
    /** The tick labels the axis draws for [from, to] seconds on a plot 1000 px wide. */
    static List<String> ticks(TimeAxis axis, double from, double to) {
        axis.setRange(from, to);
        BufferedImage image = new BufferedImage(1200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            List<?> ticks = axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(100, 0, 1000, 150), RectangleEdge.BOTTOM);
            return ticks.stream().map(t -> ((ValueTick) t).getText()).filter(t -> t != null && !t.isEmpty())
                    .map(String.class::cast).toList();
        } finally {
            g.dispose();
        }
    }

    static void assertPlain(List<String> labels) {
        assertTrue(labels.size() >= 3, "ticks: " + labels);
        for (String l : labels) {
            assertTrue(l.matches("\\d+(\\.\\d+)?"), "plain number, got '" + l + "' in " + labels);
        }
    }

    @Test
    void aTinySpanReadsInMillisecondsNotExponents() {
        TimeAxis axis = new TimeAxis();
        List<String> labels = ticks(axis, 0, 0.0002); // what a few Steps used to show as 0E0, 5E-5
        assertPlain(labels);
        assertTrue(labels.size() <= 12, "readable, not crowded: " + labels);
        assertEquals(TimeAxis.MILLISECONDS, axis.getLabel());
        assertTrue(labels.contains("0.05") || labels.contains("0.02") || labels.contains("0.1"), labels.toString());
        assertTrue(labels.stream().allMatch(l -> Double.parseDouble(l) <= 0.2), "milliseconds: " + labels);
    }

    @Test
    void aSecondOrMoreReadsInSeconds() {
        TimeAxis axis = new TimeAxis();
        List<String> labels = ticks(axis, 0, 30);
        assertPlain(labels);
        assertEquals(TimeAxis.SECONDS, axis.getLabel());
        assertTrue(labels.contains("10") || labels.contains("10.0"), labels.toString());
        assertPlain(ticks(axis, 2, 3));
        assertEquals(TimeAxis.SECONDS, axis.getLabel());
        List<String> late = ticks(axis, 12.3456, 12.3466);
        assertPlain(late);
        assertEquals(TimeAxis.MILLISECONDS, axis.getLabel());
        assertTrue(Double.parseDouble(late.get(0)) >= 12345.6, "ms since the start: " + late);
    }

    @Test
    void decimalsFollowTheTickStep() {
        assertEquals("0.05", TimeAxis.plain(0.05000000000000001, 0.05));
        assertEquals("12", TimeAxis.plain(12.000000001, 2));
        assertEquals("0.25", TimeAxis.plain(0.25, 0.25));
        assertEquals("0.0", TimeAxis.plain(-1e-12, 0.5), "no minus zero");
    }
}
