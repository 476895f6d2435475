package tcpflowlab.spill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A storage that fails the Nth write, force or rename, or runs out of space: the queue fails closed and recovers on reopen. */
class FaultInjectionTest {
    enum Fault { WRITE, FORCE, RENAME, DISK_FULL }

    static final class FaultyStorage extends ForwardingStorage {
        private final Fault fault;
        private final int failAt;
        private int count;
        private boolean tripped;

        FaultyStorage(Fault fault, int failAt) {
            this.fault = fault;
            this.failAt = failAt;
        }

        private void maybeFail(Fault op) throws IOException {
            if (op == fault && !tripped && ++count >= failAt) {
                tripped = true;
                throw new IOException(op == Fault.DISK_FULL ? "No space left on device" : "injected " + op + " failure");
            }
        }

        @Override
        public SegmentFile open(Path file, boolean create) throws IOException {
            return wrap(super.open(file, create));
        }

        @Override
        public SegmentFile openAppender(Path file, boolean create, AlignedBuffers buffers) throws IOException {
            return wrap(super.openAppender(file, create, buffers));
        }

        private SegmentFile wrap(SegmentFile file) {
            return new ForwardingSegmentFile(file) {
                @Override
                public void append(ByteBuffer src) throws IOException {
                    maybeFail(Fault.WRITE);
                    if (fault == Fault.DISK_FULL && !tripped && ++count >= failAt) {
                        // a short write: part of the batch reaches the file, then the disk is full
                        ByteBuffer part = src.duplicate();
                        part.limit(part.position() + Math.max(1, src.remaining() / 2));
                        real.append(part);
                        tripped = true;
                        throw new IOException("No space left on device");
                    }
                    real.append(src);
                }

                @Override
                public void writeAt(ByteBuffer src, long position) throws IOException {
                    maybeFail(Fault.WRITE);
                    real.writeAt(src, position);
                }

                @Override
                public void force() throws IOException {
                    maybeFail(Fault.FORCE);
                    real.force();
                }
            };
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            maybeFail(Fault.RENAME);
            super.move(from, to);
        }
    }

    @Test
    void everyFaultClosesTheQueueAndReopeningKeepsWhatWasDurable(@TempDir Path tmp) throws Exception {
        for (Fault f : new Fault[] {Fault.WRITE, Fault.FORCE, Fault.DISK_FULL}) {
            for (FsyncPolicy policy : FsyncPolicy.values()) {
                for (int n : new int[] {1, 3, 17}) {
                    Path dir = tmp.resolve(f + "-" + policy + "-" + n);
                    SpillConfig cfg = SpillConfig.defaults(dir).withSegmentBytes(2048).withPolicy(policy);
                    String where = f + " " + policy + " n=" + n;
                    SpillQueue q;
                    try {
                        q = SpillQueue.open(cfg, new FaultyStorage(f, n));
                    } catch (IOException e) {
                        // the fault hit while opening (creating the first segment): open fails
                        try (SpillQueue again = SpillQueue.open(cfg)) {
                            assertEquals(1, again.append(SpillQueueTest.payload(1)), where);
                        }
                        continue;
                    }
                    long durable = 0;
                    SpillFailedException failure = null;
                    // GROUP batches records, so the Nth write may come only after many appends.
                    for (long s = 1; s <= 20_000 && failure == null; s++) {
                        try {
                            q.append(SpillQueueTest.payload(s));
                            durable = q.durableSequence();
                        } catch (SpillFailedException e) {
                            failure = e;
                        }
                    }
                    if (failure == null) {
                        failure = assertThrows(SpillFailedException.class, q::sync, "the fault never tripped: " + where);
                    }
                    assertTrue(q.isFailed(), where);
                    SpillQueue failed = q;
                    assertThrows(SpillFailedException.class, () -> failed.append(new byte[1]), "fails closed: " + where);
                    assertThrows(SpillFailedException.class, () -> failed.cursor(0), where);
                    try (SpillQueue again = SpillQueue.open(cfg)) {
                        assertTrue(again.lastSequence() >= durable, where + ": lost durable records: "
                                + again.lastSequence() + " < " + durable);
                        List<Long> seqs = SpillQueueTest.readAll(again);
                        // a torn record's sequence is reported lost and not issued again
                        List<Long> lost = TornTailTest.lostSequences(again.recoveryReport());
                        assertEquals(again.lastSequence(), seqs.size() + lost.size(), where + " " + again.recoveryReport());
                        long lastDurable = durable;
                        assertTrue(lost.stream().allMatch(x -> x > lastDurable), where + ": lost a durable record "
                                + again.recoveryReport());
                        long next = again.lastSequence() + 1;
                        assertEquals(next, again.append(SpillQueueTest.payload(next)), "appends after recovery: " + where);
                    }
                }
            }
        }
    }

    @Test
    void aFailedRenameWhileSettingAStrayCopyAsideFailsTheOpenAndLosesNothing(@TempDir Path dir) throws Exception {
        SpillConfig cfg = SpillConfig.defaults(dir).withSegmentBytes(2048).withPolicy(FsyncPolicy.OS);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            for (long s = 1; s <= 300; s++) {
                q.append(SpillQueueTest.payload(s));
            }
        }
        // a stray copy of the first segment under the name of a sequence it holds
        Path first = Storage.DISK.list(dir).stream().filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        java.nio.file.Files.copy(first, dir.resolve("00000000000000000002.seg"));
        assertThrows(IOException.class, () -> SpillQueue.open(cfg, new FaultyStorage(Fault.RENAME, 1)));
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertTrue(q.recoveryReport().notes().stream().anyMatch(n -> n.contains("00000000000000000002.seg")
                    && n.contains(".set-aside")), q.recoveryReport().toString());
            assertEquals(List.of(), q.recoveryReport().lost(), q.recoveryReport().toString());
            assertEquals(300, q.lastSequence());
            assertEquals(300, SpillQueueTest.readAll(q).size());
        }
    }
}
