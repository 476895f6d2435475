package tcpflowlab.chart;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import tcpflowlab.telemetry.HandOffRing;
import tcpflowlab.telemetry.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data behind the live charts: bounded, and never hiding a peak. */
class ChartDataTest {

    private static Sample sample(long nanos, long sendQueue) {
        return new Sample(nanos, sendQueue, 32_768, sendQueue / 2, 8_192, 100, 0, nanos, nanos / 2, 0);
    }

    @Test
    void handOffRingDropsWhenFullAndDrainsInOrder() {
        HandOffRing<Integer> ring = new HandOffRing<>(8);
        for (int i = 0; i < 10; i++) {
            ring.offer(i);
        }
        assertEquals(2, ring.dropped());
        List<Integer> out = new ArrayList<>();
        assertEquals(3, ring.drain(out::add, 3));
        assertEquals(5, ring.drain(out::add));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), out);
        assertTrue(ring.offer(42));
    }

    @Test
    void handOffRingPassesEverythingBetweenThreadsInOrder() throws Exception {
        HandOffRing<Long> ring = new HandOffRing<>(1 << 10);
        long total = 200_000;
        Thread producer = new Thread(() -> {
            for (long i = 0; i < total; ) {
                if (ring.offer(i)) {
                    i++;
                } else {
                    Thread.onSpinWait();
                }
            }
        });
        producer.start();
        long[] next = {0};
        while (next[0] < total) {
            ring.drain(v -> {
                assertEquals(next[0], v.longValue());
                next[0]++;
            });
        }
        producer.join();
        assertEquals(total, next[0]);
    }

    @Test
    void historyKeepsAHourInBoundedMemoryAndStillCoversTheWholeRun() {
        SampleHistory h = new SampleHistory(1 << 12, 256, 0.001);
        long peakAt = 1_234_000_000_000L;
        for (long t = 0; t <= 3_600_000_000_000L; t += 1_000_000) { // 1 ms samples for 1 hour
            h.add(sample(t, t == peakAt ? 1_000_000 : 100));
        }
        assertTrue(h.bucketCount() <= 256);
        assertEquals(0.0, h.bucketStartAt(0), 1e-9);
        assertTrue(h.bucketStartAt(h.bucketCount() - 1) + h.bucketWidth() >= 3600);
        WindowedXYDataset d = new WindowedXYDataset(h, List.of(SampleColumn.SEND_QUEUE));
        d.show(0, 3600);
        assertTrue(d.isFromHistory());
        double max = 0;
        for (int i = 0; i < d.getItemCount(0); i++) {
            max = Math.max(max, d.getYValue(0, i));
        }
        assertEquals(1_000_000, max, "a one-sample peak survives decimation (min/max buckets)");
        assertEquals(4096, h.recentSize());
    }

    @Property(tries = 40)
    void theEnvelopeShowsTheTrueMinimumAndMaximumOfEveryPixelColumn(
            @ForAll @IntRange(min = 50, max = 3000) int pixels, @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        Random r = new Random(seed);
        SampleHistory h = new SampleHistory();
        int n = 20_000;
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = r.nextInt(100_000);
            h.add(sample(i * 100_000L, values[i])); // 0.1 ms samples, 2 s
        }
        WindowedXYDataset d = new WindowedXYDataset(h, List.of(SampleColumn.SEND_QUEUE, SampleColumn.RECEIVE_QUEUE));
        double from = 0.3;
        double to = 1.7;
        d.show(from, to, pixels);
        double width = (to - from) / pixels;
        // every sample in the window lies within its column's envelope, and the extremes are exact
        double shownMax = Double.NEGATIVE_INFINITY;
        double shownMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d.getItemCount(0); i++) {
            shownMax = Math.max(shownMax, d.getYValue(0, i));
            shownMin = Math.min(shownMin, d.getYValue(0, i));
            if (i > 0) {
                assertTrue(d.getXValue(0, i) >= d.getXValue(0, i - 1), "x ascending");
            }
        }
        long trueMax = Long.MIN_VALUE;
        long trueMin = Long.MAX_VALUE;
        long firstPixel = (long) Math.floor(from / width);
        long lastPixel = (long) Math.floor(to / width);
        for (int i = 0; i < n; i++) {
            double t = i * 1e-4;
            long p = (long) Math.floor(t / width);
            if (p >= firstPixel && p <= lastPixel) {
                trueMax = Math.max(trueMax, values[i]);
                trueMin = Math.min(trueMin, values[i]);
            }
        }
        assertEquals(trueMax, shownMax, 0.0);
        assertEquals(trueMin, shownMin, 0.0);
        if (14_000 > 2 * pixels) {
            assertFalse(d.isFullResolution());
            assertTrue(d.getItemCount(0) <= 2 * (pixels + 2));
        }
        // Cached columns give the same answer on the next frame, after more samples arrived.
        List<Double> before = new ArrayList<>();
        for (int i = 0; i < d.getItemCount(1); i++) {
            before.add(d.getYValue(1, i));
        }
        h.add(sample(n * 100_000L, 5));
        d.show(from, to, pixels);
        List<Double> after = new ArrayList<>();
        for (int i = 0; i < d.getItemCount(1); i++) {
            after.add(d.getYValue(1, i));
        }
        assertEquals(before, after);
    }

    @Test
    void smallWindowsShowEverySample() {
        SampleHistory h = new SampleHistory();
        for (int i = 0; i < 1000; i++) {
            h.add(sample(i * 1_000_000L, i));
        }
        WindowedXYDataset d = new WindowedXYDataset(h, List.of(SampleColumn.SEND_QUEUE));
        d.show(0.1, 0.2, 1000);
        assertTrue(d.isFullResolution());
        assertEquals(103, d.getItemCount(0), "101 samples in [0.1, 0.2] plus one either side");
        assertEquals(0.099, d.getXValue(0, 0), 1e-9);
        assertEquals(99, d.getYValue(0, 0));
        // Rates come from the app byte counters: sample() writes 1 B per ns and reads half that.
        assertEquals(1e9, h.latest(SampleColumn.WRITE_RATE), 1);
        assertEquals(0.5e9, h.latest(SampleColumn.READ_RATE), 1);
    }
}
