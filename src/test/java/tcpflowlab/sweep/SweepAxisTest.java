package tcpflowlab.sweep;

import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.AckMode;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.ReadStrategy;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FIELD=SPEC: lists, linear and log ranges, typed and range-checked before anything runs. */
class SweepAxisTest {
    private static String error(String assignment) {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> SweepAxis.parse(assignment));
        return String.join("\n", e.problems());
    }

    @Test
    void aListKeepsItsOrderAndTypes() {
        SweepAxis a = SweepAxis.parse("client.readSize=4096,10,100");
        assertEquals(List.of(4096, 10, 100), a.values());
        assertEquals(SweepScale.LIST, a.scale());
        assertEquals("4096,10,100", a.spec());
        assertEquals(List.of(1.5, 0.0), SweepAxis.parse("client.processingDelayMs=1.5,0").values());
    }

    @Test
    void enumsAndBooleansAreListsCaseInsensitively() {
        assertEquals(List.of(ReadStrategy.DRAIN, ReadStrategy.FIXED_READ),
                SweepAxis.parse("client.strategy=drain,FIXED_READ").values());
        assertEquals(List.of(AckMode.values()[0]), SweepAxis.parse("sockets.ackMode=" + AckMode.values()[0].name()).values());
        assertEquals(List.of(true, false), SweepAxis.parse("sockets.nagle=true,false").values());
        assertTrue(error("client.strategy=DRAIN..FIXED_READ:2").contains("is not a number, list its values instead"));
        assertTrue(error("client.strategy=DRAIN,SIDEWAYS").contains("client.strategy = 'SIDEWAYS' is not allowed"));
    }

    @Test
    void aLinearRangeIncludesBothEnds() {
        SweepAxis a = SweepAxis.parse("client.processingDelayMs=0..50:11");
        assertEquals(11, a.size());
        assertEquals(0.0, a.values().get(0));
        assertEquals(5.0, a.values().get(1));
        assertEquals(50.0, a.values().get(10));
        assertEquals(SweepScale.LINEAR, a.scale());
    }

    @Test
    void aLogRangeRoundsIntegersAndKeepsEachValueOnce() {
        SweepAxis a = SweepAxis.parse("client.readSize=10..65536:log:12");
        assertEquals(SweepScale.LOG, a.scale());
        assertEquals(12, a.size());
        assertEquals(10, a.values().get(0));
        assertEquals(22, a.values().get(1), "10 x 65536/10^(1/11) = 22.2, rounded");
        assertEquals(65536, a.values().get(11));
        // 1..4 in 10 log steps rounds to 1,1,1,2,2,2,3,3,4: each kept once, in order
        assertEquals(List.of(1, 2, 3, 4), SweepAxis.parse("client.readSize=1..4:log:10").values());
        assertEquals(List.of(1, 2), SweepAxis.parse("client.readSize=1..2:5").values());
    }

    @Test
    void badRangesAndCountsNameTheFieldAndWhatIsAllowed() {
        assertTrue(error("client.readSize=100..10:3").contains("the range must go up (100 is not below 10)"));
        assertTrue(error("client.readSize=10..10:3").contains("the range must go up"));
        assertTrue(error("client.processingDelayMs=0..50:log:4").contains("a log range must start above 0, got 0"));
        assertTrue(error("client.readSize=10..100:1").contains("the count 1 is not allowed: a range needs 2 .. 10000 values"));
        assertTrue(error("client.readSize=10..100:100000000").contains("the count 100000000 is not allowed"));
        assertTrue(error("client.readSize=10..100:99999999999").contains("the count 99999999999 is not allowed"));
        assertTrue(error("client.readSize=10..100").contains("is not a range"));
        assertTrue(error("client.readSize=10..100:lin:3").contains("is not a range"));
        assertTrue(error("client.readSize=0..100:3").contains("client.readSize = 0 is not allowed: read size must be 1 .. 1048576 B"));
        assertTrue(error("client.readSize=1..2000000:3").contains("client.readSize = 2000000 is not allowed"));
    }

    @Test
    void hostileValuesAreRefusedBeforeAnythingRuns() {
        assertTrue(error("client.processingDelayMs=NaN").contains("client.processingDelayMs = NaN is not allowed"));
        assertTrue(error("client.processingDelayMs=1e309").contains("is not allowed: processing delay must be"));
        assertTrue(error("client.processingDelayMs=0..1e309:3").contains("is not allowed"));
        assertTrue(error("client.processingDelayMs=NaN..5:3").contains("is not allowed"));
        assertTrue(error("client.readSize=").contains("an empty value in the list"));
        assertTrue(error("client.readSize=10,,20").contains("an empty value in the list"));
        assertTrue(error("client.readSize=10,10").contains("a value is listed twice"));
        assertTrue(error("client.readSize=ten").contains("client.readSize = 'ten' is not allowed"));
        assertTrue(error("client.readsize=10").contains("unknown field 'client.readsize'; known fields: "));
        assertTrue(error("=10").contains("is not of the form FIELD=SPEC"));
        assertTrue(error("client.readSize").contains("is not of the form FIELD=SPEC"));
    }

    @Test
    void valuesWrittenAlikeAreOneValue() {
        // -0 and 0 are both "0" in sweep.csv: two cells there could not be told apart by a merge
        assertTrue(error("client.processingDelayMs=0,-0").contains("a value is listed twice"));
        assertEquals(List.of(0.0, 5.0).size(), SweepAxis.parse("client.processingDelayMs=-0..5:2").size());
        assertEquals(List.of("0", "5"), SweepAxis.parse("client.processingDelayMs=-0..5:2").valueTexts());
    }

    @Test
    void aSpecOfTenThousandCellsPerAxisIsTheLimit() {
        assertEquals(SweepAxis.MAX_VALUES, SweepAxis.parse("run.seed=1..10000:10000").size());
        assertTrue(error("run.seed=1..10001:10001").contains("the count 10001 is not allowed"));
    }

    @Test
    void textIsWhatSetAccepts() {
        assertEquals("5", SweepAxis.text(5.0));
        assertEquals("2.5", SweepAxis.text(2.5));
        assertEquals("DRAIN", SweepAxis.text(ReadStrategy.DRAIN));
        assertEquals("true", SweepAxis.text(true));
    }
}
