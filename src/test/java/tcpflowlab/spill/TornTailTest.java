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
            try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir))) {
                assertEquals(whole, q.lastSequence(), "cut at " + cut);
                assertEquals(cut - recordEnd(whole), q.recoveryReport().bytesTruncated(), "cut at " + cut);
                List<Long> seqs = SpillQueueTest.readAll(q);
                assertEquals(whole, seqs.size());
                assertEquals(whole + 1, q.append(SpillQueueTest.payload(whole + 1)), "appends follow the valid prefix");
            }
            try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir))) {
                assertTrue(q.recoveryReport().clean(), "second open is clean: " + q.recoveryReport());
                assertEquals(whole + 1, SpillQueueTest.readAll(q).size());
            }
            deleteTree(dir);
        }
    }

    @Test
    void flippedBitsInTheTailCutTheQueueAtTheFirstDamagedRecord(@TempDir Path tmp) throws Exception {
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
            // records 1..damaged are intact; record damaged+1 holds the flipped bit
            try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir))) {
                assertEquals(damaged, q.lastSequence(), "bit flipped at byte " + at);
                assertEquals(damaged, SpillQueueTest.readAll(q).size());
                q.append(SpillQueueTest.payload(damaged + 1));
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
