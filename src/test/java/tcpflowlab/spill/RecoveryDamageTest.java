package tcpflowlab.spill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator or a damaged disk can do to a spill directory between runs, and what recovery makes of it. */
class RecoveryDamageTest {

    private static SpillConfig config(Path dir) {
        return SpillConfig.defaults(dir).withPolicy(FsyncPolicy.OS);
    }

    /** Appends 1..n, acknowledges up to {@code acked}, closes. */
    private static void build(SpillConfig cfg, long n, long acked) throws IOException {
        try (SpillQueue q = SpillQueue.open(cfg)) {
            for (long s = 1; s <= n; s++) {
                q.append(SpillQueueTest.payload(s));
            }
            if (acked > 0) {
                q.acknowledge(acked);
            }
        }
    }

    private static long recordStart(long seq) {
        long at = 0;
        for (long s = 1; s < seq; s++) {
            at += SpillQueue.HEADER + SpillQueueTest.payload(s).length;
        }
        return at;
    }

    private static List<Path> segments(Path dir) throws IOException {
        return Storage.DISK.list(dir).stream().filter(p -> p.getFileName().toString().endsWith(".seg")).toList();
    }

    private static void flip(Path file, long at) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[(int) at] ^= 0x20;
        Files.write(file, b);
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    // ------------------------------------------------------------------ item 4

    @Test
    void aFlippedByteInAnAcknowledgedRecordCostsNothing(@TempDir Path dir) throws Exception {
        build(config(dir), 1000, 100);
        Path seg = segments(dir).get(0);
        flip(seg, recordStart(50) + SpillQueue.HEADER + 3); // a payload byte of acknowledged record 50
        try (SpillQueue q = SpillQueue.open(config(dir))) {
            assertEquals(900, q.depthMessages(), q.recoveryReport().toString());
            assertEquals(range(101, 1000), SpillQueueTest.readAll(q));
            assertEquals(1001, q.append(SpillQueueTest.payload(1001)));
            assertEquals(List.of(), q.recoveryReport().lost(), "damage below the position is no loss");
        }
    }

    @Test
    void aFlippedByteInAnUnacknowledgedRecordLosesThatRecordAndSaysSo(@TempDir Path dir) throws Exception {
        build(config(dir), 1000, 100);
        Path seg = segments(dir).get(0);
        flip(seg, recordStart(500) + 1); // the length field of record 500
        List<Long> want = new ArrayList<>(range(101, 1000));
        want.remove(Long.valueOf(500));
        try (SpillQueue q = SpillQueue.open(config(dir))) {
            assertEquals(want, SpillQueueTest.readAll(q));
            assertEquals(899, q.depthMessages());
            assertEquals(1001, q.append(SpillQueueTest.payload(1001)), "no sequence is issued twice");
            List<RecoveryReport.LostRange> lost = q.recoveryReport().lost();
            assertEquals(1, lost.size(), q.recoveryReport().toString());
            assertEquals(500, lost.get(0).first());
            assertEquals(500, lost.get(0).last());
        }
        try (SpillQueue q = SpillQueue.open(config(dir))) {
            assertEquals(500, q.recoveryReport().lost().get(0).first(), "the damage is still there: reported again");
        }
    }

    // ------------------------------------------------------------------ item 5

    @Test
    void aStrayCopyOfASegmentIsSetAsideAndNoSequenceIsIssuedTwice(@TempDir Path dir) throws Exception {
        build(config(dir), 100, 0);
        Path seg = segments(dir).get(0);
        Path stray = dir.resolve("00000000000000000002.seg");
        Files.copy(seg, stray);
        byte[] copy = Files.readAllBytes(stray);
        try (SpillQueue q = SpillQueue.open(config(dir))) {
            assertEquals(100, q.depthMessages(), q.recoveryReport().toString());
            assertEquals(range(1, 100), SpillQueueTest.readAll(q));
            assertEquals(101, q.append(SpillQueueTest.payload(101)), "sequences go on after the last one issued");
            assertTrue(q.recoveryReport().notes().stream().anyMatch(n -> n.contains("00000000000000000002.seg")),
                    q.recoveryReport().toString());
            assertEquals(List.of(), q.recoveryReport().lost());
        }
        Path aside = dir.resolve("00000000000000000002.seg.set-aside");
        assertArrayEquals(copy, Files.readAllBytes(aside), "set aside as it was, never deleted");
        try (SpillQueue q = SpillQueue.open(config(dir))) {
            assertTrue(q.recoveryReport().clean(), q.recoveryReport().toString());
            assertEquals(range(1, 101), SpillQueueTest.readAll(q));
        }
    }

