package tcpflowlab.cli;

import org.junit.jupiter.api.Test;

import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The persist probes of the first zero-window period and their comparison, on made-up events. */
class ProbeComparisonTest {
    private static final long MS = 1_000_000L;

    private static TcpEvent e(long ms, Side side, EventKind kind, int connection) {
        return new TcpEvent(ms * MS, side, kind, null, 0, connection, "");
    }

    private static List<Long> ms(long... values) {
        List<Long> out = new ArrayList<>();
        for (long v : values) {
            out.add(v * MS);
        }
        return out;
    }

    @Test
    void onlyTheFirstPeriodsProbesOnItsConnectionCount() {
        List<TcpEvent> events = new ArrayList<>(List.of(
                e(50, Side.SERVER, EventKind.ZERO_WINDOW_PROBE, 1),   // before any zero window
                e(100, Side.CLIENT, EventKind.ZERO_WINDOW, 1),
                e(300, Side.SERVER, EventKind.ZERO_WINDOW_PROBE, 1),
                e(500, Side.SERVER, EventKind.ZERO_WINDOW_PROBE, 2),  // another connection's
                e(700, Side.SERVER, EventKind.ZERO_WINDOW_PROBE, 1),
                e(1500, Side.SERVER, EventKind.ZERO_WINDOW_PROBE, 1),
                e(1600, Side.CLIENT, EventKind.WINDOW_UPDATE, 1),
                e(2000, Side.CLIENT, EventKind.ZERO_WINDOW, 1),
                e(2200, Side.SERVER, EventKind.ZERO_WINDOW_PROBE, 1)));  // the second period's
        java.util.Collections.reverse(events); // the Live engine's threads may report out of order
        assertEquals(ms(300, 700, 1500), PersistProbes.firstPeriod(events));
        assertEquals(ms(400, 800), PersistProbes.intervals(PersistProbes.firstPeriod(events)));
    }

    @Test
    void aResetOrTheRunsEndClosesThePeriod() {
        List<TcpEvent> reset = List.of(e(100, Side.CLIENT, EventKind.ZERO_WINDOW, 1),
                e(300, Side.SERVER, EventKind.ZERO_WINDOW_PROBE, 1), e(400, Side.SERVER, EventKind.RST_SENT, 1),
                e(900, Side.SERVER, EventKind.ZERO_WINDOW_PROBE, 1));
        assertEquals(ms(300), PersistProbes.firstPeriod(reset));
        List<TcpEvent> end = List.of(e(100, Side.CLIENT, EventKind.ZERO_WINDOW, 1),
                e(300, Side.SERVER, EventKind.RUN_END, 0), e(900, Side.SERVER, EventKind.ZERO_WINDOW_PROBE, 1));
        assertEquals(List.of(), PersistProbes.firstPeriod(end));
    }

    @Test
    void theModelsIntervalsMustBeWithinAQuarterOfTheKernels() {
        ProbeComparison close = new ProbeComparison(ms(0, 400, 1200, 2800), ms(0, 500, 1500, 3500, 7500));
        assertEquals(ProbeComparison.Verdict.AGREE, close.verdict()); // 400/500 = 0.8, 800/1000, 1600/2000
        assertEquals(3, close.compared());
        assertTrue(close.verdictText().startsWith("within 25 %"), close.verdictText());

        ProbeComparison apart = new ProbeComparison(ms(0, 400, 1200), ms(0, 260, 780));
        assertEquals(ProbeComparison.Verdict.DIFFER, apart.verdict()); // 400/260 = 1.54
        ProbeComparison laterApart = new ProbeComparison(ms(0, 500, 1500, 5500), ms(0, 500, 1500, 3500));
        assertEquals(ProbeComparison.Verdict.DIFFER, laterApart.verdict(), "the third interval is twice the kernel's");
        ProbeComparison beyondCompared = new ProbeComparison(ms(0, 500, 1500, 3500, 99_000), ms(0, 500, 1500, 3500, 7500));
        assertEquals(ProbeComparison.Verdict.AGREE, beyondCompared.verdict(), "only the first few are compared");
    }

    @Test
    void noProbesIsNotApplicableButOnlyOneEngineProbingDiffers() {
        assertEquals(ProbeComparison.Verdict.NOT_APPLICABLE, new ProbeComparison(List.of(), List.of()).verdict());
        assertEquals("n/a", new ProbeComparison(List.of(), List.of()).verdictText());
        assertEquals(ProbeComparison.Verdict.NOT_APPLICABLE, new ProbeComparison(ms(0, 400), ms(300)).verdict(),
                "one probe has no interval to compare");
        ProbeComparison one = new ProbeComparison(ms(0, 400), List.of());
        assertEquals(ProbeComparison.Verdict.DIFFER, one.verdict());
        assertEquals("only one engine probed", one.verdictText());
        assertEquals("no probe", ProbeComparison.text(List.of()));
        assertEquals("3 probes: 0.40, 0.80 s", ProbeComparison.text(ms(0, 400, 1200)));
    }
}
