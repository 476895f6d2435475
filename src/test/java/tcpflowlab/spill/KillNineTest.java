package tcpflowlab.spill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9: a child JVM appends to the queue and reports each durable sequence; the parent
 * kills it at a random moment (destroyForcibly is SIGKILL on Linux), reopens the queue and
 * checks that nothing reported durable was lost and that the records are whole and in order.
 * 200 rounds here (-Dspill.kill9.rounds=N for more; scripts/kill9.sh runs 1000).
 */
class KillNineTest {
    @Test
    @Timeout(1800)
    void nothingReportedDurableIsLostWhenTheProcessIsKilled(@TempDir Path dir) throws Exception {
        int rounds = Integer.getInteger("spill.kill9.rounds", 200);
        Random random = new Random(Long.getLong("spill.kill9.seed", 7));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        FsyncPolicy[] policies = FsyncPolicy.values();
        long totalDurable = 0;
        // per policy, the sequences some child reported durable: (opened, durable] of each round
        java.util.Map<FsyncPolicy, java.util.List<long[]>> durableRanges = new java.util.EnumMap<>(FsyncPolicy.class);
        for (int round = 0; round < rounds; round++) {
            FsyncPolicy policy = policies[round % policies.length];
            Path q = dir.resolve(policy.name());
            Process child = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Xmx64m", "-cp", cp, SpillCrashChild.class.getName(), q.toString(), policy.name())
                    .redirectErrorStream(true).start();
            AtomicLong durable = new AtomicLong(-1);
            AtomicLong opened = new AtomicLong(-1);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("DURABLE ")) {
                            durable.set(Long.parseLong(line.substring(8).trim()));
                        } else if (line.startsWith("OPEN ")) {
                            opened.set(Long.parseLong(line.substring(5).trim()));
                        }
                    }
                } catch (Exception e) {
                    // the child was killed mid-line
                }
            });
            reader.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (opened.get() < 0 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(2);
            }
            assertTrue(opened.get() >= 0, "round " + round + ": the child did not open the queue");
            Thread.sleep(5 + random.nextInt(80));
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            reader.join(5_000);
            long mustSurvive = durable.get();
            try (SpillQueue queue = SpillQueue.open(SpillConfig.defaults(q).withSegmentBytes(64 * 1024).withPolicy(policy))) {
                assertTrue(queue.lastSequence() >= mustSurvive, "round " + round + " " + policy + ": reported durable "
                        + mustSurvive + " but recovered only " + queue.lastSequence() + " " + queue.recoveryReport());
                java.util.List<long[]> ranges = durableRanges.computeIfAbsent(policy, k -> new java.util.ArrayList<>());
                if (mustSurvive > opened.get()) {
                    ranges.add(new long[] {opened.get() + 1, mustSurvive});
                }
                // Every round reads it all back: in order, each payload whole, and a gap (the
                // tail of a segment sealed just before a kill, still on its way to the disk)
                // only where no child had reported anything durable.
                long prev = queue.committedSequence();
                SpillQueue.Cursor c = queue.cursor(0);
                SpillQueue.Record rec;
                while ((rec = c.next()) != null) {
                    assertTrue(rec.sequence() > prev, "round " + round + ": in order");
                    long gapFrom = prev + 1;
                    long gapTo = rec.sequence() - 1;
                    for (long[] d : ranges) {
                        assertTrue(gapTo < gapFrom || gapTo < d[0] || gapFrom > d[1], "round " + round + " " + policy + ": durable records in "
                                + gapFrom + " .. " + gapTo + " are missing (reported durable: " + d[0] + " .. " + d[1] + ")");
                    }
                    assertArrayEquals(SpillQueueTest.payload(rec.sequence()), rec.payload());
                    prev = rec.sequence();
                }
                assertTrue(prev >= Math.min(mustSurvive, queue.lastSequence()), "round " + round + ": read "
                        + prev + " of durable " + mustSurvive);
                assertTrue(prev == queue.lastSequence() || prev >= mustSurvive, "round " + round + ": read to the end");
                // Keep the test's disk use bounded: acknowledge most of what is there.
                if (queue.lastSequence() > 200_000) {
                    queue.acknowledge(queue.lastSequence() - 1000);
                }
                totalDurable += Math.max(0, mustSurvive);
            }
        }
        assertTrue(totalDurable > 0, "the children made progress");
    }
}
