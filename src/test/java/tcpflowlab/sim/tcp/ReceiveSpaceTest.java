package tcpflowlab.sim.tcp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The share of the receive buffer offered as window (scaling_ratio), the window clamp and
 * rcv_ssthresh, checked against what ss -tmi showed on Linux 6.18 for SO_RCVBUF 16384 with 8 KiB
 * segments: rb32768, rcv_ssthresh 21518, SYN window 16384.
 */
class ReceiveSpaceTest {
    private static final long ADVMSS = 65_483;

    @Test
    void halfTheBufferIsOfferedUntilASegmentIsMeasured() {
        ReceiveSpace s = new ReceiveSpace(32_768, true, ADVMSS, 6 << 20);
        assertEquals(16_384, s.fullSpace());
        assertEquals(16_384, s.initialWindow(ADVMSS), "the SYN's window");
        assertEquals(16_384, s.rcvSsthresh());
    }

    @Test
    void aMeasuredSegmentSetsTheShareAndMovesTheClamp() {
        ReceiveSpace s = new ReceiveSpace(32_768, true, ADVMSS, 6 << 20);
        s.initialWindow(ADVMSS);
        s.measure(8_192, 8_192 + ReceiveMemory.SKB_HEAD_TRUESIZE);
        assertEquals(232, s.scalingRatio(), "8192 x 256 / 9024");
        assertEquals(29_696, s.fullSpace());
        assertEquals(29_696, s.windowClamp());
    }

    @Test
    void rcvSsthreshGrowsToTheFreeSpaceWithLargeSegments() {
        ReceiveSpace s = new ReceiveSpace(32_768, true, ADVMSS, 6 << 20);
        s.initialWindow(ADVMSS);
        s.measure(8_192, 9_024);
        assertTrue(s.grow(8_192, 9_024, 9_024, 8_192));
        assertEquals(21_518, s.rcvSsthresh(), "ss -tmi: rcv_ssthresh:21518");
        assertFalse(s.grow(8_192, 9_024, 9_024, 8_192), "no room left");
    }

    @Test
    void tinySegmentsNeverGrowTheWindow() {
        ReceiveSpace s = new ReceiveSpace(32_768, true, ADVMSS, 6 << 20);
        s.initialWindow(ADVMSS);
        assertFalse(s.grow(100, 932, 932, 536), "tcp_event_data_recv() skips segments under 128 B");
        assertEquals(16_384, s.rcvSsthresh());
    }

    @Test
    void segmentsWithMuchOverheadGrowOnlyASmallWindow() {
        ReceiveSpace s = new ReceiveSpace(1 << 20, true, 1_460, 6 << 20);
        s.initialWindow(1_460);
        // 200 B carried in 2 KiB of memory: four times the share it would need
        assertTrue(s.grow(200, 2_048, 2_048, 536), "a small window may still grow (__tcp_grow_window())");
        long grown = s.rcvSsthresh();
        assertEquals(65_535 + 2 * 536, grown, "from the SYN's 65535 by two MSS estimates");
    }

    @Test
    void aTextbookBufferOffersAllOfItself() {
        ReceiveSpace s = new ReceiveSpace(8_192, false, ADVMSS, 6 << 20);
        assertEquals(8_192, s.fullSpace());
        s.measure(100, 932);
        assertEquals(256, s.scalingRatio(), "nothing is measured");
        assertEquals(8_192 - 1_000, s.space(1_000));
    }
}
