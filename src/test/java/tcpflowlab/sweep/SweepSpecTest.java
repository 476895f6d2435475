package tcpflowlab.sweep;

import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepSpecTest {
    private final ScenarioCodec codec = new ScenarioCodec();
    private final Scenario base = new Presets(codec).load("seed-buggy");

    private SweepSpec spec(String... varies) {
        return new SweepSpec(base, java.util.Arrays.stream(varies).map(SweepAxis::parse).toList());
    }

    @Test
    void cellsAreNumberedAsNestedLoopsWithTheFirstAxisSlowest() {
        SweepSpec s = spec("client.readSize=10,100,4096", "client.processingDelayMs=0,5");
        assertEquals(6, s.cellCount());
        assertEquals(List.of(10, 0.0), s.valuesOf(0));
        assertEquals(List.of(10, 5.0), s.valuesOf(1));
        assertEquals(List.of(100, 0.0), s.valuesOf(2));
        assertEquals(List.of(4096, 5.0), s.valuesOf(5));
        assertArrayEquals(new int[] {2, 1}, s.positionOf(5));
        assertEquals("client.readSize=4096, client.processingDelayMs=5", s.describe(5));
        assertThrows(IndexOutOfBoundsException.class, () -> s.valuesOf(6));
    }

    @Test
    void everyCellIsADistinctScenarioWithItsValuesSet() {
        SweepSpec s = spec("client.readSize=10,4096", "client.strategy=DRAIN,FIXED_READ", "sockets.nagle=true,false");
        Set<Scenario> seen = new HashSet<>();
        for (int i = 0; i < s.cellCount(); i++) {
            Scenario cell = s.scenarioOf(i, codec);
            List<Object> values = s.valuesOf(i);
            for (int a = 0; a < s.axes().size(); a++) {
                assertEquals(values.get(a), codec.get(cell, s.axes().get(a).field()));
            }
            assertEquals(codec.get(base, ScenarioField.SERVER_MESSAGE_SIZE), codec.get(cell, ScenarioField.SERVER_MESSAGE_SIZE),
                    "fields not varied keep the base's value");
            seen.add(cell);
        }
        assertEquals(8, seen.size());
    }

    @Test
    void aFieldVariedTwiceOrNoneIsRefused() {
        InvalidScenarioException twice = assertThrows(InvalidScenarioException.class,
                () -> spec("client.readSize=10,100", "client.readSize=1..5:5"));
        assertTrue(twice.getMessage().contains("client.readSize"), twice.getMessage());
        assertThrows(InvalidScenarioException.class, () -> new SweepSpec(base, List.of()));
    }

    @Test
    void theCellLimitNamesTheCountAndTheLimitBeforeAnythingRuns() {
        SweepSpec s = spec("client.readSize=1..10000:10000", "client.processingDelayMs=0..10:3");
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> s.requireAtMost(10_000));
        assertTrue(e.getMessage().contains("30000") && e.getMessage().contains("10000")
                && e.getMessage().contains("--max-cells"), e.getMessage());
        assertEquals(s, s.requireAtMost(30_000));
    }

    @Test
    void aHugeLimitOrAHugeGridIsRefusedWithTheExactCountNotRunForDays() {
        SweepSpec huge = spec("client.readSize=1..10000:10000", "client.processingDelayMs=0..2000:10000",
                "link.delayUs=0..1000:1000");
        InvalidScenarioException tooMany = assertThrows(InvalidScenarioException.class,
                () -> huge.requireAtMost(SweepSpec.MAX_CELLS));
        assertTrue(tooMany.getMessage().contains("100000000000 cells"), tooMany.getMessage());
        for (long limit : new long[] {0, -1, SweepSpec.MAX_CELLS + 1, Long.MAX_VALUE}) {
            InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> huge.requireAtMost(limit));
            assertTrue(e.getMessage().contains("--max-cells " + limit + " is not allowed: 1 .. 1000000"), e.getMessage());
        }
    }

    @Test
    void aCombinationTheScenarioRulesForbidIsReportedWithTheCellsValues() {
        SweepSpec s = spec("client.reconnectBackoffMs=10,1000", "client.reconnectBackoffMaxMs=100");
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> s.validateCells(codec));
        assertTrue(e.getMessage().contains("client.reconnectBackoffMs=1000"), e.getMessage());
    }
}
