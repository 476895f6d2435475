package tcpflowlab.spill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A power cut, which kill -9 cannot show: the page cache is lost, so only what was forced
 * survives. The storage below remembers each file as it was at its last fsync and the names
 * of the directory as they were at its last fsync (POSIX: a new or removed name is durable only
 * once the directory is forced). At a random moment the power goes off; the directory is then
 * rebuilt from those memories and the queue reopened: everything it had called durable, and
 * the acknowledged position, must still be there.
 */
class PowerLossTest {

    /** Delegates to the disk and keeps the state a power cut would leave. */
    static class PowerCutStorage extends ForwardingStorage {
        private final Map<Path, byte[]> forcedContent = new HashMap<>();
        private final Set<Path> durableNames = new HashSet<>();
        private volatile boolean off;

        private void check() throws IOException {
            if (off) {
                throw new IOException("the power is off");
            }
        }

        @Override
        public SegmentFile open(Path file, boolean create) throws IOException {
            check();
            return wrap(file, super.open(file, create));
        }

        @Override
        public SegmentFile openAppender(Path file, boolean create, AlignedBuffers buffers) throws IOException {
            check();
            return wrap(file, super.openAppender(file, create, buffers));
        }

        private SegmentFile wrap(Path file, SegmentFile segment) {
            return new ForwardingSegmentFile(segment) {
                @Override
                public void append(ByteBuffer src) throws IOException {
                    check();
                    real.append(src);
                }

                @Override
                public void writeAt(ByteBuffer src, long position) throws IOException {
                    check();
                    real.writeAt(src, position);
                }

                @Override
                public int read(ByteBuffer dst, long position) throws IOException {
                    check();
                    return real.read(dst, position);
                }

                @Override
                public void force() throws IOException {
                    check();
                    real.force();
                    // Bytes written while the fsync ran may be in the copy too: a real disk
                    // may keep them as well, and recovery must cope with a torn tail anyway.
                    ByteBuffer now = ByteBuffer.allocate((int) real.size());
                    while (now.hasRemaining() && real.read(now, now.position()) > 0) {
                        // read the whole file through the open channel (it may be deleted by now)
                    }
                    synchronized (PowerCutStorage.this) {
                        forcedContent.put(file, java.util.Arrays.copyOf(now.array(), now.position()));
                    }
                }

                @Override
                public void truncate(long size) throws IOException {
                    check();
                    real.truncate(size);
                }
            };
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            check();
            super.move(from, to);
            synchronized (this) {
                forcedContent.put(to, forcedContent.remove(from));
            }
        }

        @Override
        public void delete(Path file) throws IOException {
            check();
            super.delete(file); // its forced content stays: the name comes back unless the directory is forced
        }

        @Override
        public void forceDirectory(Path dir) throws IOException {
            check();
            super.forceDirectory(dir);
            List<Path> names = Storage.DISK.list(dir);
            synchronized (this) {
                durableNames.clear();
                durableNames.addAll(names);
            }
        }

        @Override
        public List<Path> list(Path dir) throws IOException {
            check();
            return super.list(dir);
        }

        /** The file's content as of its last fsync, or null. */
        synchronized byte[] forced(Path file) {
            return forcedContent.get(file);
        }

        /** Cuts the power: every later call fails. Returns what the disk holds now. */
        synchronized Map<Path, byte[]> cut() {
            off = true;
            Map<Path, byte[]> disk = new HashMap<>();
            for (Path name : durableNames) {
                disk.put(name, forcedContent.getOrDefault(name, new byte[0]));
            }
            return disk;
        }
    }

    static void restore(Path dir, Map<Path, byte[]> disk) throws IOException {
        for (Path p : Storage.DISK.list(dir)) {
            Files.delete(p);
        }
        for (Map.Entry<Path, byte[]> e : disk.entrySet()) {
            Files.write(e.getKey(), e.getValue());
        }
    }

