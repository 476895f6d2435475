package tcpflowlab.cli;

import org.junit.jupiter.api.Test;

import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.OverflowPolicy;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FidelityGridTest {
    private static final ScenarioCodec CODEC = new ScenarioCodec();

    @Test
    void aCellIsTheBackpressurePresetWithItsRegimeSet() {
        GridCell cell = new GridCell(5 * FidelityGrid.MIB, 4096, 1, 16384);
        Scenario s = EngineComparison.scenario(CODEC, cell.variant(), 3);
        assertEquals(16384, s.sockets().clientRcvBuf());
        assertEquals(4096, s.client().readSize());
        assertEquals(1.0, s.client().processingDelayMs());
        assertEquals(0, s.client().replySize());
        assertEquals(8192, s.server().messageSize());
        assertEquals(1562.5, s.server().sendGapUs(), "8 KiB every 1562.5 µs is 5 MiB/s");
        assertEquals(3.0, s.run().durationS());
        assertEquals(OverflowPolicy.BLOCK, s.server().overflowPolicy(), "the sender blocks, as the backpressure preset does");
        assertEquals("5 MiB/s, 4096 B / 1 ms, 16 KiB", cell.name());
    }

    @Test
    void theSendGapMakesTheRate() {
        assertEquals(7812.5, new GridCell(FidelityGrid.MIB, 10, 5, 4096).sendGapUs());
        for (GridCell c : FidelityGrid.CELLS) {
            Scenario s = EngineComparison.scenario(CODEC, c.variant(), 5);
            double rate = s.server().messageSize() * 1e6 / s.server().sendGapUs();
            assertEquals(c.sendRate(), rate, 1e-6, c.name());
            assertEquals(c.readSize(), s.client().readSize(), c.name());
            assertEquals(c.processingDelayMs(), s.client().processingDelayMs(), c.name());
            assertEquals(c.clientRcvBuf(), s.sockets().clientRcvBuf(), c.name());
        }
    }

    @Test
    void theGridCoversEveryRegimeAndTheIssuesMeasuredCells() {
        List<GridCell> cells = FidelityGrid.CELLS;
        assertTrue(cells.size() >= 16);
        assertEquals(FidelityGrid.CELL_COUNT, cells.size(), "the help text's count");
        assertEquals(cells.size(), Set.copyOf(cells).size(), "no cell twice");
        assertEquals(Set.of(10, 100, 1024, 4096, 16384), values(cells, GridCell::readSize));
        assertEquals(Set.of(1.0, 5.0), values(cells, GridCell::processingDelayMs));
        assertEquals(Set.of(4096, 16384, 65536), values(cells, GridCell::clientRcvBuf));
        assertEquals(Set.of(FidelityGrid.MIB, 5 * FidelityGrid.MIB), values(cells, GridCell::sendRate));
        long mib5 = 5 * FidelityGrid.MIB;
        List<GridCell> measured = List.of(new GridCell(mib5, 4096, 1, 16384), new GridCell(mib5, 1024, 1, 16384),
                new GridCell(mib5, 16384, 5, 16384), new GridCell(FidelityGrid.MIB, 4096, 5, 16384),
                new GridCell(mib5, 100, 1, 16384));
        assertEquals(measured, cells.subList(0, 5), "the issue's five cells lead the grid");
    }

    @Test
    void cellsAreChosenByNumberInGridOrder() {
        List<FidelityGrid.Numbered> some = FidelityGrid.select("7, 1,4,1");
        assertEquals(List.of(1, 4, 7), some.stream().map(FidelityGrid.Numbered::number).toList());
        assertEquals(FidelityGrid.CELLS.get(3), some.get(1).cell());
        assertEquals(FidelityGrid.CELLS.size(), FidelityGrid.all().size());
    }

    @Test
    void aBadCellListNamesTheRange() {
        String range = "1 .. " + FidelityGrid.CELLS.size();
        for (String bad : List.of("0", "19", "1,x", "", "1,,2", "-1")) {
            InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> FidelityGrid.select(bad), bad);
            assertTrue(e.getMessage().contains("--cells") && e.getMessage().contains(range), e.getMessage());
        }
    }

    @Test
    void aCellMustBeARegime() {
        assertThrows(IllegalArgumentException.class, () -> new GridCell(0, 10, 1, 4096));
        assertThrows(IllegalArgumentException.class, () -> new GridCell(FidelityGrid.MIB, 0, 1, 4096));
        assertThrows(IllegalArgumentException.class, () -> new GridCell(FidelityGrid.MIB, 10, -1, 4096));
        assertThrows(IllegalArgumentException.class, () -> new GridCell(FidelityGrid.MIB, 10, 1, 0));
    }

    private static <T> Set<T> values(List<GridCell> cells, java.util.function.Function<GridCell, T> f) {
        return cells.stream().map(f).collect(Collectors.toSet());
    }
}
