package tcpflowlab.spill;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.zip.CRC32C;

/**
 * A durable FIFO queue on the file system: the overflow a server could not send, kept until
 * the client acknowledges it. A segmented append-only log; each record is
 * {@code length (4) | CRC32C (4) | sequence (8) | payload}, the CRC covering sequence and
 * payload. Segments are named by their first sequence and sealed at a size limit. Sequences
 * start at 1 and have no gaps, except where recovery reported records lost: a damaged record
 * (skipped by resynchronising at the next valid one), a segment file removed or set aside
 * ({@code NAME.seg.set-aside}, never deleted), or a tail cut after a crash. A sequence is never
 * issued twice: what recovery saw issued but cannot read is covered by a tombstone
 * ({@link SegmentScan#tombstone}); the newest segment's first sequence is kept in the position
 * file, so a newest segment file that is removed is seen too, and what it could hold skipped.
 * <p>
 * The parts: {@link QueueRecovery} opens the directory, {@link SegmentLog} keeps the segments,
 * {@link GroupCommit} makes records durable, {@link SegmentReader} reads them back; this class
 * appends and acknowledges.
 * <p>
 * Written for this project rather than taken from a library: Tape has no checksums and calls
 * itself unsafe on ext4/NTFS, Chronicle Queue needs a dozen --add-opens on Java 17 and phones
 * home by default. Threads: one owner (the server's thread) calls everything public; for
 * GROUP the queue's syncer thread runs the fsyncs ({@link GroupCommit}), and a direct
 * (O_DIRECT) segment writes on a writer thread of its own ({@link DirectAppendFile}).
 */
public final class SpillQueue implements OverflowQueue {
    static final int HEADER = 16;
    static final String SUFFIX = ".seg";
    static final String SET_ASIDE = ".set-aside";
    private static final int BATCH_BYTES = 1024 * 1024;

    /** One record as read back. */
    public record Record(long sequence, byte[] payload) {
    }

    private final SpillConfig config;
    private final Storage storage;
    private final DirectoryLock lock;
    private final SegmentLog log;
    private final GroupCommit commit;
    private final ByteBuffer batch = ByteBuffer.allocateDirect(BATCH_BYTES);
    private final CRC32C crc = new CRC32C();
    private final RecoveryReport report;
    private CommitPosition position;
    private long lastSequence;
    private int unsynced;
    private long firstUnsyncedAt;
    private volatile boolean failed;
    private boolean closed;
    private volatile IOException syncFailure;

    private SpillQueue(SpillConfig config, Storage storage, RecoveryReport.Builder rb) throws IOException {
        this.config = config;
        this.storage = storage;
        this.log = new SegmentLog(config, storage);
        this.commit = new GroupCommit(config, storage, log, () -> failed, e -> {
            syncFailure = e; // the appender's next call fails the queue
            failed = true;
        });
        this.lock = DirectoryLock.acquire(config.dir());
        try {
            QueueRecovery.Recovered r = new QueueRecovery(config, storage, log, commit, rb).recover();
            position = r.position();
            lastSequence = r.lastSequence();
            commit.durableSequence(lastSequence);
            deleteAcknowledgedSegments();
            log.findGaps(r.committed());
        } catch (IOException | RuntimeException e) {
            position = commit.position(); // opened by recovery before it failed, or null
            fail("open", e instanceof IOException io ? io : new IOException(e)); // closes what was opened
            throw e;
        }
        this.report = rb.build();
        if (config.policy() == FsyncPolicy.GROUP) {
            commit.startSyncer();
        }
    }

    /** Opens (or creates) the queue in {@code config.dir()}, recovering what a crash left. */
    public static SpillQueue open(SpillConfig config) throws IOException {
        return open(config, Storage.DISK);
    }

    public static SpillQueue open(SpillConfig config, Storage storage) throws IOException {
        Files.createDirectories(config.dir());
        return new SpillQueue(config, storage, new RecoveryReport.Builder());
    }

    // ------------------------------------------------------------------ appending

