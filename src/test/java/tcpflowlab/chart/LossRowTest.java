package tcpflowlab.chart;

import org.junit.jupiter.api.Test;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loss chart's marks, its series where the count is unknown, and the note that says so. */
class LossRowTest {
    private static Sample sample(long ms, long dropped, long lost) {
        return new Sample(ms * 1_000_000L, 0, 4096, 0, 4096, 100, 0, 0, 0, 0, 0, 0, dropped, lost);
    }

    @Test
    void marksTheStartOfEachDropAndEachStepOfLostOnReset() {
        LossMarks marks = new LossMarks(10);
        marks.add(sample(1, 0, 0));
        marks.add(new TcpEvent(2_000_000, Side.SERVER, EventKind.DROP, Errno.EAGAIN, 13, 1, "dropping"));
        marks.add(sample(2, 5, 0));
        marks.add(sample(3, 9, 0));
        marks.add(new TcpEvent(4_000_000, Side.SERVER, EventKind.DROP, null, 117, 1, "9 messages were dropped"));
        marks.add(sample(5, 9, 0));
        marks.add(sample(6, 9, 51_004));
        marks.add(sample(7, 9, 51_004));
        marks.add(sample(8, 9, 51_010));
        List<LossMarks.Mark> m = marks.marks();
        assertEquals(3, m.size(), m.toString());
        assertEquals(LossMarks.Kind.DROPPING, m.get(0).kind());
        assertEquals(0.002, m.get(0).time(), 1e-12);
        assertEquals("+51,004 lost", m.get(1).label());
        assertEquals("+6 lost", m.get(2).label());
    }

    @Test
    void anUnknownLostCountDrawsNoLineScalesNothingAndTheChartSaysSo() {
        SampleHistory h = new SampleHistory(1 << 10, 64, 0.001);
        for (int i = 0; i < 500; i++) {
            h.add(sample(i, i * 3L, Sample.UNKNOWN));
        }
        FlowChart chart = new FlowChart(h);
        chart.beginFrame();
        chart.show(0, 0.5, 100); // an envelope: more samples than pixel columns
        chart.losses().show(List.of(), 0, 0.5, !Double.isNaN(h.latest(SampleColumn.MESSAGES_LOST)));
        chart.endFrame();
        assertTrue(chart.losses().showsUnknownNote());
        chart.chart().draw(new BufferedImage(800, 900, BufferedImage.TYPE_INT_RGB).createGraphics(),
                new java.awt.Rectangle(0, 0, 800, 900));
        var axis = chart.losses().axis();
        assertTrue(Double.isFinite(axis.getUpperBound()) && axis.getUpperBound() >= 1497,
                "the axis scales to the dropped count: " + axis.getRange());
        chart.losses().show(List.of(), 0, 0.5, true);
        assertFalse(chart.losses().showsUnknownNote(), "a known count needs no note");
    }
}
