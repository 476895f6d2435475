package tcpflowlab.sim.tcp;

import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.AckMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Linux's receiver ACK policy (icsk_ack), and the two textbook ones. */
class AckPolicyTest {
    private static final long MS = 1_000_000L;
    private static final long RTO = 200 * MS;

    private static AckPolicy linux() {
        AckPolicy p = new AckPolicy();
        p.configure(AckMode.LINUX, 40 * MS);
        return p;
    }

    @Test
    void theFirstDataIsQuickAckedForAboutHalfTheWindowInSegments() {
        AckPolicy p = linux();
        p.dataArrived(0, false, 16_384, 536, RTO);
        assertTrue(p.quickackMode(), "16384 / (2 x 536) = 15 quick ACKs");
        for (int i = 0; i < 15; i++) {
            assertTrue(p.ackNow(false, false, false), "quick ACK " + (i + 1));
            p.ackSent();
            p.dataArrived(MS * (i + 1), false, 16_384, 536, RTO);
        }
        assertFalse(p.ackNow(false, false, false), "the 16th segment waits");
    }

    @Test
    void aWindowOfOneOrTwoSegmentsGetsOneQuickAck() {
        AckPolicy p = linux();
        p.dataArrived(0, true, 16_384, 8_192, RTO);
        assertTrue(p.ackNow(false, false, false));
        p.ackSent();
        p.dataArrived(MS, true, 16_384, 8_192, RTO);
        assertFalse(p.ackNow(false, false, false), "as in the capture: the second 8 KiB segment is not quick-acked");
    }

    @Test
    void moreThanOneSegmentIsAckedAtOnceWhenTheWindowCanMoveOnOrTheReaderDrained() {
        AckPolicy p = linux();
        p.spaceLow();
        assertTrue(p.ackNow(true, true, false));
        assertTrue(p.ackNow(true, false, true));
        assertFalse(p.ackNow(true, false, false), "the window would shrink: wait for the reader");
        assertFalse(p.ackNow(false, true, true), "one segment only: delayed");
    }

    @Test
    void theDelayedAckWaitsTheAckTimeoutAndKeepsAnEarlierTimer() {
        AckPolicy p = linux();
        p.dataArrived(0, false, 16_384, 536, RTO);
        assertEquals(40 * MS, p.delayedAckTimeout(0, -1, 50_000));
        assertEquals(30 * MS, p.delayedAckTimeout(5 * MS, 30 * MS, 50_000), "an earlier timer stays");
        assertTrue(p.delayedAckTimeout(29 * MS, 30 * MS, 50_000) <= 29 * MS, "a timer about to expire: ACK now");
    }

    @Test
    void aMissedDelayedAckDoublesTheTimeoutUpToTheRto() {
        AckPolicy p = linux();
        p.dataArrived(0, false, 16_384, 536, RTO);
        assertTrue(p.delayedAckFired(RTO));
        assertEquals(80 * MS, p.ato());
        p.ackSent();
        assertFalse(p.delayedAckFired(RTO), "nothing pending: no ACK");
    }

    @Test
    void aReadAcksWhenMoreThanASegmentIsUnackedOrItDrainedAPushedSegment() {
        AckPolicy p = linux();
        assertFalse(p.ackAfterRead(100, true, true), "nothing scheduled");
        p.dataArrived(0, true, 16_384, 8_192, RTO);
        assertTrue(p.ackAfterRead(4_096, true, false), "more than one segment unacknowledged");
        assertFalse(p.ackAfterRead(4_096, false, false), "one segment, queue not empty");
        assertTrue(p.ackAfterRead(4_096, false, true), "a pushed segment read to the end");
    }

    @Test
    void aQuickReplyMakesTheConnectionInteractiveWithoutQuickAcks() {
        AckPolicy p = linux();
        p.dataArrived(0, false, 16_384, 536, RTO);
        p.dataSent(5 * MS);
        assertTrue(p.pingpong());
        assertFalse(p.quickackMode());
        p.delayedAckFired(RTO);
        assertFalse(p.pingpong(), "a missed delayed ACK leaves ping-pong mode");
        assertEquals(40 * MS, p.ato());
    }

    @Test
    void aSilenceLongerThanTheRtoStartsQuickAcksAgain() {
        AckPolicy p = linux();
        p.dataArrived(0, false, 16_384, 8_192, RTO);
        p.ackSent();
        p.dataArrived(MS, false, 16_384, 8_192, RTO);
        assertFalse(p.quickackMode());
        p.ackSent();
        p.dataArrived(300 * MS, false, 16_384, 8_192, RTO);
        assertTrue(p.quickackMode());
    }

    @Test
    void theTextbookPoliciesAckEverySegmentOrEverySecond() {
        AckPolicy immediate = new AckPolicy();
        immediate.configure(AckMode.IMMEDIATE, 40 * MS);
        immediate.dataArrived(0, false, 16_384, 536, RTO);
        immediate.spaceLow();
        assertTrue(immediate.ackNow(false, false, false));
        AckPolicy delayed = new AckPolicy();
        delayed.configure(AckMode.DELAYED, 40 * MS);
        delayed.dataArrived(0, false, 16_384, 536, RTO);
        assertFalse(delayed.ackNow(false, false, false));
        assertEquals(40 * MS, delayed.delayedAckTimeout(0, -1, 0));
        delayed.dataArrived(MS, false, 16_384, 536, RTO);
        assertTrue(delayed.ackNow(false, false, false), "every second segment");
    }
}