    /**
     * Appends a record and returns its sequence. Durable according to the policy: OS and
     * ALWAYS before returning, GROUP at the next group commit ({@link #durableSequence()}).
     *
     * @throws QueueFullException when the queue holds its capacity (nothing appended)
     * @throws SpillFailedException on an I/O failure (the queue closes; reopen to recover)
     */
    @Override
    public long append(byte[] payload) throws IOException {
        ensureUsable();
        if (payload.length > config.maxRecordBytes()) {
            throw new IllegalArgumentException("record of " + payload.length + " B exceeds the maximum of "
                    + config.maxRecordBytes() + " B");
        }
        int recordBytes = HEADER + payload.length;
        if (log.diskBytes + recordBytes > config.capacityBytes()) {
            throw new QueueFullException("spill queue full: " + log.diskBytes + " of " + config.capacityBytes() + " B");
        }
        try {
            LogSegment active = log.active();
            if (active.size + recordBytes > config.segmentBytes() && active.last >= active.first) {
                roll();
                active = log.active();
            }
            long seq = lastSequence + 1;
            if (batch.remaining() < recordBytes) {
                flushBatch();
            }
            if (recordBytes > batch.capacity()) {
                ByteBuffer big = ByteBuffer.allocate(recordBytes);
                encode(big, seq, payload);
                big.flip();
                active.file.append(big);
            } else {
                encode(batch, seq, payload);
            }
            SegmentScan.Run run = active.runs.isEmpty() ? null : active.runs.get(active.runs.size() - 1);
            if (run != null && run.last == seq - 1) {
                run.last = seq;
            } else {
                active.runs.add(new SegmentScan.Run(seq, seq, active.size));
            }
            lastSequence = seq;
            active.last = seq;
            active.size += recordBytes;
            log.diskBytes += recordBytes;
            switch (config.policy()) {
                case OS -> {
                    flushBatch();
                    commit.durableSequence(seq);
                }
                case ALWAYS -> {
                    flushBatch();
                    commit.force(active.file);
                    commit.durableSequence(seq);
                }
                case GROUP -> {
                    if (unsynced++ == 0) {
                        firstUnsyncedAt = System.nanoTime();
                    }
                    if (unsynced >= config.groupRecords()
                            || System.nanoTime() - firstUnsyncedAt >= config.groupMillis() * 1_000_000L) {
                        flushBatch();
                        unsynced = 0;
                        commit.requestSync(seq);
                    }
                }
            }
            return seq;
        } catch (SpillFailedException e) {
            throw e;
        } catch (IOException e) {
            throw fail("append", e);
        }
    }

    private final byte[] seqBytes = new byte[8];

    private void encode(ByteBuffer b, long seq, byte[] payload) {
        // The CRC is computed from the heap arrays (sequence, then payload), not from the
        // direct buffer: no view object per record, and CRC32C.update(byte[]) is an intrinsic.
        for (int i = 0; i < 8; i++) {
            seqBytes[i] = (byte) (seq >>> (56 - 8 * i));
        }
        crc.reset();
        crc.update(seqBytes, 0, 8);
        crc.update(payload, 0, payload.length);
        b.putInt(payload.length).putInt((int) crc.getValue()).putLong(seq).put(payload);
    }

    /** Group commit now: everything appended becomes durable. */
    public void sync() throws IOException {
        ensureUsable();
        try {
            flushBatch();
            commit.forceNow(commit.durableSequence() < lastSequence);
            commit.durableSequence(lastSequence);
            unsynced = 0;
        } catch (SpillFailedException e) {
            throw e;
        } catch (IOException e) {
            throw fail("sync", e);
        }
    }

    /** For GROUP: syncs when the group's time is up; call it now and then when appends stop. */
    public void syncIfDue() throws IOException {
        if (unsynced > 0 && System.nanoTime() - firstUnsyncedAt >= config.groupMillis() * 1_000_000L) {
            sync();
        }
    }

    private void flushBatch() throws IOException {
        if (batch.position() > 0) {
            batch.flip();
            log.active().file.append(batch);
            batch.clear();
        }
    }

    private void roll() throws IOException {
        flushBatch();
        commit.roll(log.active(), lastSequence);
    }

    // ------------------------------------------------------------------ delivery

    /**
     * The client acknowledged every record up to {@code sequence}: the position is made durable
     * first, then segments it covers entirely are deleted. Acknowledge cumulatively: each call
     * costs an fsync.
     */
    @Override
    public void acknowledge(long sequence) throws IOException {
        ensureUsable();
        if (sequence <= position.sequence()) {
            return;
        }
        if (sequence > lastSequence) {
            throw new IllegalArgumentException("acknowledging " + sequence + " but the queue ends at " + lastSequence);
        }
        try {
            position.commit(sequence);
            deleteAcknowledgedSegments();
        } catch (IOException e) {
            throw fail("acknowledge", e);
        }
    }

    private void deleteAcknowledgedSegments() throws IOException {
        boolean deleted = false;
        while (log.segments.size() > 1 && log.segments.get(0).last <= position.sequence()) {
            LogSegment s = log.segments.remove(0);
            commit.dropSealing(s.path);
            storage.delete(s.path);
            log.diskBytes -= s.size;
            deleted = true;
        }
        if (deleted) {
            storage.forceDirectory(config.dir());
        }
    }

    /** A reader of the records after {@code afterSequence}, in order. */
    public Cursor cursor(long afterSequence) throws IOException {
        ensureUsable();
        return new Cursor(afterSequence, false);
    }

    /** Reads records in sequence order; sees records appended after it was made. */
    public final class Cursor {
        private long next;
        private final SegmentReader reader = new SegmentReader(storage, config.maxRecordBytes(), batch, commit);
        private final boolean durableOnly;

        private Cursor(long after, boolean durableOnly) {
            next = Math.max(after, position.sequence()) + 1;
            this.durableOnly = durableOnly;
        }

