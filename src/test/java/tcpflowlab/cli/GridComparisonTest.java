package tcpflowlab.cli;

import org.junit.jupiter.api.Test;

import tcpflowlab.engine.Engines;
import tcpflowlab.export.WireAnalysis;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid's counting and its table, on Model runs only (the kernel side is GridCompareTest's). */
class GridComparisonTest {
    private static final ScenarioCodec CODEC = new ScenarioCodec();
    private static final double SECONDS = 2;

    private static EngineComparison.EngineRun model(GridCell cell, List<SegmentRecord> segments, boolean wireSeen) {
        Scenario s = EngineComparison.scenario(CODEC, cell.variant(), SECONDS);
        EngineComparison.Recording rec = new EngineComparison.Recording();
        TelemetrySink keep = new TelemetrySink() {
            @Override
            public void onSegment(SegmentRecord r) {
                segments.add(r);
            }
        };
        ModelEngine engine = new Engines(CODEC).model(s, List.of(rec, keep));
        engine.runToEnd();
        return rec.of(engine.summary(), wireSeen);
    }

    @Test
    void theWireIsCountedAsWiresharksAnalysisCountsIt() {
        GridCell cell = FidelityGrid.CELLS.get(0);
        List<SegmentRecord> segments = new ArrayList<>();
        EngineComparison.EngineRun run = model(cell, segments, true);
        WireAnalysis wire = WireAnalysis.of(segments);
        assertTrue(wire.zeroWindow() > 0 && wire.windowFull() > 0, "today's Model closes the window with 4096 B reads");
        assertEquals(new EngineComparison.WireCounts(wire.zeroWindow(), wire.windowFull()), run.wire());
        // 4096 B every ms, less the time each recv() itself takes
        double goodput = run.goodputKiBps(SECONDS);
        // per second connected: the handshake takes a little of the run
        double perRunSecond = run.summary().bytesRead() / 1024.0 / SECONDS;
        assertTrue(goodput > perRunSecond && goodput < perRunSecond * 1.01, goodput + " vs " + perRunSecond);
        assertTrue(goodput > 3500 && goodput <= 4000, "goodput " + goodput);
    }

    @Test
    void anUnseenWireIsSaidSoAndNeverAgrees() {
        GridCell cell = FidelityGrid.CELLS.get(5);
        EngineComparison.EngineRun m = model(cell, new ArrayList<>(), true);
        EngineComparison.EngineRun unseen = model(cell, new ArrayList<>(), false);
        assertEquals(EngineComparison.WireCounts.UNSEEN, unseen.wire());
        GridComparison.Row same = new GridComparison.Row(6, cell, SECONDS, new EngineComparison.Row(cell.variant(), m, m));
        GridComparison.Row blind = new GridComparison.Row(6, cell, SECONDS, new EngineComparison.Row(cell.variant(), m, unseen));
        assertTrue(same.verdict().agrees());
        String table = GridComparison.table(List.of(same, blind));
        assertTrue(table.contains("| 6 | 5 MiB/s, 10 B / 1 ms, 16 KiB |"), table);
        assertTrue(table.contains("no capture"), table);
        String summary = GridComparison.summary(List.of(same, blind));
        assertTrue(summary.startsWith("model and kernel agree in 1 of 2 cells"), summary);
        assertTrue(summary.contains("cell 6 (5 MiB/s, 10 B / 1 ms, 16 KiB): no capture of the kernel's wire"), summary);
        assertTrue(summary.contains("at most 4 in 2 s"), summary);
        List<String> csv = GridComparison.csv(List.of(same, blind)).lines().toList();
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("6,5242880,10,1,16384,") && csv.get(1).endsWith(",true,true,true"), csv.get(1));
        String[] f = csv.get(2).split(",", -1);
        assertEquals("", f[GridComparison.CSV_COLUMNS.indexOf("kernel_zero_window")], "an unseen count is empty");
        assertEquals("false", f[f.length - 1]);
    }
}
