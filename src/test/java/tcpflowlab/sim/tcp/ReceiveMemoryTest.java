package tcpflowlab.sim.tcp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** sk_rmem_alloc: what the receive queue is charged, as measured on Linux 6.18 over loopback. */
class ReceiveMemoryTest {
    @Test
    void aSegmentCostsItsPayloadPlusTheSkbBookkeeping() {
        ReceiveMemory m = new ReceiveMemory(true);
        m.queue(0, 16_384);
        assertEquals(17_216, m.allocated(), "ss -tm showed r17216 for one 16 KiB segment");
        assertEquals(16_384 + ReceiveMemory.SKB_HEAD_TRUESIZE, m.truesizeOf(16_384));
    }

    @Test
    void aContinuingSegmentIsCoalescedAndChargedOnlyItsPayload() {
        ReceiveMemory m = new ReceiveMemory(true);
        m.queue(0, 16_384);
        m.queue(16_384, 8_192);
        assertEquals(25_408, m.allocated(), "ss -tm showed r25408 with 16 KiB of a 24 KiB skb read");
    }

    @Test
    void anSkbIsFreedOnlyWhenReadToItsEnd() {
        ReceiveMemory m = new ReceiveMemory(true);
        m.queue(0, 16_384);
        m.queue(16_384, 8_192);
        m.readTo(20_000);
        assertEquals(25_408, m.allocated(), "partly read: still charged in full");
        m.readTo(24_576);
        assertEquals(0, m.allocated());
    }

    @Test
    void anSkbTakesAtMostMaxSkbFragsSegments() {
        ReceiveMemory m = new ReceiveMemory(true);
        for (int i = 0; i < ReceiveMemory.MAX_SKB_FRAGS + 1; i++) {
            m.queue(100L * i, 100);
        }
        // the 18th segment starts a new skb with its own bookkeeping
        assertEquals(1_800 + 2L * ReceiveMemory.SKB_HEAD_TRUESIZE, m.allocated());
        m.readTo(1_700);
        assertEquals(100 + ReceiveMemory.SKB_HEAD_TRUESIZE, m.allocated());
    }

    @Test
    void collapsingCopiesTheUnreadBytesIntoCompactSkbs() {
        ReceiveMemory m = new ReceiveMemory(true);
        for (int i = 0; i < 40; i++) {
            m.queue(10L * i, 10);
            m.readTo(10L * i + 10 - 1); // a byte of each left unread... and never read to an end
        }
        long before = m.allocated();
        m.collapse(395, 400);
        assertEquals(5 + ReceiveMemory.COLLAPSED_OVERHEAD, m.allocated());
        assertEquals(1, m.collapses());
        assertEquals(true, before > m.allocated());
        m.readTo(400);
        assertEquals(0, m.allocated());
    }

    @Test
    void aTextbookBufferIsChargedPayloadOnly() {
        ReceiveMemory m = new ReceiveMemory(false);
        m.queue(0, 1_000);
        m.queue(5_000, 10);
        assertEquals(1_010, m.allocated());
    }
}