        /** The next record, or null when the cursor has caught up with the appends (or, durable-only, with the durable ones). */
        public Record next() throws IOException {
            ensureUsable();
            long limit = durableOnly ? commit.durableSequence() : lastSequence;
            if (next > limit) {
                return null;
            }
            try {
                // Gaps recovery reported (damaged records, a segment set aside or removed, records
                // a crash took before they were durable): continue with the next record there is.
                long at = log.present(next);
                if (at > limit) {
                    return null;
                }
                boolean jumped = at != next;
                next = at;
                LogSegment s = log.find(next);
                if (s == null) {
                    throw new IOException("sequence " + next + " is no longer in the queue");
                }
                if (jumped || !reader.isAt(s)) {
                    flushBatch(); // skipping reads the headers from the file
                    reader.skipTo(s, next);
                }
                Record r = reader.read(s, next);
                next++;
                return r;
            } catch (IOException e) {
                throw fail("read", e);
            }
        }

        public long nextSequence() {
            return next;
        }
    }

    // ------------------------------------------------------------------ state

    private void ensureUsable() throws IOException {
        IOException background = syncFailure;
        if (background != null) {
            syncFailure = null;
            throw fail("group fsync", background);
        }
        if (failed) {
            throw new SpillFailedException("the spill queue closed after an I/O failure; reopen it to recover", null);
        }
        if (closed) {
            throw new IOException("the spill queue is closed");
        }
    }

    private SpillFailedException fail(String what, IOException cause) {
        failed = true;
        commit.stopSyncer();
        commit.closeSealing();
        for (LogSegment s : log.segments) {
            if (s.file != null) {
                try {
                    s.file.close();
                } catch (IOException e) {
                    // already failing
                }
                s.file = null;
            }
        }
        try {
            if (position != null) {
                position.close();
            }
        } catch (IOException e) {
            // already failing
        }
        try {
            if (lock != null) {
                lock.close(); // reopening, in this process or another, recovers
            }
        } catch (IOException e) {
            // already failing
        }
        return new SpillFailedException("spill queue " + what + " failed (" + cause.getMessage()
                + "); the queue is closed, reopen it to recover", cause);
    }

    @Override
    public long lastSequence() {
        return lastSequence;
    }

    /** The last sequence that survives the policy's failure model (a killed process for OS). */
    public long durableSequence() {
        return commit.durableSequence();
    }

    @Override
    public long committedSequence() {
        return position.sequence();
    }

    @Override
    public Reader reader() throws IOException {
        // What goes to a client is only what survives the policy's failure model: a record a
        // crash could take (GROUP before its commit) must never reach a client, or after the
        // restart its sequence would be issued again for a new message, which the client would
        // drop as a duplicate: a silent loss.
        ensureUsable();
        Cursor c = new Cursor(position.sequence(), true);
        return c::next;
    }

    /**
     * Bytes of the records not yet acknowledged, from the average record size on disk (exact
     * when records are the same size, as the server's messages are); {@link #diskBytes()} is
     * what the files take, which capacity counts.
     */
    @Override
    public long depthBytes() {
        long onDisk = log.recordsAfter(log.segments.get(0).first - 1, lastSequence);
        if (onDisk <= 0 || depthMessages() <= 0) {
            return 0;
        }
        return Math.round(depthMessages() * (double) log.diskBytes / onDisk);
    }

    /** Records appended and not yet acknowledged. */
    @Override
    public long depthMessages() {
        return log.recordsAfter(position.sequence(), lastSequence);
    }

    /** Bytes of segment files on disk (a segment is freed once fully acknowledged). */
    public long diskBytes() {
        return log.diskBytes;
    }

    /** Direct write buffers ever allocated (reused across segments, so this stays small). */
    int directBuffersAllocated() {
        return log.directBuffersAllocated();
    }

    public int segmentCount() {
        return log.segments.size();
    }

    public long fsyncCount() {
        return commit.fsyncCount();
    }

    /** Nanoseconds spent in fsync so far (with {@link #fsyncCount()}, for means over any interval). */
    public long fsyncNanosTotal() {
        return commit.fsyncNanosTotal();
    }

    /** Mean fsync latency so far, nanoseconds (0 before the first). */
    public long meanFsyncNanos() {
        long n = commit.fsyncCount();
        return n == 0 ? 0 : commit.fsyncNanosTotal() / n;
    }

    public RecoveryReport recoveryReport() {
        return report;
    }

    public boolean isFailed() {
        return failed;
    }

    /** Syncs (unless failed) and closes. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            commit.stopSyncer();
            if (!failed) {
                sync();
            }
        } finally {
            closed = true;
            try {
                for (LogSegment s : log.segments) {
                    if (s.file != null) {
                        s.file.close();
                        s.file = null;
                    }
                }
                if (!failed) {
                    position.close();
                }
            } finally {
                lock.close();
            }
        }
    }

    /**
     * Drops the queue the way a crashed process does: the fsync thread stops, and nothing is
     * flushed, synced, truncated or closed (the files stay as the page cache holds them) except
     * the directory lock, which the OS would release. For crash tests in this package.
     */
    void abandon() throws IOException {
        commit.stopSyncer();
        closed = true;
        for (LogSegment s : log.segments) {
            if (s.file != null) {
                s.file.abandon(); // a writer thread would outlive the "process"
            }
        }
        commit.abandonSealing();
        lock.close();
    }
}
