package tcpflowlab.ui;

import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.ReadStrategy;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.sweep.SweepScale;
import tcpflowlab.sweep.SweepSpec;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Sweep view's form becomes --vary text and is checked by the CLI's rules, each problem where it was typed. */
class SweepFormTest {
    private final ScenarioCodec codec = new ScenarioCodec();
    private final Scenario base = new Presets(codec).load("seed-buggy");

    private static SweepAxisForm readSize(String from, String to, String count, boolean log) {
        return SweepAxisForm.numbers(ScenarioField.CLIENT_READ_SIZE, from, to, count, log);
    }

    private static SweepAxisForm delay(String from, String to, String count) {
        return SweepAxisForm.numbers(ScenarioField.CLIENT_PROCESSING_DELAY, from, to, count, false);
    }

    @Test
    void numbersBecomeALinearOrLogRangeAsTheCliWritesIt() {
        assertEquals("client.readSize=10..65536:log:12", readSize(" 10", "65536 ", "12", true).assignment());
        assertEquals("client.processingDelayMs=0..50:11", delay("0", "50", "11").assignment());
        assertEquals(SweepScale.LOG, readSize("10", "65536", "12", true).axis().scale());
        assertEquals(11, delay("0", "50", "11").axis().size());
    }

    @Test
    void enumsAndBooleansBecomeTheListOfTickedValues() {
        SweepAxisForm strategy = SweepAxisForm.values(ScenarioField.CLIENT_STRATEGY, List.of("FIXED_READ", "DRAIN"));
        assertEquals("client.strategy=FIXED_READ,DRAIN", strategy.assignment());
        assertEquals(List.of(ReadStrategy.FIXED_READ, ReadStrategy.DRAIN), strategy.axis().values());
        assertEquals(List.of("true", "false"), SweepAxisForm.choices(ScenarioField.CLIENT_RECONNECT));
        assertEquals(ScenarioField.CLIENT_STRATEGY.enumConstantNames(), SweepAxisForm.choices(ScenarioField.CLIENT_STRATEGY));
    }

    @Test
    void theDurationAndTheSamplingPeriodAreNotOfferedAsKnobs() {
        List<ScenarioField> offered = SweepAxisForm.sweepable();
        assertFalse(offered.contains(ScenarioField.RUN_DURATION));
        assertFalse(offered.contains(ScenarioField.RUN_SAMPLE_PERIOD));
        assertTrue(offered.contains(ScenarioField.CLIENT_READ_SIZE));
        assertTrue(offered.contains(ScenarioField.CLIENT_STRATEGY));
    }

    @Test
    void aGoodFormGivesTheSpecOverTheBaseWithItsDuration() {
        SweepForm.Check c = new SweepForm(List.of(readSize("10", "4096", "2", true), delay("0", "5", "2")), "2")
                .check(base, codec);
        assertEquals("", c.problem());
        assertEquals(List.of("", ""), c.axisProblems());
        assertEquals(4, c.cells());
        SweepSpec spec = c.spec().orElseThrow();
        assertEquals(4, spec.cellCount());
        assertEquals(2.0, spec.base().run().durationS());
        assertEquals(base.client().strategy(), spec.base().client().strategy());
        assertEquals(List.of(10, 0.0), spec.valuesOf(0));
    }

    @Test
    void aBadRangeIsReportedOnItsOwnRowNamingFieldValueAndRange() {
        SweepForm.Check c = new SweepForm(List.of(readSize("0", "4096", "2", true), delay("0", "5", "2")), "2")
                .check(base, codec);
        assertTrue(c.spec().isEmpty());
        String problem = c.axisProblems().get(0);
        assertTrue(problem.contains("client.readSize") && problem.contains("0") && problem.contains("1 .. 1048576 B"), problem);
        assertEquals("", c.axisProblems().get(1));
        assertEquals(2, c.cells(), "the count of the rows that are fine");
    }

    @Test
    void noTickedValueIsAProblemOfItsRow() {
        SweepForm.Check c = new SweepForm(List.of(SweepAxisForm.values(ScenarioField.CLIENT_STRATEGY, List.of())), "2")
                .check(base, codec);
        assertTrue(c.axisProblems().get(0).contains("client.strategy"), c.axisProblems().get(0));
        assertTrue(c.spec().isEmpty());
    }

    @Test
    void moreThanTenThousandCellsAreRefusedNamingTheCountAndTheLimit() {
        SweepForm.Check c = new SweepForm(List.of(readSize("1", "100000", "200", false), delay("0", "199", "200")), "2")
                .check(base, codec);
        assertTrue(c.spec().isEmpty());
        assertEquals(40_000, c.cells());
        assertTrue(c.problem().contains("40000") && c.problem().contains("10000"), c.problem());
        assertFalse(c.problem().contains("raise it with --max-cells N"), "the app has no --max-cells option: " + c.problem());
    }

    @Test
    void theSameKnobTwiceABadDurationAndNoKnobAreProblemsOfTheWhole() {
        assertTrue(new SweepForm(List.of(delay("0", "5", "2"), delay("0", "9", "3")), "2").check(base, codec)
                .problem().contains("twice"));
        String duration = new SweepForm(List.of(delay("0", "5", "2")), "0").check(base, codec).problem();
        assertTrue(duration.contains("run.durationS") && duration.contains("0.001 .. 86400"), duration);
        assertFalse(new SweepForm(List.of(), "2").check(base, codec).problem().isEmpty());
    }
}
