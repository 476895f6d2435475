package tcpflowlab.sim.tcp;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The collapsed part of the receive queue is kept as a range, not as skb objects: it must
 * charge and free exactly what a queue of real collapsed skbs does, whatever the order of
 * arrivals, reads and collapses.
 */
class ReceiveMemoryCollapseTest {
    /** The receive queue with every collapsed skb built as an object (how it was done before). */
    private static final class SkbQueue {

        private final boolean overhead;
        private final ArrayDeque<long[]> queue = new ArrayDeque<>(); // end, truesize, frags
        long allocated;

        SkbQueue(boolean overhead) {
            this.overhead = overhead;
        }

        void queue(long start, int length) {
            long[] tail = queue.peekLast();
            if (tail != null && tail[0] == start && tail[2] < ReceiveMemory.MAX_SKB_FRAGS) {
                tail[0] += length;
                tail[1] += length;
                tail[2]++;
                allocated += length;
                return;
            }
            long truesize = overhead ? length + ReceiveMemory.SKB_HEAD_TRUESIZE : length;
            queue.addLast(new long[] {start + length, truesize, 1});
            allocated += truesize;
        }

        void readTo(long readOffset) {
            long[] head;
            while ((head = queue.peekFirst()) != null && head[0] <= readOffset) {
                queue.removeFirst();
                allocated -= head[1];
            }
        }

        void collapse(long readOffset, long end) {
            queue.clear();
            allocated = 0;
            for (long at = readOffset; at < end; at += ReceiveMemory.COLLAPSED_PAYLOAD) {
                long len = Math.min(ReceiveMemory.COLLAPSED_PAYLOAD, end - at);
                long truesize = overhead ? len + ReceiveMemory.COLLAPSED_OVERHEAD : len;
                queue.addLast(new long[] {at + len, truesize, ReceiveMemory.MAX_SKB_FRAGS});
                allocated += truesize;
            }
        }
    }

    @Test
    void chargesAndFreesExactlyWhatCollapsedSkbObjectsWould() {
        for (boolean overhead : new boolean[] {true, false}) {
            SplittableRandom random = new SplittableRandom(13);
            for (int run = 0; run < 200; run++) {
                ReceiveMemory memory = new ReceiveMemory(overhead);
                SkbQueue reference = new SkbQueue(overhead);
                long received = 0;
                long read = 0;
                for (int step = 0; step < 400; step++) {
                    switch (random.nextInt(4)) {
                        case 0, 1 -> {
                            int length = random.nextBoolean() ? 1 + random.nextInt(20) : 1 + random.nextInt(20_000);
                            memory.queue(received, length);
                            reference.queue(received, length);
                            received += length;
                        }
                        case 2 -> {
                            read = Math.min(received, read + random.nextInt(random.nextBoolean() ? 50 : 12_000));
                            memory.readTo(read);
                            reference.readTo(read);
                        }
                        default -> {
                            memory.collapse(read, received);
                            reference.collapse(read, received);
                        }
                    }
                    assertEquals(reference.allocated, memory.allocated(),
                            "overhead " + overhead + ", run " + run + ", step " + step);
                }
            }
        }
    }
}
