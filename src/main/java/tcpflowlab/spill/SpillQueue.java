package tcpflowlab.spill;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * A durable FIFO queue on the file system: the overflow a server could not send, kept until
 * the client acknowledges it. A segmented append-only log; each record is
 * {@code length (4) | CRC32C (4) | sequence (8) | payload}, the CRC covering sequence and
 * payload. Segments are named by their first sequence and sealed at a size limit. Sequences
 * start at 1 and have no gaps.
 * <p>
 * Written for this project rather than taken from a library: Tape has no checksums and calls
 * itself unsafe on ext4/NTFS, Chronicle Queue needs a dozen --add-opens on Java 17 and phones
 * home by default. Single-threaded: one owner (the server's thread) calls everything.
 */
public final class SpillQueue implements OverflowQueue {
    static final int HEADER = 16;
    static final String SUFFIX = ".seg";
    private static final int BATCH_BYTES = 1024 * 1024;

    /** One record as read back. */
    public record Record(long sequence, byte[] payload) {
    }

    /** A sealed segment's file that the syncer has still to force and close. */
    private record Sealed(Path path, SegmentFile file) {
    }

    /** A segment file: its first sequence (its name), its size and its last sequence. */
    private static final class Segment {
        final long first;
        final Path path;
        long size;
        long last;
        SegmentFile file; // open for the active segment only

        Segment(long first, Path path) {
            this.first = first;
            this.path = path;
            this.last = first - 1;
        }
    }

    private final SpillConfig config;
    private final Storage storage;
    private final DirectoryLock lock;
    private final List<Segment> segments = new ArrayList<>();
    private final ByteBuffer batch = ByteBuffer.allocateDirect(BATCH_BYTES);
    // for direct segments, allocated on first use; a roll reuses the sealed segment's buffers
    private final AlignedBuffers directBuffers = new AlignedBuffers(
            DirectAppendFile.BUFFER_BYTES + 2 * AlignedBuffers.ALIGNMENT, 2 * DirectAppendFile.BUFFERS);
    private final CRC32C crc = new CRC32C();
    private final RecoveryReport report;
    private CommitPosition position;
    private long lastSequence;
    private volatile long durableSequence;
    private long diskBytes;
    private int unsynced;
    private long firstUnsyncedAt;
    private final java.util.concurrent.atomic.AtomicLong fsyncs = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong fsyncNanos = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean failed;
    private boolean hasGaps; // recovery found sequences missing between segments
    private boolean closed;

    // GROUP commits run on their own thread, so appends never wait for an fsync: the appender
    // writes a group to the page cache and asks for it to be forced; the syncer forces the
    // active segment and then advances the durable sequence. Sealing a segment and the syncer's
    // fsync take the same lock, so a segment is never closed under an fsync.
    // Rolling a GROUP segment does not fsync on the appender either: the sealed file and the
    // new name in the directory wait here for the syncer, which forces them (and the new file
    // before its name) before it advances the durable sequence, so that never covers a record
    // whose segment or name is not on disk.
    private final Object forceLock = new Object();
    private volatile SegmentFile activeFile;
    private final List<Sealed> sealing = new ArrayList<>(); // guarded by forceLock
    private volatile int sealingCount; // sealing.size(), for readers that need not lock
    private boolean directoryDirty; // guarded by forceLock
    private Thread syncer;
    private long syncRequested;
    private boolean syncerStop;
    private volatile IOException syncFailure;

    private SpillQueue(SpillConfig config, Storage storage, RecoveryReport.Builder rb) throws IOException {
        this.config = config;
        this.storage = storage;
        this.lock = DirectoryLock.acquire(config.dir());
        try {
            recover(rb);
        } catch (IOException | RuntimeException e) {
            fail("open", e instanceof IOException io ? io : new IOException(e)); // closes what was opened
            throw e;
        }
        this.report = rb.build();
        if (config.policy() == FsyncPolicy.GROUP) {
            syncer = new Thread(this::syncLoop, "spill-fsync");
            syncer.setDaemon(true);
            syncer.start();
        }
    }

    private void syncLoop() {
        while (true) {
            long target;
            synchronized (this) {
                while (!syncerStop && syncRequested <= durableSequence) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (syncerStop) {
                    return;
                }
                target = syncRequested;
            }
            try {
                synchronized (forceLock) {
                    if (!failed) {
                        forcePending(true);
                    }
                }
                if (target > durableSequence) {
                    durableSequence = target;
                }
            } catch (IOException e) {
                syncFailure = e; // the appender's next call fails the queue
                failed = true;
                return;
            }
        }
    }

    private void requestSync(long target) {
        synchronized (this) {
            if (target > syncRequested) {
                syncRequested = target;
                notifyAll();
            }
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

    // ------------------------------------------------------------------ recovery

    private void recover(RecoveryReport.Builder rb) throws IOException {
        position = CommitPosition.open(storage, config.dir());
        List<Path> files = new ArrayList<>();
        for (Path p : storage.list(config.dir())) {
            String name = p.getFileName().toString();
            if (name.endsWith(SUFFIX) && name.length() == 20 + SUFFIX.length()) {
                files.add(p);
            }
        }
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            long first;
            try {
                first = Long.parseLong(p.getFileName().toString().substring(0, 20));
            } catch (NumberFormatException e) {
                continue;
            }
            boolean sealed = i < files.size() - 1;
            Segment s = new Segment(first, p);
            try (SegmentFile f = storage.open(p, false)) {
                SegmentScan scan = SegmentScan.of(f, first, config.maxRecordBytes());
                rb.recordsScanned(scan.records());
                // A zero tail is a direct segment's padded last block (DirectAppendFile) or an
                // unfinished write: cut from the active segment like any torn tail, and not a
                // reason to set a sealed segment aside (a gap in sequences is still reported).
                boolean zeros = scan.problem() != null && SegmentScan.isZeroTail(f, scan.validBytes());
                if (scan.problem() != null && !(sealed && zeros)) {
                    if (sealed) {
                        f.close();
                        Path aside = p.resolveSibling(p.getFileName() + ".corrupt");
                        storage.move(p, aside);
                        rb.note("sealed segment " + p.getFileName() + " is corrupt (" + scan.problem() + " at byte "
                                + scan.validBytes() + "); renamed to " + aside.getFileName());
                        continue;
                    }
                    long cut = f.size() - scan.validBytes();
                    f.truncate(scan.validBytes());
                    f.force();
                    rb.truncated(cut);
                    rb.note("active segment " + p.getFileName() + ": cut " + cut + " bytes at byte " + scan.validBytes()
                            + " (" + (zeros ? "zeros: block padding or an unfinished write" : scan.problem()) + ")");
                }
                s.size = scan.validBytes();
                s.last = first + scan.records() - 1;
            }
            // a gap the client has acknowledged past is no loss: only one above the position is reported
            if (!segments.isEmpty() && s.first != segments.get(segments.size() - 1).last + 1
                    && s.first - 1 > position.sequence()) {
                rb.note("sequences " + Math.max(segments.get(segments.size() - 1).last + 1, position.sequence() + 1)
                        + " .. " + (s.first - 1)
                        + " are missing (a corrupt segment set aside, or records a crash took before they were durable);"
                        + " readers skip them");
                hasGaps = true;
            }
            segments.add(s);
            diskBytes += s.size;
        }
        long committed = position.sequence();
        if (segments.isEmpty()) {
            lastSequence = committed;
            newSegment(committed + 1);
        } else {
            Segment active = segments.get(segments.size() - 1);
            if (active.last < committed) {
                // The client acknowledged records that never reached the disk (a crash between
                // its ack and the group commit). They are delivered, so nothing is lost, but the
                // next record is committed + 1, which the old segment cannot hold: a segment's
                // sequences are consecutive from its name. Start a new one; the old is deleted
                // below as acknowledged.
                lastSequence = committed;
                newSegment(committed + 1);
            } else {
                active.file = openSegment(active.path, false);
                activeFile = active.file;
                lastSequence = active.last;
            }
            if (segments.get(0).first > committed + 1) {
                rb.note("sequences " + (committed + 1) + " .. " + (segments.get(0).first - 1)
                        + " are missing before the first segment; readers skip them");
                hasGaps = true;
            }
        }
        durableSequence = lastSequence;
        deleteAcknowledgedSegments();
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
        if (diskBytes + recordBytes > config.capacityBytes()) {
            throw new QueueFullException("spill queue full: " + diskBytes + " of " + config.capacityBytes() + " B");
        }
        try {
            Segment active = active();
            if (active.size + recordBytes > config.segmentBytes() && active.last >= active.first) {
                roll();
                active = active();
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
            lastSequence = seq;
            active.last = seq;
            active.size += recordBytes;
            diskBytes += recordBytes;
            switch (config.policy()) {
                case OS -> {
                    flushBatch();
                    durableSequence = seq;
                }
                case ALWAYS -> {
                    flushBatch();
                    force(active.file);
                    durableSequence = seq;
                }
                case GROUP -> {
                    if (unsynced++ == 0) {
                        firstUnsyncedAt = System.nanoTime();
                    }
                    if (unsynced >= config.groupRecords()
                            || System.nanoTime() - firstUnsyncedAt >= config.groupMillis() * 1_000_000L) {
                        flushBatch();
                        unsynced = 0;
                        requestSync(seq);
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
            synchronized (forceLock) {
                forcePending(durableSequence < lastSequence);
            }
            durableSequence = lastSequence;
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
            active().file.append(batch);
            batch.clear();
        }
    }

    private void force(SegmentFile f) throws IOException {
        long t0 = System.nanoTime();
        f.force();
        fsyncNanos.addAndGet(System.nanoTime() - t0);
        fsyncs.incrementAndGet();
    }

    /**
     * Forces, in this order, the sealed segments waiting for it (then closes them), the active
     * segment, and the directory if a segment was created since: a new file first, then its name.
     * Caller holds forceLock.
     */
    private void forcePending(boolean forceActive) throws IOException {
        while (!sealing.isEmpty()) {
            SegmentFile f = sealing.get(0).file();
            force(f);
            sealing.remove(0);
            sealingCount = sealing.size();
            f.close();
        }
        SegmentFile f = activeFile;
        if (f != null && (forceActive || directoryDirty)) {
            force(f);
        }
        if (directoryDirty) {
            storage.forceDirectory(config.dir());
            directoryDirty = false;
        }
    }

    private void roll() throws IOException {
        flushBatch();
        Segment old = active();
        if (config.policy() == FsyncPolicy.GROUP) {
            // The syncer seals the old segment and makes the new name durable; the records
            // written so far become durable with that fsync, asked for now.
            Segment next = createSegment(lastSequence + 1);
            synchronized (forceLock) {
                sealing.add(new Sealed(old.path, old.file));
                sealingCount = sealing.size();
                directoryDirty = true;
                activeFile = next.file;
            }
            old.file = null;
            requestSync(lastSequence);
            return;
        }
        synchronized (forceLock) {
            force(old.file);
            old.file.close();
            old.file = null;
            activeFile = null;
        }
        durableSequence = lastSequence;
        newSegment(lastSequence + 1);
    }

    /** Creates a segment and makes it and its name durable before returning. */
    private void newSegment(long first) throws IOException {
        Segment s = createSegment(first);
        s.file.force();
        storage.forceDirectory(config.dir()); // the new name must survive a crash too
        activeFile = s.file;
    }

    private Segment createSegment(long first) throws IOException {
        Path p = config.dir().resolve(String.format(Locale.ROOT, "%020d%s", first, SUFFIX));
        Segment s = new Segment(first, p);
        s.file = openSegment(p, true);
        segments.add(s);
        return s;
    }

    /**
     * GROUP appends in big batches, so its segments bypass the page cache where the storage
     * can; OS must survive a killed process at each append and ALWAYS forces each record, so
     * both write through the page cache.
     */
    private SegmentFile openSegment(Path p, boolean create) throws IOException {
        return config.policy() == FsyncPolicy.GROUP ? storage.openAppender(p, create, directBuffers) : storage.open(p, create);
    }

    private Segment active() {
        return segments.get(segments.size() - 1);
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
        while (segments.size() > 1 && segments.get(0).last <= position.sequence()) {
            Segment s = segments.remove(0);
            dropSealing(s.path);
            storage.delete(s.path);
            diskBytes -= s.size;
            deleted = true;
        }
        if (deleted) {
            storage.forceDirectory(config.dir());
        }
    }

    /** An acknowledged segment need not reach the disk: closes it if it still waits for the syncer. */
    private void dropSealing(Path path) throws IOException {
        synchronized (forceLock) {
            for (int i = 0; i < sealing.size(); i++) {
                if (sealing.get(i).path().equals(path)) {
                    sealing.remove(i).file().close();
                    sealingCount = sealing.size();
                    return;
                }
            }
        }
    }

    /**
     * A segment sealed moments ago may still have writes in flight on its own thread: a reader
     * opening it by name waits for them. Rare (only until the syncer has sealed it), so the
     * common case does not take the lock.
     */
    private void awaitSealed(Path path) throws IOException {
        if (sealingCount == 0) {
            return;
        }
        synchronized (forceLock) {
            for (Sealed x : sealing) {
                if (x.path().equals(path)) {
                    x.file().flush();
                    return;
                }
            }
        }
    }

    /** A reader of the records after {@code afterSequence}, in order. */
    public Cursor cursor(long afterSequence) throws IOException {
        ensureUsable();
        return new Cursor(afterSequence);
    }

    /** Reads records in sequence order; sees records appended after it was made. */
    public final class Cursor {
        private long next;
        private Path segment;
        private long offset;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        private long bufStart = -1;

        private Cursor(long after) {
            next = Math.max(after, position.sequence()) + 1;
        }

        /** The next record, or null when the cursor has caught up with the appends. */
        public Record next() throws IOException {
            ensureUsable();
            if (next > lastSequence) {
                return null;
            }
            try {
                Segment s = find(next);
                if (s == null) {
                    // A gap recovery reported (a corrupt segment set aside, or records a crash
                    // took before they were durable): continue with the next segment that exists.
                    s = firstAfter(next);
                    if (s == null) {
                        throw new IOException("sequence " + next + " is no longer in the queue");
                    }
                    next = s.first;
                    if (next > lastSequence) {
                        return null;
                    }
                }
                if (!s.path.equals(segment)) {
                    flushBatch(); // skipping reads the headers from the file
                    segment = s.path;
                    offset = 0;
                    bufStart = -1;
                    skipTo(s, next);
                }
                // A reader right behind the appender (a server draining while new messages
                // arrive) takes records still in the batch from memory: flushing for each one
                // would cost a device write each with direct segments.
                Record r = s.file != null && offset >= s.file.size() ? readFromBatch(s) : readAt(s);
                next++;
                return r;
            } catch (IOException e) {
                throw fail("read", e);
            }
        }

        public long nextSequence() {
            return next;
        }

        private void skipTo(Segment s, long seq) throws IOException {
            long at = s.first;
            while (at < seq) {
                ByteBuffer h = fill(s, HEADER);
                int len = h.getInt(h.position());
                offset += HEADER + len;
                at++;
            }
        }

        private Record readAt(Segment s) throws IOException {
            ByteBuffer h = fill(s, HEADER);
            int len = h.getInt(h.position());
            if (len < 0 || len > config.maxRecordBytes()) {
                throw new IOException("bad record length " + len + " in " + s.path.getFileName());
            }
            ByteBuffer r = fill(s, HEADER + len);
            long seq = r.getLong(r.position() + 8);
            byte[] payload = new byte[len];
            r.get(r.position() + HEADER, payload);
            offset += HEADER + len;
            if (seq != next) {
                throw new IOException("read sequence " + seq + " where " + next + " was due");
            }
            return new Record(seq, payload);
        }

        private Record readFromBatch(Segment s) throws IOException {
            int at = (int) (offset - s.file.size());
            if (at + HEADER > batch.position()) {
                throw new IOException("record " + next + " is neither in " + s.path.getFileName() + " nor in the batch");
            }
            int len = batch.getInt(at);
            long seq = batch.getLong(at + 8);
            byte[] payload = new byte[len];
            batch.get(at + HEADER, payload);
            offset += HEADER + len;
            if (seq != next) {
                throw new IOException("batch holds sequence " + seq + " where " + next + " was due");
            }
            return new Record(seq, payload);
        }

        /** A view with {@code need} bytes at the cursor's offset; reads ahead in big chunks. */
        private ByteBuffer fill(Segment s, int need) throws IOException {
            if (bufStart >= 0 && offset >= bufStart && offset + need <= bufStart + buf.limit()) {
                buf.position((int) (offset - bufStart));
                return buf;
            }
            ByteBuffer b = need <= buf.capacity() ? buf : ByteBuffer.allocate(need);
            b.clear();
            if (s.file == null) {
                awaitSealed(s.path);
            }
            try (SegmentFile f = s.file != null ? null : storage.open(s.path, false)) {
                SegmentFile src = s.file != null ? s.file : f;
                while (b.position() < need) {
                    int n = src.read(b, offset + b.position());
                    if (n <= 0) {
                        throw new IOException("segment " + s.path.getFileName() + " ends inside a record");
                    }
                }
            }
            b.flip();
            if (b == buf) {
                bufStart = offset;
            }
            b.position(0);
            return b;
        }
    }

    /** The first segment that starts after {@code seq}, or null. */
    private Segment firstAfter(long seq) {
        for (Segment s : segments) {
            if (s.first > seq) {
                return s;
            }
        }
        return null;
    }

    private Segment find(long seq) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Segment s = segments.get(mid);
            if (seq < s.first) {
                hi = mid - 1;
            } else if (seq > s.last) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
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
        stopSyncer();
        synchronized (forceLock) {
            for (Sealed f : sealing) {
                try {
                    f.file().close();
                } catch (IOException e) {
                    // already failing
                }
            }
            sealing.clear();
            sealingCount = 0;
        }
        for (Segment s : segments) {
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
        return durableSequence;
    }

    @Override
    public long committedSequence() {
        return position.sequence();
    }

    @Override
    public Reader reader() throws IOException {
        Cursor c = cursor(position.sequence());
        return c::next;
    }

    /**
     * Bytes of the records not yet acknowledged, from the average record size on disk (exact
     * when records are the same size, as the server's messages are); {@link #diskBytes()} is
     * what the files take, which capacity counts.
     */
    @Override
    public long depthBytes() {
        long onDisk = recordsAfter(segments.get(0).first - 1);
        if (onDisk <= 0 || depthMessages() <= 0) {
            return 0;
        }
        return Math.round(depthMessages() * (double) diskBytes / onDisk);
    }

    /** Records appended and not yet acknowledged. */
    @Override
    public long depthMessages() {
        return recordsAfter(position.sequence());
    }

    /** Records in the queue with a sequence above {@code sequence}: gaps do not count. */
    private long recordsAfter(long sequence) {
        if (!hasGaps) {
            return lastSequence - sequence;
        }
        long n = 0;
        for (Segment s : segments) {
            n += Math.max(0, s.last - Math.max(s.first, sequence + 1) + 1);
        }
        return n;
    }

    /** Bytes of segment files on disk (a segment is freed once fully acknowledged). */
    public long diskBytes() {
        return diskBytes;
    }

    /** Direct write buffers ever allocated (reused across segments, so this stays small). */
    int directBuffersAllocated() {
        return directBuffers.allocated();
    }

    public int segmentCount() {
        return segments.size();
    }

    public long fsyncCount() {
        return fsyncs.get();
    }

    /** Nanoseconds spent in fsync so far (with {@link #fsyncCount()}, for means over any interval). */
    public long fsyncNanosTotal() {
        return fsyncNanos.get();
    }

    /** Mean fsync latency so far, nanoseconds (0 before the first). */
    public long meanFsyncNanos() {
        long n = fsyncs.get();
        return n == 0 ? 0 : fsyncNanos.get() / n;
    }

    private void stopSyncer() {
        Thread t = syncer;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        synchronized (this) {
            syncerStop = true;
            notifyAll();
        }
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        syncer = null;
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
            stopSyncer();
            if (!failed) {
                sync();
            }
        } finally {
            closed = true;
            try {
                for (Segment s : segments) {
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
        stopSyncer();
        closed = true;
        for (Segment s : segments) {
            if (s.file != null) {
                s.file.abandon(); // a writer thread would outlive the "process"
            }
        }
        synchronized (forceLock) {
            for (Sealed f : sealing) {
                f.file().abandon();
            }
        }
        lock.close();
    }
}
