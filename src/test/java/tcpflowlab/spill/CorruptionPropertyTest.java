package tcpflowlab.spill;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corruption suite: a queue with known appends and acknowledgements is closed, one fault is
 * applied to its directory, and it is reopened. Whatever the fault, every sequence above the
 * acknowledged position is read exactly once, in order, or named in a reported lost range, and
 * no sequence issued before is issued again.
 * Removing the newest segment file (or all of them) is seen through the position file's record
 * of the newest segment: what it held is reported lost with an unknown end, and skipped.
 */
class CorruptionPropertyTest {
    enum Fault { FLIP_BYTE, STRAY_COPY, DELETE_SEGMENT, DELETE_NEWEST_SEGMENT, DELETE_ALL_SEGMENTS, SYMLINK_SEGMENT }

    @Provide
    Arbitrary<FsyncPolicy> policies() {
        return Arbitraries.of(FsyncPolicy.OS, FsyncPolicy.GROUP);
    }

    @Property(tries = 300)
    void recoveryNamesEveryLossAndNeverReissuesASequence(@ForAll("policies") FsyncPolicy policy,
                                                         @ForAll @IntRange(min = 1, max = 250) int appends,
                                                         @ForAll @IntRange(min = 0, max = 100) int ackedPercent,
                                                         @ForAll Fault fault,
                                                         @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed)
            throws Exception {
        Path root = Files.createTempDirectory("spill-corruption");
        try {
            check(root, policy, appends, appends * (long) ackedPercent / 100, fault, new Random(seed));
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void check(Path root, FsyncPolicy policy, int appends, long acked, Fault fault, Random r)
            throws Exception {
        Path dir = root.resolve("spill");
        SpillConfig cfg = SpillConfig.defaults(dir).withSegmentBytes(1024).withPolicy(policy);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            for (long s = 1; s <= appends; s++) {
                q.append(SpillQueueTest.payload(s));
            }
            if (acked > 0) {
                q.acknowledge(acked);
            }
        }
        List<Path> segments = Storage.DISK.list(dir).stream().filter(p -> p.toString().endsWith(".seg")).toList();
        String what = fault + " ";
        Path linkTarget = null;
        byte[] targetBytes = null;
        switch (fault) {
            case FLIP_BYTE -> {
                List<Path> files = new ArrayList<>(segments);
                files.add(dir.resolve(CommitPosition.FILE));
                files.removeIf(p -> p.toFile().length() == 0);
                if (!files.isEmpty()) {
                    Path f = files.get(r.nextInt(files.size()));
                    byte[] b = Files.readAllBytes(f);
                    int at = r.nextInt(b.length);
                    b[at] ^= (byte) (1 + r.nextInt(255));
                    Files.write(f, b);
                    what += f.getFileName() + " byte " + at;
                }
            }
            case STRAY_COPY -> {
                Path from = segments.get(r.nextInt(segments.size()));
                Path to;
                do {
                    to = dir.resolve(String.format("%020d.seg", 1 + r.nextInt(appends + 5)));
                } while (Files.exists(to));
                Files.copy(from, to);
                what += from.getFileName() + " copied to " + to.getFileName();
            }
            case DELETE_SEGMENT -> {
                if (segments.size() > 1) { // not the newest: DELETE_NEWEST_SEGMENT
                    Path p = segments.get(r.nextInt(segments.size() - 1));
                    Files.delete(p);
                    what += p.getFileName();
                }
            }
            case DELETE_NEWEST_SEGMENT -> {
                Path p = segments.get(segments.size() - 1);
                Files.delete(p);
                what += p.getFileName();
            }
            case DELETE_ALL_SEGMENTS -> {
                for (Path p : segments) {
                    Files.delete(p);
                }
                what += segments.size() + " files";
            }
            case SYMLINK_SEGMENT -> {
                // moved elsewhere and linked back, as an operator short of space might
                Path p = segments.get(r.nextInt(segments.size()));
                linkTarget = root.resolve("moved-" + p.getFileName());
                Files.move(p, linkTarget);
                Files.createSymbolicLink(p, linkTarget);
                targetBytes = Files.readAllBytes(linkTarget);
                what += p.getFileName();
            }
        }
        try (SpillQueue q = SpillQueue.open(cfg)) {
            RecoveryReport report = q.recoveryReport();
            String where = what + " (" + policy + ", " + appends + " appended, " + acked + " acknowledged): " + report;
            assertTrue(q.committedSequence() <= acked, where + ": position beyond the acknowledgement");
            List<Long> read = SpillQueueTest.readAll(q); // checks each payload
            for (int i = 1; i < read.size(); i++) {
                assertTrue(read.get(i) > read.get(i - 1), where + ": order " + read);
            }
            Set<Long> readable = new HashSet<>(read);
            for (long s : read) {
                assertTrue(s > q.committedSequence() && s <= appends, where + ": read " + s);
            }
            for (long s = acked + 1; s <= appends; s++) {
                long seq = s;
                assertTrue(readable.contains(seq) || report.lost().stream().anyMatch(l -> l.first() <= seq && seq <= l.last()),
                        where + ": sequence " + seq + " neither read nor reported lost");
            }
            if (fault == Fault.DELETE_NEWEST_SEGMENT || fault == Fault.DELETE_ALL_SEGMENTS) {
                assertTrue(report.lost().stream().anyMatch(l -> !l.endKnown() && l.last() >= appends),
                        where + ": the removal is named, up to the most the segment could hold");
            }
            long next = q.append(SpillQueueTest.payload(appends + 1));
            assertTrue(next > appends, where + ": sequence " + next + " issued again");
        }
        if (linkTarget != null) {
            assertArrayEquals(targetBytes, Files.readAllBytes(linkTarget), what + ": the link's target was changed");
            assertTrue(Files.isSymbolicLink(dir.resolve(linkTarget.getFileName().toString().substring(6) + ".set-aside")));
        }
        // and the state recovery left opens again without surprises: no new loss
        try (SpillQueue q = SpillQueue.open(cfg)) {
            long next = q.append(SpillQueueTest.payload(appends + 2));
            assertTrue(next > appends + 1, what + ": second reopening reissued " + next);
            assertTrue(q.recoveryReport().lost().stream().allMatch(RecoveryReport.LostRange::endKnown),
                    what + ": a removal is reported once, then covered: " + q.recoveryReport());
            assertTrue(Files.isRegularFile(Storage.DISK.list(dir).stream().filter(p -> p.toString().endsWith(".seg"))
                    .reduce((a, b) -> b).orElseThrow(), LinkOption.NOFOLLOW_LINKS));
        }
    }
}
