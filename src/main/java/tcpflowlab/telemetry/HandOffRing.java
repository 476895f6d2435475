package tcpflowlab.telemetry;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A bounded single-producer, single-consumer ring: the engine thread offers, one reader (the
 * UI's frame loop) drains. Lock-free, so neither side ever waits for the other; when the
 * reader falls a whole ring behind, new items are dropped and counted rather than blocking
 * the engine (a blocked engine thread holding the run's lock could deadlock the UI).
 */
public final class HandOffRing<T> {
    private final Object[] items;
    private final int mask;
    private final AtomicLong head = new AtomicLong(); // next slot to read
    private final AtomicLong tail = new AtomicLong(); // next slot to write
    private final AtomicLong dropped = new AtomicLong();

    public HandOffRing(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacityPowerOfTwo);
        }
        items = new Object[capacityPowerOfTwo];
        mask = capacityPowerOfTwo - 1;
    }

    /** Producer side; false (and counted) when the ring is full. */
    public boolean offer(T item) {
        long t = tail.get();
        if (t - head.get() >= items.length) {
            dropped.incrementAndGet();
            return false;
        }
        items[(int) (t & mask)] = item;
        tail.lazySet(t + 1); // publishes the slot write above
        return true;
    }

    /** Consumer side: hands every available item to {@code sink}; returns how many. */
    public int drain(Consumer<? super T> sink) {
        return drain(sink, Integer.MAX_VALUE);
    }

    /** Consumer side: hands at most {@code max} items to {@code sink}; returns how many. */
    @SuppressWarnings("unchecked")
    public int drain(Consumer<? super T> sink, int max) {
        long h = head.get();
        long t = Math.min(tail.get(), h + max);
        int n = 0;
        while (h < t) {
            int slot = (int) (h & mask);
            T item = (T) items[slot];
            items[slot] = null;
            sink.accept(item);
            h++;
            n++;
        }
        head.lazySet(h);
        return n;
    }

    public long dropped() {
        return dropped.get();
    }

    public int capacity() {
        return items.length;
    }

    public int size() {
        return (int) (tail.get() - head.get());
    }
}
