package tcpflowlab.chart;

import org.junit.jupiter.api.Test;
import tcpflowlab.chart.EventMarkers.ZeroWindowSpan;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZeroWindowPeriodsTest {
    private static TcpEvent at(double seconds, Side side, EventKind kind) {
        return new TcpEvent(Math.round(seconds * 1e9), side, kind, null, 0, 1, "");
    }

    @Test
    void aPeriodRunsFromTheClientsZeroWindowToItsWindowUpdate() {
        List<ZeroWindowSpan> spans = ZeroWindowPeriods.of(List.of(
                at(1, Side.CLIENT, EventKind.ZERO_WINDOW),
                at(1.5, Side.CLIENT, EventKind.ZERO_WINDOW), // still the same period
                at(2, Side.SERVER, EventKind.WINDOW_UPDATE), // the server's window is not the client's
                at(3, Side.CLIENT, EventKind.WINDOW_UPDATE),
                at(4, Side.CLIENT, EventKind.WINDOW_UPDATE))); // no period open: nothing
        assertEquals(List.of(new ZeroWindowSpan(1, 3)), spans);
    }

    @Test
    void aResetADisconnectOrTheEndCloseAPeriodAndAnOpenOneEndsAtNaN() {
        List<ZeroWindowSpan> spans = ZeroWindowPeriods.of(List.of(
                at(1, Side.CLIENT, EventKind.ZERO_WINDOW), at(2, Side.SERVER, EventKind.RST_SENT),
                at(3, Side.CLIENT, EventKind.ZERO_WINDOW), at(4, Side.CLIENT, EventKind.DISCONNECT),
                at(5, Side.CLIENT, EventKind.ZERO_WINDOW), at(6, Side.SERVER, EventKind.RUN_END),
                at(7, Side.CLIENT, EventKind.ZERO_WINDOW)));
        assertEquals(4, spans.size());
        assertEquals(new ZeroWindowSpan(1, 2), spans.get(0));
        assertEquals(new ZeroWindowSpan(3, 4), spans.get(1));
        assertEquals(new ZeroWindowSpan(5, 6), spans.get(2));
        assertEquals(7, spans.get(3).start());
        assertTrue(Double.isNaN(spans.get(3).end()), "still open");
    }

    @Test
    void keepsOnlyTheNewestPeriodsAndClearForgetsAll() {
        ZeroWindowPeriods periods = new ZeroWindowPeriods(2);
        for (int i = 0; i < 5; i++) {
            periods.add(at(2 * i, Side.CLIENT, EventKind.ZERO_WINDOW));
            periods.add(at(2 * i + 1, Side.CLIENT, EventKind.WINDOW_UPDATE));
        }
        assertEquals(List.of(new ZeroWindowSpan(6, 7), new ZeroWindowSpan(8, 9)), periods.spans());
        periods.add(at(10, Side.CLIENT, EventKind.ZERO_WINDOW));
        periods.clear();
        assertTrue(periods.spans().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new ZeroWindowPeriods(0));
    }

    @Test
    void totalTimeCountsPeriodsNoLongerKeptAndAnOpenOneToTheEnd() {
        ZeroWindowPeriods periods = new ZeroWindowPeriods(1);
        periods.add(at(1, Side.CLIENT, EventKind.ZERO_WINDOW));
        periods.add(at(1.5, Side.CLIENT, EventKind.WINDOW_UPDATE));
        periods.add(at(2, Side.CLIENT, EventKind.ZERO_WINDOW));
        periods.add(at(3, Side.CLIENT, EventKind.WINDOW_UPDATE));
        assertEquals(1.5, periods.totalSeconds(10), 1e-9, "both closed periods, though only one is kept");
        periods.add(at(8, Side.CLIENT, EventKind.ZERO_WINDOW));
        assertEquals(3.5, periods.totalSeconds(10), 1e-9, "the open one counts to the end");
        periods.clear();
        assertEquals(0, periods.totalSeconds(10), 1e-9);
    }
}
