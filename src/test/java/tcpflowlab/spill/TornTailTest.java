package tcpflowlab.spill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a crash can leave at the end of the active segment, and recovery from it. */
class TornTailTest {
    private static final int RECORDS = 40;

    private static Path segment(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    private static Path build(Path dir) throws Exception {
        try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir).withPolicy(FsyncPolicy.OS))) {
            for (long s = 1; s <= RECORDS; s++) {
                q.append(SpillQueueTest.payload(s));
            }
        }
        return segment(dir);
    }

    private static long recordEnd(long seq) {
        long end = 0;
        for (long s = 1; s <= seq; s++) {
            end += SpillQueue.HEADER + SpillQueueTest.payload(s).length;
        }
        return end;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void truncatedAtEveryByteOfTheLastThreeRecordsRecoveryKeepsExactlyTheWholeOnes(@TempDir Path tmp) throws Exception {
        Path original = tmp.resolve("original");
        Path seg = build(original);
        long fullSize = Files.size(seg);
        long start = recordEnd(RECORDS - 3);
        int round = 0;
        for (long cut = start; cut < fullSize; cut++) {
            Path dir = tmp.resolve("cut" + round++);
            copy(original, dir);
            Path s = dir.resolve(seg.getFileName());
            try (var ch = java.nio.channels.FileChannel.open(s, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(cut);
            }
            long whole = 0;
            while (whole < RECORDS && recordEnd(whole + 1) <= cut) {
                whole++;
            }
            // a partial record's sequence may have reached a reader: it is reported lost, never issued again
            // (only zeros left of it look like block padding: nothing to report)
            byte[] left = Files.readAllBytes(s);
            long torn = 0;
            for (long b = recordEnd(whole); b < cut; b++) {
                torn = left[(int) b] != 0 ? 1 : torn;
            }
            try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir))) {
                assertEquals(whole + torn, q.lastSequence(), "cut at " + cut);
                assertEquals(cut - recordEnd(whole), q.recoveryReport().bytesTruncated(), "cut at " + cut);
                assertEquals(torn == 0 ? List.of() : List.of(whole + 1), lostSequences(q.recoveryReport()), "cut at " + cut);
                List<Long> seqs = SpillQueueTest.readAll(q);
                assertEquals(whole, seqs.size());
                assertEquals(whole + torn + 1, q.append(SpillQueueTest.payload(whole + torn + 1)),
                        "appends follow the valid prefix and the torn record's sequence");
            }
            try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir))) {
                assertTrue(q.recoveryReport().clean(), "second open is clean: " + q.recoveryReport());
                assertEquals(whole + 1, SpillQueueTest.readAll(q).size());
            }
            deleteTree(dir);
        }
    }

    static List<Long> lostSequences(RecoveryReport report) {
        List<Long> lost = new java.util.ArrayList<>();
        for (RecoveryReport.LostRange r : report.lost()) {
            for (long s = r.first(); s <= r.last() && lost.size() < 10_000; s++) {
                lost.add(s);
            }
        }
        return lost;
    }

    @Test
    void aFlippedBitInTheLastRecordsCostsOnlyTheDamagedRecordAndIsReported(@TempDir Path tmp) throws Exception {
        Path original = tmp.resolve("original");
        Path seg = build(original);
        long start = recordEnd(RECORDS - 3);
        long size = Files.size(seg);
        Random r = new Random(42);
        for (int round = 0; round < 300; round++) {
            Path dir = tmp.resolve("flip" + round);
            copy(original, dir);
            Path s = dir.resolve(seg.getFileName());
            byte[] bytes = Files.readAllBytes(s);
            long at = start + r.nextInt((int) (size - start));
            bytes[(int) at] ^= (byte) (1 << r.nextInt(8));
            Files.write(s, bytes);
            long damaged = 0;
            while (recordEnd(damaged + 1) <= at) {
                damaged++;
            }
            long bad = damaged + 1; // records other than this one are intact
            String where = "bit flipped at byte " + at + " (record " + bad + ")";
            try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir))) {
                List<Long> want = new java.util.ArrayList<>();
                for (long x = 1; x <= RECORDS; x++) {
                    if (x != bad) {
                        want.add(x);
                    }
                }
                assertEquals(want, SpillQueueTest.readAll(q), where);
                List<Long> lost = lostSequences(q.recoveryReport());
                assertTrue(lost.contains(bad), where + ": " + q.recoveryReport());
                assertTrue(lost.stream().allMatch(x -> x == bad || x > RECORDS), where + ": " + q.recoveryReport());
                assertTrue(q.lastSequence() >= RECORDS, where);
                assertTrue(q.append(SpillQueueTest.payload(1)) > RECORDS, where + ": no sequence is issued twice");
            }
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
