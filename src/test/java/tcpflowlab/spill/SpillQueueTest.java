package tcpflowlab.spill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpillQueueTest {
    static byte[] payload(long seq) {
        return ("message " + seq + " " + "x".repeat((int) (seq % 50))).getBytes(StandardCharsets.US_ASCII);
    }

    static List<Long> readAll(SpillQueue q) throws Exception {
        List<Long> out = new ArrayList<>();
        SpillQueue.Cursor c = q.cursor(q.committedSequence());
        SpillQueue.Record r;
        while ((r = c.next()) != null) {
            assertArrayEquals(payload(r.sequence()), r.payload(), "payload of " + r.sequence());
            out.add(r.sequence());
        }
        return out;
    }

    @Test
    void anOutOfRangeConfigurationNamesTheFieldTheValueAndTheRange(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SpillConfig(dir, 100, 1024, 1 << 20, FsyncPolicy.GROUP, 8, 5));
        assertTrue(e.getMessage().contains("segmentBytes = 100 is outside 1024"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpillConfig.defaults(dir).withCapacityBytes(4096));
        assertTrue(e.getMessage().contains("capacityBytes = 4096") && e.getMessage().contains("at least one segment"),
                e.getMessage());
    }

    @Test
    void recordsAcknowledgedBeforeTheyReachedTheDiskDoNotBreakTheNextSegment(@TempDir Path dir) throws Exception {
        // GROUP hands a reader records still in its batch; the client may acknowledge them and
        // the process die before the group commit writes them.
        SpillConfig cfg = SpillConfig.defaults(dir);
        SpillQueue q = SpillQueue.open(cfg);
        q.append(payload(1));
        SpillQueue.Cursor c = q.cursor(0);
        assertEquals(1, c.next().sequence()); // the cursor enters the segment: record 1 is written
        for (long s = 2; s <= 10; s++) {
            q.append(payload(s));
            assertEquals(s, c.next().sequence(), "read from the batch");
        }
        q.acknowledge(10);
        q.abandon();
        try (SpillQueue again = SpillQueue.open(cfg)) {
            assertEquals(10, again.committedSequence());
            assertEquals(10, again.lastSequence(), "the next sequence follows the acknowledged ones");
            assertEquals(0, again.depthMessages());
            assertEquals(11, again.append(payload(11)));
            assertEquals(12, again.append(payload(12)));
        }
        try (SpillQueue again = SpillQueue.open(cfg)) {
            assertTrue(again.recoveryReport().clean(), again.recoveryReport().toString());
            assertEquals(List.of(11L, 12L), readAll(again));
        }
    }

    @Test
    void aSecondQueueOnTheSameDirectoryIsRefusedWithAClearError(@TempDir Path dir) throws Exception {
        try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir))) {
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> SpillQueue.open(SpillConfig.defaults(dir)));
            assertTrue(e.getMessage().contains("in use by another queue"), e.getMessage());
            q.append(payload(1));
        }
        try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir))) {
            assertEquals(1, q.lastSequence(), "closing releases the directory");
        }
    }

    @Test
    void aReaderRightBehindTheAppenderCrossesEverySegmentRoll(@TempDir Path dir) throws Exception {
        // GROUP: a segment is sealed while its last writes may still be on their way to the
        // device; a reader that follows the appender must still find them there.
        byte[] big = new byte[3000];
        try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir).withSegmentBytes(64 * 1024))) {
            SpillQueue.Cursor c = q.cursor(0);
            long expected = 1;
            for (long s = 1; s <= 20_000; s++) {
                java.util.Arrays.fill(big, (byte) s);
                q.append(big);
                if (s % 3 == 0) {
                    SpillQueue.Record r;
                    while ((r = c.next()) != null) {
                        assertEquals(expected, r.sequence());
                        assertEquals((byte) expected, r.payload()[2999], "payload of " + expected);
                        expected++;
                    }
                }
            }
            assertTrue(q.segmentCount() > 500, "rolled: " + q.segmentCount());
        }
    }

    @Test
    void segmentRollsReuseTheDirectWriteBuffers(@TempDir Path dir) throws Exception {
        byte[] big = new byte[3000];
        try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir).withSegmentBytes(64 * 1024))) {
            for (long s = 1; s <= 20_000; s++) {
                q.append(big);
                if (s % 40 == 0) {
                    // a group commit: sealed segments are closed and give their buffers back
                    // (without it a slow fsync thread could leave many sealed ones holding theirs)
                    q.sync();
                }
            }
            assertTrue(q.segmentCount() > 500, "rolled: " + q.segmentCount());
            // a few segments' worth (open, sealing), where a buffer per segment would be 900 or more
            assertTrue(q.directBuffersAllocated() <= 6 * DirectAppendFile.BUFFERS,
                    "rolls reuse the direct buffers: " + q.directBuffersAllocated() + " allocated");
        }
    }

    @Test
    void readersSkipADamagedRecordAndDepthDoesNotCountIt(@TempDir Path dir) throws Exception {
        SpillConfig cfg = SpillConfig.defaults(dir).withSegmentBytes(4096).withPolicy(FsyncPolicy.OS);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            for (long s = 1; s <= 400; s++) {
                q.append(payload(s));
            }
        }
        List<Path> segs = Storage.DISK.list(dir).stream().filter(p -> p.toString().endsWith(".seg")).toList();
        assertTrue(segs.size() >= 4, "segments: " + segs);
        Path second = segs.get(1);
        long first = Long.parseLong(second.getFileName().toString().substring(0, 20));
        long next = Long.parseLong(segs.get(2).getFileName().toString().substring(0, 20));
        byte[] b = Files.readAllBytes(second);
        b[40] ^= 0x7f; // inside its first record
        Files.write(second, b);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            // the damaged record costs only itself (resynchronised at the next valid record)
            assertEquals(List.of(new RecoveryReport.LostRange(first, first, q.recoveryReport().lost().get(0).cause())),
                    q.recoveryReport().lost(), q.recoveryReport().toString());
            assertTrue(q.recoveryReport().lost().get(0).cause().contains("readers skip them"), q.recoveryReport().toString());
            List<Long> seqs = readAll(q);
            List<Long> want = new ArrayList<>();
            for (long s = 1; s <= 400; s++) {
                if (s != first) {
                    want.add(s);
                }
            }
            assertEquals(want, seqs, "everything but the damaged record, in order");
            assertEquals(want.size(), q.depthMessages(), "the gap is not depth");
            assertEquals(first + 1, q.cursor(first - 1).next().sequence(), "a cursor right before the gap skips it");
            q.acknowledge(first); // the gap itself
            assertEquals(400 - first, q.depthMessages());
            assertEquals(first + 1, q.cursor(q.committedSequence()).next().sequence(), "a cursor after the gap");
            assertTrue(next > first + 1, "the segment holds more than the damaged record");
        }
    }

    @Test
    void aRecordOfTheLargestAllowedSizeSurvivesReopening(@TempDir Path dir) throws Exception {
        for (FsyncPolicy policy : FsyncPolicy.values()) {
            Path d = dir.resolve(policy.name());
            SpillConfig cfg = SpillConfig.defaults(d).withPolicy(policy);
            byte[] big = new byte[cfg.maxRecordBytes()];
            new java.util.Random(3).nextBytes(big);
            try (SpillQueue q = SpillQueue.open(cfg)) {
                q.append(payload(1));
                q.append(big);
                q.append(payload(3));
            }
            try (SpillQueue q = SpillQueue.open(cfg)) {
                assertTrue(q.recoveryReport().clean(), policy + ": " + q.recoveryReport());
                assertEquals(3, q.lastSequence());
                SpillQueue.Cursor c = q.cursor(0);
                assertEquals(1, c.next().sequence());
                assertArrayEquals(big, c.next().payload());
                assertArrayEquals(payload(3), c.next().payload());
            }
        }
    }

    @Test
    void appendsReadBackInOrderAcrossSegmentsAndReopen(@TempDir Path dir) throws Exception {
        SpillConfig cfg = SpillConfig.defaults(dir).withSegmentBytes(4096);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            for (long s = 1; s <= 1000; s++) {
                assertEquals(s, q.append(payload(s)));
            }
            assertTrue(q.segmentCount() > 5, "rolled: " + q.segmentCount());
            assertEquals(1000, readAll(q).size());
        }
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertTrue(q.recoveryReport().clean(), q.recoveryReport().toString());
            assertEquals(1000, q.lastSequence());
            assertEquals(1000, q.recoveryReport().recordsScanned());
            List<Long> seqs = readAll(q);
            assertEquals(1L, seqs.get(0));
            assertEquals(1000L, seqs.get(999));
        }
    }

    @Test
    void acknowledgedRecordsAreGoneAndTheirSegmentsDeleted(@TempDir Path dir) throws Exception {
        SpillConfig cfg = SpillConfig.defaults(dir).withSegmentBytes(4096);
        int segmentsBefore;
        try (SpillQueue q = SpillQueue.open(cfg)) {
            for (long s = 1; s <= 500; s++) {
                q.append(payload(s));
            }
            segmentsBefore = q.segmentCount();
            q.acknowledge(400);
            assertEquals(100, q.depthMessages());
            assertTrue(q.segmentCount() < segmentsBefore);
            assertEquals(401L, readAll(q).get(0));
            q.acknowledge(300); // an old acknowledgement changes nothing
            assertEquals(400, q.committedSequence());
            assertThrows(IllegalArgumentException.class, () -> q.acknowledge(501));
        }
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertEquals(400, q.committedSequence(), "the position is durable");
            assertEquals(List.of(401L), readAll(q).subList(0, 1));
            assertEquals(500, q.lastSequence());
            q.acknowledge(500);
            assertEquals(0, q.depthMessages());
            assertEquals(501, q.append(payload(501)), "sequences go on after everything was acknowledged");
        }
        long segFiles = Files.list(dir).filter(p -> p.toString().endsWith(".seg")).count();
        assertTrue(segFiles <= 2, "acknowledged segments deleted: " + segFiles);
    }

    @Test
    void aFullQueueRefusesAndSaysSo(@TempDir Path dir) throws Exception {
        SpillConfig cfg = SpillConfig.defaults(dir).withSegmentBytes(4096).withCapacityBytes(8192);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            long appended = 0;
            QueueFullException full = null;
            while (full == null) {
                try {
                    q.append(payload(appended + 1));
                    appended++;
                } catch (QueueFullException e) {
                    full = e;
                }
            }
            assertTrue(full.getMessage().contains("spill queue full"));
            assertEquals(appended, q.lastSequence(), "nothing appended by the refused call");
            q.acknowledge(appended);
            assertEquals(appended + 1, q.append(payload(appended + 1)), "room again once acknowledged and freed");
        }
    }

    @Test
    void everyPolicyIsDurableAtItsPoint(@TempDir Path dir) throws Exception {
        for (FsyncPolicy p : FsyncPolicy.values()) {
            Path d = dir.resolve(p.name());
            try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(d).withPolicy(p))) {
                q.append(payload(1));
                if (p != FsyncPolicy.GROUP) {
                    assertEquals(1, q.durableSequence(), p.name());
                } else {
                    assertEquals(0, q.durableSequence(), "GROUP waits for the group");
                    q.sync();
                    assertEquals(1, q.durableSequence());
                }
                assertEquals(p == FsyncPolicy.OS, q.fsyncCount() == 0, p + " fsyncs: " + q.fsyncCount());
            }
        }
    }

    @Test
    void cursorsSeeLaterAppends(@TempDir Path dir) throws Exception {
        try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir))) {
            SpillQueue.Cursor c = q.cursor(0);
            assertNull(c.next());
            q.append(payload(1));
            assertEquals(1, c.next().sequence());
            q.append(payload(2));
            q.append(payload(3));
            assertEquals(2, c.next().sequence());
            assertEquals(3, c.next().sequence());
            assertNull(c.next());
        }
    }

    @Test
    void oversizedRecordsAreRefusedBeforeWriting(@TempDir Path dir) throws Exception {
        SpillConfig cfg = new SpillConfig(dir, 1 << 20, 100, 1 << 30, FsyncPolicy.GROUP, 10, 5);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertThrows(IllegalArgumentException.class, () -> q.append(new byte[101]));
            assertEquals(0, q.lastSequence());
        }
    }
}
