package tcpflowlab.sim.tcp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SO_RCVBUF: in-order bytes the application has not read, delivered from the sender's buffer. */
class ReceiveBufferTest {
    private static SendBuffer sender(byte... data) {
        SendBuffer s = new SendBuffer(1 << 20);
        s.append(data, 0, data.length, data.length);
        s.markSent(data.length);
        return s;
    }

    @Test
    void deliveredBytesAreReadInOrderAndFreeTheirSpace() {
        SendBuffer s = sender((byte) 10, (byte) 11, (byte) 12, (byte) 13, (byte) 14);
        ReceiveBuffer r = new ReceiveBuffer(8);
        r.deliver(s, 0, 3);
        r.deliver(s, 3, 2);
        assertEquals(5, r.used());
        assertEquals(3, r.free());
        assertEquals(5, r.receivedEnd());
        byte[] out = new byte[4];
        assertEquals(4, r.read(out, 0, 4));
        assertArrayEquals(new byte[] {10, 11, 12, 13}, out);
        assertEquals(4, r.readOffset());
        assertEquals(7, r.free());
        assertEquals(1, r.read(out, 0, 4), "a read takes at most what is there");
        assertEquals(14, out[0]);
        assertEquals(0, r.read(out, 0, 4), "nothing to read: 0 (EAGAIN for the socket)");
        assertEquals(5, r.receivedEnd(), "rcv_nxt stays where the data ended");
    }

    @Test
    void freeSpaceIsNeverNegativeWhenTheCapacityShrinksBelowWhatIsHeld() {
        ReceiveBuffer r = new ReceiveBuffer(10);
        r.deliver(sender(new byte[8]), 0, 8);
        r.setCapacity(4);
        assertEquals(0, r.free());
        assertEquals(8, r.used());
    }

    /**
     * A sender that keeps within the offered window never makes the buffer hold more payload
     * than its memory, give or take the rounding up to the window-scale unit that Linux's
     * tcp_select_window() does each time it keeps a window open (less than a unit per offer).
     */
    @Property(tries = 300)
    void neverHoldsMoreThanItsCapacity(@ForAll @IntRange(min = 1, max = 300_000) int capacity,
                                       @ForAll @IntRange(min = 0, max = 7) int windowScale,
                                       @ForAll boolean linux,
                                       @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 70_000) Integer> sizes) {
        WindowedReceiver r = new WindowedReceiver(capacity, windowScale, 1448, linux);
        long[] slack = {0};
        r.run(sizes, () -> {
            slack[0] += (1L << windowScale) - 1;
            assertTrue(r.buffer.used() <= capacity + slack[0], r.buffer.used() + " B held, capacity " + capacity);
        });
    }
}