    @Test
    void aPositionFileCreatedForAnExistingQueueSurvivesAPowerCut(@TempDir Path dir) throws Exception {
        SpillConfig cfg = SpillConfig.defaults(dir).withPolicy(FsyncPolicy.ALWAYS);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            for (long s = 1; s <= 10; s++) {
                q.append(SpillQueueTest.payload(s));
            }
        }
        Files.delete(dir.resolve(CommitPosition.FILE)); // lost, or never there: it is created anew
        PowerCutStorage storage = new PowerCutStorage();
        storage.forceDirectory(dir); // what the disk holds now: the segment, no position file
        for (Path p : Storage.DISK.list(dir)) {
            try (SegmentFile f = storage.open(p, false)) {
                f.force();
            }
        }
        SpillQueue q = SpillQueue.open(cfg, storage);
        q.acknowledge(4); // within the one segment: nothing is deleted, so no other directory fsync
        Map<Path, byte[]> disk = storage.cut();
        try {
            q.close();
        } catch (IOException expected) {
            // the power is off
        }
        restore(dir, disk);
        try (SpillQueue again = SpillQueue.open(cfg)) {
            assertEquals(4, again.committedSequence(), "the acknowledgement survived: its file's name was forced");
            assertEquals(10, again.lastSequence());
        }
    }

    /**
     * The position file records the newest segment's first sequence no later than the segment's
     * name is durable: at every directory fsync the position file as forced names a newest
     * segment at or above every segment name the fsync makes durable. Then, after a power cut,
     * removing the newest segment that survived is seen, and no sequence it could hold comes back.
     */
    @Test
    void theNewestSegmentIsRecordedNoLaterThanItsNameIsDurable(@TempDir Path tmp) throws Exception {
        for (FsyncPolicy policy : FsyncPolicy.values()) {
            for (int round = 0; round < 10; round++) {
                Random rnd = new Random(round * 31L + policy.ordinal());
                Path dir = tmp.resolve(policy + "-" + round);
                Files.createDirectories(dir);
                String where = policy + " round " + round;
                List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
                PowerCutStorage storage = new PowerCutStorage() {
                    @Override
                    public void forceDirectory(Path d) throws IOException {
                        super.forceDirectory(d); // the names listed now are durable
                        long newestName = 0;
                        for (Path p : Storage.DISK.list(d)) {
                            newestName = Math.max(newestName, SegmentLog.segmentName(p.getFileName().toString()));
                        }
                        byte[] position = forced(d.resolve(CommitPosition.FILE));
                        long recorded = position == null ? 0
                                : CommitPosition.decode(position, position.length, position.length).newestSegment();
                        if (recorded < newestName) {
                            violations.add("segment " + newestName + " durable, position file records " + recorded);
                        }
                    }
                };
                SpillConfig cfg = new SpillConfig(dir, 1024, 1 << 20, 1L << 30, policy, 1 + rnd.nextInt(32), 1);
                SpillQueue q = SpillQueue.open(cfg, storage);
                int appends = 50 + rnd.nextInt(policy == FsyncPolicy.GROUP ? 2000 : 300);
                for (long s = 1; s <= appends; s++) {
                    q.append(SpillQueueTest.payload(s));
                    if (rnd.nextInt(100) == 0) {
                        q.acknowledge(q.committedSequence() + rnd.nextInt((int) (s - q.committedSequence()) + 1));
                    }
                }
                long durable = q.durableSequence();
                Map<Path, byte[]> disk = storage.cut();
                try {
                    q.close();
                } catch (IOException expected) {
                    // the power is off
                }
                assertEquals(List.of(), violations, where);
                restore(dir, disk);
                long issued;
                try (SpillQueue again = SpillQueue.open(cfg)) {
                    issued = again.lastSequence(); // at least everything the power cut left
                }
                List<Path> segments = Storage.DISK.list(dir).stream()
                        .filter(p -> SegmentLog.segmentName(p.getFileName().toString()) > 0).toList();
                Files.delete(segments.get(segments.size() - 1));
                try (SpillQueue again = SpillQueue.open(cfg)) {
                    long next = again.append(SpillQueueTest.payload(1));
                    assertTrue(next > Math.max(issued, durable), where + ": sequence " + next + " issued again after "
                            + issued + "; " + again.recoveryReport());
                    assertTrue(again.recoveryReport().lost().stream().anyMatch(l -> !l.endKnown()),
                            where + ": " + again.recoveryReport());
                }
            }
        }
    }

    @Test
    void everythingCalledDurableSurvivesAPowerCut(@TempDir Path tmp) throws Exception {
        for (FsyncPolicy policy : new FsyncPolicy[] {FsyncPolicy.GROUP, FsyncPolicy.ALWAYS}) {
            for (int round = 0; round < 40; round++) {
                Random rnd = new Random(round * 7919L + policy.ordinal());
                Path dir = tmp.resolve(policy + "-" + round);
                Files.createDirectories(dir);
                String where = policy + " round " + round;
                // small segments (many rolls) and small groups (many group commits in flight)
                SpillConfig cfg = new SpillConfig(dir, 4096, 1 << 20, 1L << 30, policy, 1 + rnd.nextInt(64), 1);
                PowerCutStorage storage = new PowerCutStorage();
                SpillQueue q = SpillQueue.open(cfg, storage);
                int appends = policy == FsyncPolicy.ALWAYS ? rnd.nextInt(300) : rnd.nextInt(4000);
                for (long s = 1; s <= appends; s++) {
                    q.append(SpillQueueTest.payload(s));
                    if (rnd.nextInt(150) == 0) {
                        q.acknowledge(q.committedSequence() + rnd.nextInt((int) (s - q.committedSequence()) + 1));
                    }
                    if (rnd.nextInt(1000) == 0) {
                        q.sync();
                    }
                }
                if (rnd.nextBoolean()) {
                    Thread.sleep(rnd.nextInt(5)); // let the group commit catch up, or not
                }
                long durable = q.durableSequence(); // read before the cut: it only grows
                long acknowledged = q.committedSequence();
                Map<Path, byte[]> disk = storage.cut();
                try {
                    q.close();
                } catch (IOException expected) {
                    // the power is off
                }
                restore(dir, disk);
                try (SpillQueue again = SpillQueue.open(cfg)) {
                    assertTrue(again.committedSequence() >= acknowledged, where + ": acknowledged position lost: "
                            + again.committedSequence() + " < " + acknowledged);
                    assertTrue(again.lastSequence() >= durable, where + ": durable records lost: "
                            + again.lastSequence() + " < " + durable + " " + again.recoveryReport());
                    List<Long> seqs = SpillQueueTest.readAll(again); // checks every payload
                    assertEquals(again.depthMessages(), seqs.size(), where);
                    for (int i = 0; i < seqs.size(); i++) {
                        assertTrue(i == 0 || seqs.get(i) > seqs.get(i - 1), where + ": order");
                        // a gap (a sealed segment's tail that was not yet forced) may only hold
                        // records that were never called durable
                        long expected = i == 0 ? again.committedSequence() + 1 : seqs.get(i - 1) + 1;
                        assertTrue(seqs.get(i) == expected || expected > durable, where + ": durable "
                                + expected + " missing before " + seqs.get(i));
                    }
                    if (durable > again.committedSequence()) {
                        assertTrue(seqs.contains(durable), where + ": the last durable record " + durable);
                    }
                    long next = again.lastSequence() + 1;
                    assertEquals(next, again.append(SpillQueueTest.payload(next)), where + ": appends after recovery");
                }
                try (SpillQueue again = SpillQueue.open(cfg)) {
                    assertTrue(again.recoveryReport().clean(), where + ": the append after recovery is sound: "
                            + again.recoveryReport());
                    List<Long> seqs = SpillQueueTest.readAll(again);
                    assertEquals(again.lastSequence(), seqs.get(seqs.size() - 1), where);
                }
            }
        }
    }
}