    @Test
    void aCopyOfTheActiveSegmentUnderAHigherNameCannotPullSequencesBack(@TempDir Path dir) throws Exception {
        SpillConfig cfg = config(dir).withSegmentBytes(2048);
        build(cfg, 300, 250);
        List<Path> segs = segments(dir);
        Path active = segs.get(segs.size() - 1);
        Files.copy(active, dir.resolve("00000000000000000900.seg")); // above everything: no valid record of its range
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertEquals(range(251, 300), SpillQueueTest.readAll(q));
            assertEquals(301, q.append(SpillQueueTest.payload(301)));
            assertEquals(List.of(), q.recoveryReport().lost(), q.recoveryReport().toString());
        }
        assertTrue(Files.exists(dir.resolve("00000000000000000900.seg.set-aside")));
    }

    // ------------------------------------------------------------------ item 6

    @Test
    void everySegmentFileRemovedIsReported(@TempDir Path dir) throws Exception {
        build(config(dir), 100, 40);
        for (Path p : segments(dir)) {
            Files.delete(p);
        }
        try (SpillQueue q = SpillQueue.open(config(dir))) {
            assertTrue(q.recoveryReport().notes().stream().anyMatch(n -> n.contains("no segment file")
                    && n.contains("40")), q.recoveryReport().toString());
            assertTrue(q.recoveryReport().lost().stream().anyMatch(r -> r.first() == 41 && !r.endKnown()),
                    q.recoveryReport().toString());
            assertTrue(q.append(SpillQueueTest.payload(41)) > 100, "41 .. 100 were issued before");
        }
    }

    @Test
    void removingTheNewestSegmentIsReportedAndItsSequencesAreNeverIssuedAgain(@TempDir Path dir) throws Exception {
        SpillConfig cfg = config(dir).withSegmentBytes(2048);
        build(cfg, 300, 100);
        List<Path> segs = segments(dir);
        assertTrue(segs.size() > 2, "rolled: " + segs);
        Path newest = segs.get(segs.size() - 1);
        long base = SegmentLog.segmentName(newest.getFileName().toString());
        assertTrue(base > 101 && base <= 300, "the newest segment holds unacknowledged records: " + base);
        Files.delete(newest); // nothing else on disk names the records it held
        long next;
        try (SpillQueue q = SpillQueue.open(cfg)) {
            RecoveryReport report = q.recoveryReport();
            assertEquals(range(101, base - 1), SpillQueueTest.readAll(q), report.toString());
            assertTrue(report.lost().stream().anyMatch(r -> r.first() == base && r.last() >= 300 && !r.endKnown()
                    && r.cause().contains("newest segment file") && r.cause().contains("cannot be known")
                    && r.toString().startsWith("sequences from " + base + " on")), report.toString());
            assertTrue(report.lost().stream().allMatch(r -> r.first() >= base), "nothing below it: " + report);
            next = q.append(SpillQueueTest.payload(301));
            assertTrue(next > 300, "sequence " + next + " was issued before the newest segment was removed");
        }
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertTrue(q.recoveryReport().lost().stream().noneMatch(r -> r.first() > base),
                    "the skipped range is reported once, then covered: " + q.recoveryReport());
            assertTrue(q.append(SpillQueueTest.payload(302)) > next);
        }
    }

    /** A slot of the previous version's layout: sequence (8) | generation (8) | CRC32C of both (4). */
    private static void oldSlot(java.nio.ByteBuffer b, int at, long sequence, long generation) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(java.nio.ByteBuffer.allocate(16).putLong(sequence).putLong(generation).array());
        b.putLong(at, sequence).putLong(at + 8, generation).putInt(at + 16, (int) c.getValue());
    }

    @Test
    void aPositionFileOfThePreviousLayoutOpensAndFromThenOnRecordsTheNewestSegment(@TempDir Path dir) throws Exception {
        SpillConfig cfg = config(dir).withSegmentBytes(2048);
        build(cfg, 300, 0);
        byte[] previous = new byte[32 + 20]; // as the previous version left it: slots 32 bytes apart, 20 used
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(previous);
        oldSlot(b, 0, 120, 8);
        oldSlot(b, 32, 90, 7);
        Files.write(dir.resolve(CommitPosition.FILE), previous);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertTrue(q.recoveryReport().clean(), q.recoveryReport().toString());
            assertEquals(120, q.committedSequence(), "the slot with the higher generation");
            assertEquals(range(121, 300), SpillQueueTest.readAll(q));
        }
        oldSlot(b, 32, 150, 9); // the older slot fails its checksum in either layout: the other one counts
        previous[32 + 3] ^= 0x20;
        Files.write(dir.resolve(CommitPosition.FILE), previous);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertEquals(120, q.committedSequence(), q.recoveryReport().toString());
            assertTrue(q.recoveryReport().notes().stream().anyMatch(n -> n.contains("slot 1 fails its checksum")),
                    q.recoveryReport().toString());
        }
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertTrue(q.recoveryReport().clean(), "written anew in the current layout: " + q.recoveryReport());
        }
        // opened by this version, the file records the newest segment: removing it is seen
        List<Path> segs = segments(dir);
        Files.delete(segs.get(segs.size() - 1));
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertTrue(q.recoveryReport().lost().stream().anyMatch(r -> !r.endKnown()), q.recoveryReport().toString());
            assertTrue(q.append(SpillQueueTest.payload(301)) > 300);
        }
    }

    @Test
    void aRemovedPositionFileIsReportedAndReplayStartsAtTheOldestSegment(@TempDir Path dir) throws Exception {
        SpillConfig cfg = config(dir).withSegmentBytes(2048);
        build(cfg, 300, 150);
        long oldest = SegmentLog.segmentName(segments(dir).get(0).getFileName().toString());
        assertTrue(oldest > 1 && oldest <= 151, "acknowledged segments were deleted: " + oldest);
        Files.delete(dir.resolve(CommitPosition.FILE));
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertTrue(q.recoveryReport().notes().stream().anyMatch(n -> n.contains("position file is missing")),
                    q.recoveryReport().toString());
            assertEquals(List.of(), q.recoveryReport().lost(), "sequences below the oldest segment were acknowledged");
            assertEquals(oldest - 1, q.committedSequence());
            assertEquals(range(oldest, 300), SpillQueueTest.readAll(q), "replayed again, none lost");
        }
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertTrue(q.recoveryReport().clean(), "the position was written anew: " + q.recoveryReport());
        }
    }

    @Test
    void aDamagedPositionFileIsReportedAndRepaired(@TempDir Path dir) throws Exception {
        SpillConfig cfg = config(dir);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            for (long s = 1; s <= 100; s++) {
                q.append(SpillQueueTest.payload(s));
            }
            q.acknowledge(30);
            q.acknowledge(60);
        }
        byte[] slots = Files.readAllBytes(dir.resolve(CommitPosition.FILE));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(slots);
        int newest = b.getLong(8) > b.getLong(32 + 8) ? 0 : 1; // the slot with the higher generation
        flip(dir.resolve(CommitPosition.FILE), newest * 32 + 3); // the newest slot's sequence
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertTrue(q.recoveryReport().notes().stream().anyMatch(n -> n.contains("position file is damaged")),
                    q.recoveryReport().toString());
            assertEquals(30, q.committedSequence(), "the other slot: an older position, so records are sent again");
            assertEquals(range(31, 100), SpillQueueTest.readAll(q));
        }
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertTrue(q.recoveryReport().clean(), "repaired: " + q.recoveryReport());
        }
        // both slots damaged: the safe position is before the oldest segment
        flip(dir.resolve(CommitPosition.FILE), 3);
        flip(dir.resolve(CommitPosition.FILE), 32 + 3);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertTrue(q.recoveryReport().notes().stream().anyMatch(n -> n.contains("position file is damaged")
                    && n.contains("safe position is 0")), q.recoveryReport().toString());
            assertEquals(range(1, 100), SpillQueueTest.readAll(q));
        }
    }

    // ------------------------------------------------------------------ item 7

    @Test
    void aSegmentThatIsASymlinkIsNeverFollowedItsTargetUntouched(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("spill");
        SpillConfig cfg = config(dir);
        build(cfg, 50, 0);
        Path seg = segments(dir).get(0);
        Path target = tmp.resolve("precious.dat");
        byte[] precious = "not a segment: must survive".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(target, precious);
        Files.delete(seg);
        Files.createSymbolicLink(seg, target);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertTrue(q.recoveryReport().notes().stream().anyMatch(n -> n.contains("symbolic link")),
                    q.recoveryReport().toString());
            long next = q.append(SpillQueueTest.payload(1));
            assertTrue(next > 1, "the link's name says sequences from 1 were issued: " + next);
            assertTrue(q.recoveryReport().lost().stream().anyMatch(r -> r.first() == 1), q.recoveryReport().toString());
        }
        assertArrayEquals(precious, Files.readAllBytes(target), "the link's target is neither truncated nor written");
        assertTrue(Files.isSymbolicLink(dir.resolve(seg.getFileName() + ".set-aside")), "the link is set aside");
        assertTrue(Files.isRegularFile(segments(dir).get(0), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aPositionFileThatIsASymlinkIsNeverWrittenThrough(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("spill");
        SpillConfig cfg = config(dir);
        build(cfg, 50, 0);
        Path target = tmp.resolve("precious.dat");
        byte[] precious = new byte[64];
        Files.write(target, precious);
        Files.delete(dir.resolve(CommitPosition.FILE));
        Files.createSymbolicLink(dir.resolve(CommitPosition.FILE), target);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            q.acknowledge(20);
            assertTrue(q.recoveryReport().notes().stream().anyMatch(n -> n.contains("position file is a symbolic link")),
                    q.recoveryReport().toString());
        }
        assertArrayEquals(precious, Files.readAllBytes(target), "the link's target is not written");
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertEquals(20, q.committedSequence());
        }
    }

    @Test
    void foreignEntriesAreReportedAndLeftUntouched(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("spill");
        SpillConfig cfg = config(dir);
        build(cfg, 10, 0);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Files.createDirectory(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("elsewhere"), tmp);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            List<String> notes = q.recoveryReport().notes();
            for (String name : List.of("notes.txt", "sub", "elsewhere")) {
                assertTrue(notes.stream().anyMatch(n -> n.contains(name) && n.contains("left untouched")), name + ": " + notes);
            }
            assertEquals(range(1, 10), SpillQueueTest.readAll(q));
        }
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
        assertTrue(Files.isDirectory(dir.resolve("sub"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isSymbolicLink(dir.resolve("elsewhere")));
    }
}
