package tcpflowlab.ui;

import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.ScenarioField;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The round values sliders stop at. */
class KnobLadderTest {
    private final KnobLadder readSize = KnobLadder.powersOfTwo(ScenarioField.CLIENT_READ_SIZE);
    private final KnobLadder delay = KnobLadder.oneTwoFive(ScenarioField.CLIENT_PROCESSING_DELAY);

    @Test
    void readSizeStepsArePowersOfTwoFromTheFieldsMinimumToItsMaximum() {
        assertEquals(21, readSize.steps().size());
        assertEquals(ScenarioField.CLIENT_READ_SIZE.min(), readSize.valueAt(0));
        assertEquals(ScenarioField.CLIENT_READ_SIZE.max(), readSize.valueAt(readSize.lastPosition()));
        for (int i = 0; i <= readSize.lastPosition(); i++) {
            assertEquals(Math.pow(2, i), readSize.valueAt(i));
        }
    }

    @Test
    void aDragThatStopsBetweenNotchesLandsOnAPowerOfTwo() {
        // 2^12.03 = 4180: the value a drag gave before snapping.
        assertEquals(4096, readSize.valueAt(12.03));
        assertEquals(8192, readSize.valueAt(12.6));
        assertEquals(4096, readSize.snap(4180));
        assertEquals(8192, readSize.snap(7000));
        assertEquals(1, readSize.valueAt(-3), "clamped to the field's minimum");
        assertEquals(1_048_576, readSize.valueAt(99), "clamped to the field's maximum");
    }

    @Test
    void delayStepsAreOneTwoFiveFromZeroToTheFieldsMaximum() {
        assertEquals(List.of(0.0, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0), delay.steps());
        assertEquals(5, delay.snap(4.2));
        assertEquals(0, delay.snap(0.3));
        assertEquals(2000, delay.snap(1700));
    }

    @Test
    void aValueBetweenStepsSitsBetweenTheirPositionsAndAStepOnItsOwn() {
        assertEquals(12, readSize.positionOf(4096), 1e-12);
        assertEquals(6.5, readSize.positionOf(Math.sqrt(64 * 128)), 1e-9, "log scale between 64 and 128");
        assertEquals(0.5, delay.positionOf(0.5), 1e-12, "linear next to 0");
        assertEquals(3, delay.positionOf(5), 1e-12);
        for (int i = 0; i <= delay.lastPosition(); i++) {
            assertEquals(i, delay.positionOf(delay.valueAt(i)), 1e-9);
        }
    }

    @Test
    void aFieldWhoseEndsAreNotRoundKeepsItsEnds() {
        // the MSS: 88 .. 65483 B
        KnobLadder mss = KnobLadder.powersOfTwo(ScenarioField.SOCKETS_MSS);
        assertEquals(88, mss.valueAt(0));
        assertEquals(128, mss.valueAt(1));
        assertEquals(32768, mss.valueAt(mss.lastPosition() - 1));
        assertEquals(65483, mss.valueAt(mss.lastPosition()));
        KnobLadder bandwidth = KnobLadder.oneTwoFive(ScenarioField.LINK_BANDWIDTH);
        assertEquals(0.001, bandwidth.valueAt(0));
        assertEquals(0.002, bandwidth.valueAt(1), 1e-15);
        assertEquals(1_000_000, bandwidth.valueAt(bandwidth.lastPosition()));
    }
}
