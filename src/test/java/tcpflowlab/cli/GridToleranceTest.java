package tcpflowlab.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridToleranceTest {
    @Test
    void goodputAgreesWithinFifteenPercentOfTheKernelsEitherWay() {
        assertTrue(GridTolerance.goodputAgrees(1000, 1000));
        assertTrue(GridTolerance.goodputAgrees(1150, 1000), "15 % above is inside");
        assertTrue(GridTolerance.goodputAgrees(850, 1000), "15 % below is inside");
        assertFalse(GridTolerance.goodputAgrees(1151, 1000));
        assertFalse(GridTolerance.goodputAgrees(849, 1000));
        // the kernel's goodput is the reference, not the Model's: 1000 is 13 % below 1150, 15 % of 1000 is not
        assertFalse(GridTolerance.goodputAgrees(1000, 869));
    }

    @Test
    void aKernelThatReadNothingAgreesOnlyWithAModelThatReadNothing() {
        assertTrue(GridTolerance.goodputAgrees(0, 0));
        assertFalse(GridTolerance.goodputAgrees(0.1, 0));
        assertFalse(GridTolerance.goodputAgrees(0, 0.1));
    }

    @Test
    void fewZeroWindowsOnBothSidesAgreeWhateverTheirRatio() {
        assertEquals(10, GridTolerance.few(5));
        assertTrue(GridTolerance.zeroWindowsAgree(0, 10, 5), "0 and 10 in 5 s are both few");
        assertTrue(GridTolerance.zeroWindowsAgree(10, 1, 5));
        assertFalse(GridTolerance.zeroWindowsAgree(0, 11, 5), "11 in 5 s is not few, and 0 is not within 3x of it");
        assertFalse(GridTolerance.zeroWindowsAgree(1, 22, 5), "the issue's 100 B cell");
        assertFalse(GridTolerance.zeroWindowsAgree(2494, 1, 5), "the issue's 4096 B cell");
    }

    @Test
    void theFewLimitScalesWithTheRunLength() {
        assertEquals(6, GridTolerance.few(3));
        assertTrue(GridTolerance.zeroWindowsAgree(0, 6, 3));
        assertFalse(GridTolerance.zeroWindowsAgree(0, 7, 3));
        assertTrue(GridTolerance.zeroWindowsAgree(0, 20, 10));
        assertFalse(GridTolerance.zeroWindowsAgree(0, 21, 10));
    }

    @Test
    void manyZeroWindowsAgreeWithinAFactorOfThree() {
        assertTrue(GridTolerance.zeroWindowsAgree(30, 90, 5), "exactly 3x");
        assertTrue(GridTolerance.zeroWindowsAgree(90, 30, 5), "either way round");
        assertFalse(GridTolerance.zeroWindowsAgree(30, 91, 5));
        assertFalse(GridTolerance.zeroWindowsAgree(91, 30, 5));
        assertTrue(GridTolerance.zeroWindowsAgree(5, 15, 5), "few against many within 3x");
    }

    @Test
    void anUnseenWireNeverAgrees() {
        assertFalse(GridTolerance.zeroWindowsAgree(0, -1, 5));
        GridTolerance.Verdict v = GridTolerance.judge(100, 100, 0, -1, 5);
        assertFalse(v.agrees());
        assertEquals(List.of("no capture of the kernel's wire"), v.differences());
    }

    @Test
    void theVerdictSaysWhatDiffers() {
        GridTolerance.Verdict same = GridTolerance.judge(3992, 3692, 1, 1, 5);
        assertTrue(same.agrees());
        assertEquals(List.of(), same.differences());
        GridTolerance.Verdict both = GridTolerance.judge(1200, 1000, 2494, 1, 5);
        assertFalse(both.goodputAgrees());
        assertFalse(both.zeroWindowsAgree());
        assertEquals(List.of("goodput +20 %", "zero windows 2494 vs 1"), both.differences());
        assertEquals(List.of("goodput 5 vs 0 KiB/s"), GridTolerance.judge(5, 0, 0, 0, 5).differences());
    }
}
