package tcpflowlab.ui;

import org.junit.jupiter.api.Test;
import tcpflowlab.sweep.SweepMetric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Sweep view's progress line and a cell's values as the view writes them. */
class SweepProgressTest {
    @Test
    void progressSaysCellsDoneRateAndTimeLeft() {
        SweepProgress p = new SweepProgress(10, 40, 5_000_000_000L);
        assertEquals(2.0, p.cellsPerSecond(), 1e-12);
        assertEquals(15.0, p.secondsLeft(), 1e-9);
        assertEquals("10 / 40 cells · 2.0 cells/s · 15 s left", p.text());
        assertEquals("0 / 40 cells", new SweepProgress(0, 40, 1_000_000_000L).text());
        assertEquals("40 / 40 cells · 4.0 cells/s", new SweepProgress(40, 40, 10_000_000_000L).text());
    }

    @Test
    void aStoppedSweepsSummaryTellsNoTimeLeft() {
        assertEquals("10 / 40 cells · 2.0 cells/s", new SweepProgress(10, 40, 5_000_000_000L).summary());
        assertEquals("0 / 40 cells", new SweepProgress(0, 40, 5_000_000_000L).summary());
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("45 s", SweepProgress.duration(44.6));
        assertEquals("2 min 05 s", SweepProgress.duration(125));
        assertEquals("1 h 02 min", SweepProgress.duration(3720));
    }

    @Test
    void aCellsValuesReadShortButItsScenarioKeepsThemExact() {
        tcpflowlab.sweep.SweepSpec spec = tcpflowlab.chart.SweepResults.spec("client.readSize=10,4096",
                "client.processingDelayMs=0..50:20");
        int index = 12; // read size 10, the 13th delay: 50 * 12 / 19 ms
        assertEquals("client.readSize=10, client.processingDelayMs=31.579", SweepCellText.values(spec, index));
        assertEquals("client.readSize=4096, client.processingDelayMs=0", SweepCellText.values(spec, 20));
        assertEquals(50.0 * 12 / 19, spec.scenarioOf(index, new tcpflowlab.scenario.ScenarioCodec()).client().processingDelayMs(), 1e-12);
    }

    @Test
    void metricValuesCarryTheirUnitAndSayNeverOrCannotTell() {
        assertEquals("never", SweepCellText.value(SweepMetric.FIRST_RST, Double.NaN));
        assertEquals("cannot tell", SweepCellText.value(SweepMetric.LIMIT_LINK, Double.NaN));
        assertEquals("3.412 s", SweepCellText.value(SweepMetric.FIRST_RST, 3.4121));
        assertEquals("25.0 %", SweepCellText.value(SweepMetric.ZERO_WINDOW_SHARE, 0.25));
        assertEquals("1,234 B/s", SweepCellText.value(SweepMetric.GOODPUT, 1234.4));
        assertEquals("7", SweepCellText.value(SweepMetric.MESSAGES_LOST, 7));
    }
}
