package tcpflowlab.sim.tcp;

import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.AckMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The receiving half of an endpoint, step by step through the cycle a Linux 6.18 loopback
 * capture showed for SO_RCVBUF 16384, 8 KiB segments and a reader of 4096 B every 1 ms:
 * window 16384, the sender fills it, the ACK waits for the next read and offers 8192, the sender
 * fills that, and the window reopens to 16384 only once the reader has drained the queue. The
 * window never reaches zero.
 */
class ReceiverTest {
    private static final long MS = 1_000_000L;
    private final SendBuffer sender = new SendBuffer(Long.MAX_VALUE);
    private final Receiver rx = new Receiver(32_768, true, 0, 65_483, false, 32_768);
    private long now;

    private void arrive(int length) {
        sender.append(new byte[length], 0, length, length);
        sender.markSent(sender.end());
        rx.arrive(sender, sender.end() - length, length, true, now, 200 * MS, AckMode.LINUX, 40 * MS);
        sender.acknowledge(sender.end());
    }

    private Receiver.AfterRead read(int n) {
        int got = rx.read(new byte[n], 0, n);
        return rx.afterRead(got, false);
    }

    @Test
    void theKernelsCycleWithLargeReads() {
        assertEquals(16_384, rx.initialWindow(), "the SYN's window");
        rx.established(65_483);
        assertEquals(16_384, rx.offer(), "the handshake ACK");
        // warm-up, as on the wire: the first 8 KiB segment is quick-acked and grows the window limit
        arrive(8_192);
        assertTrue(rx.ackNow());
        assertEquals(16_384, rx.offer());
        rx.ackSent();
        assertEquals(21_518, rx.space().rcvSsthresh());
        now += MS;
        read(4_096);
        now += MS;
        read(4_096);
        // steady state: the sender fills 16 KiB
        now += MS;
        arrive(8_192);
        arrive(8_192);
        assertFalse(rx.ackNow(), "the window would shrink and the reader is busy: the ACK waits");
        now += MS;
        assertEquals(Receiver.AfterRead.ACK, read(4_096), "more than one segment unacknowledged");
        assertEquals(8_192, rx.offer(), "one 16 KiB packet still charged: 8 KiB offered");
        rx.ackSent();
        arrive(8_192);
        assertFalse(rx.ackNow(), "one segment since the last window: delayed");
        for (int i = 0; i < 4; i++) {
            now += MS;
            assertEquals(Receiver.AfterRead.NOTHING, read(4_096), "read " + (i + 1) + ": the merged packet is still charged");
        }
        now += MS;
        assertEquals(Receiver.AfterRead.ACK, read(4_096), "drained after a pushed segment");
        assertEquals(16_384, rx.offer(), "the window reopens, never having reached zero");
    }

    @Test
    void tinyReadsLetTheDelayedAckCloseTheWindow() {
        rx.initialWindow();
        rx.established(65_483);
        rx.offer();
        arrive(8_192);
        rx.offer();
        rx.ackSent();
        read(8_192);
        arrive(8_192);
        arrive(8_192);
        assertFalse(rx.ackNow());
        assertEquals(Receiver.AfterRead.ACK, read(100));
        assertEquals(8_192, rx.offer());
        rx.ackSent();
        arrive(8_192);
        read(100);
        assertTrue(rx.delayedAckFired(200 * MS), "40 ms later the delayed ACK goes");
        assertEquals(0, rx.offer(), "less than a segment's worth free: zero window");
    }
}
