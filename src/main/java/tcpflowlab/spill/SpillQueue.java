package tcpflowlab.spill;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Written for this project rather than taken from a library: Tape has no checksums and calls
 * itself unsafe on ext4/NTFS, Chronicle Queue needs a dozen --add-opens on Java 17 and phones
 * home by default. Single-threaded: one owner (the server's thread) calls everything.
 */
public final class SpillQueue implements OverflowQueue {
    static final int HEADER = 16;
    static final String SUFFIX = ".seg";
    static final String SET_ASIDE = ".set-aside";
    private static final int BATCH_BYTES = 1024 * 1024;

    /** One record as read back. */
    public record Record(long sequence, byte[] payload) {
    }

    /** A sealed segment's file that the syncer has still to force and close. */
    private record Sealed(Path path, SegmentFile file) {
    }

    /**
     * A segment file: its first sequence (its name), its size, its last sequence and where its
     * records are: one run from the name, unless recovery found damaged records in it (holes)
     * or a tombstone (sequences reported lost).
     */
    private static final class Segment {
        final long first;
        final Path path;
        long size;
        long last;
        final List<SegmentScan.Run> runs = new ArrayList<>(1);
        SegmentFile file; // open for the active segment only

        Segment(long first, Path path) {
            this.first = first;
            this.path = path;
            this.last = first - 1;
        }

        /** Whether every sequence from the name to the last is a record. */
        boolean solid() {
            return runs.isEmpty() ? last == first - 1
                    : runs.size() == 1 && runs.get(0).first == first && runs.get(0).last == last;
        }

        /** The run holding {@code seq}, or null (a hole). */
        SegmentScan.Run runOf(long seq) {
            for (SegmentScan.Run r : runs) {
                if (seq >= r.first && seq <= r.last) {
                    return r;
                }
            }
            return null;
        }

        /** The first record from {@code seq} on in this segment, or -1. */
        long presentFrom(long seq) {
            for (SegmentScan.Run r : runs) {
                if (r.last >= seq) {
                    return Math.max(seq, r.first);
                }
            }
            return -1;
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
    private boolean hasGaps; // recovery found sequences missing in or between segments
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

    /** Where recovery saw sequences issued that no kept segment holds, and why. */
    private static final class Issued {
        long high;
        String why;

        void saw(long sequence, String where) {
            if (sequence > high) {
                high = sequence;
                why = where;
            }
        }
    }

    /** The first sequence a name of the queue's scheme stands for ({@code 20 digits}.seg), or -1. */
    static long segmentName(String name) {
        if (name.length() != 20 + SUFFIX.length() || !name.endsWith(SUFFIX)) {
            return -1;
        }
        for (int i = 0; i < 20; i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(name.substring(0, 20));
        } catch (NumberFormatException e) {
            return -1; // beyond a long: not a name this queue gives
        }
    }

    /** The segment name a set-aside file had ({@code NAME.seg.set-aside} or {@code ...-N}), or -1. */
    static long setAsideName(String name) {
        int at = name.indexOf(SET_ASIDE);
        if (at < 0) {
            return -1;
        }
        String rest = name.substring(at + SET_ASIDE.length());
        if (!rest.isEmpty() && !rest.matches("-[0-9]{1,9}")) {
            return -1;
        }
        return segmentName(name.substring(0, at));
    }

    /** Renames {@code p} aside under a name no other file has; never deletes, never touches a link's target. */
    private Path setAside(Path p) throws IOException {
        String base = p.getFileName() + SET_ASIDE;
        Path to = p.resolveSibling(base);
        for (int n = 2; Files.exists(to, LinkOption.NOFOLLOW_LINKS); n++) {
            to = p.resolveSibling(base + "-" + n);
        }
        storage.move(p, to);
        return to;
    }

    private static String kind(BasicFileAttributes a) {
        return a.isSymbolicLink() ? "a symbolic link" : a.isDirectory() ? "a folder" : a.isRegularFile() ? "a file"
                : "a special file";
    }

    /** The sequence before the first segment file named above {@code first} (its range ends there), or no bound. */
    private static long below(List<Path> files, long first) {
        for (Path p : files) { // sorted
            long n = segmentName(p.getFileName().toString());
            if (n > first) {
                return n - 1;
            }
        }
        return SegmentScan.NO_BOUND;
    }

    /** Records a file of {@code bytes} could hold at most (each takes at least a header). */
    private static long mayHold(long bytes) {
        return (bytes + HEADER - 1) / HEADER;
    }

    /**
     * The most sequences one segment can hold: a segment is sealed once the next record would
     * take it past the size limit, every record takes at least a header, and one record larger
     * than the limit fits an empty segment.
     */
    private long mostInSegment() {
        return config.segmentBytes() / HEADER + 1;
    }

    private static String segmentFileName(long first) {
        return String.format(Locale.ROOT, "%020d%s", first, SUFFIX);
    }

    private void recover(RecoveryReport.Builder rb) throws IOException {
        Path dir = config.dir();
        Issued issued = new Issued();
        List<Path> files = new ArrayList<>();
        List<long[]> linked = new ArrayList<>(); // {first, highest it may have held} of segment names that are no file
        boolean renamed = false;
        // Only regular files named by the queue's scheme are opened, and never through a link
        // (a link's target is not the queue's to truncate or write); anything else is reported.
        for (Path p : storage.list(dir)) {
            String name = p.getFileName().toString();
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                continue;
            }
            long first = segmentName(name);
            if (first >= 0) {
                if (a.isRegularFile()) {
                    files.add(p);
                    continue;
                }
                // Its records are lost (a removed segment's would be too); what it may have held
                // still counts as issued. A link's target is only measured, never opened.
                long bytes = 0;
                if (a.isSymbolicLink()) {
                    try {
                        bytes = Files.size(p);
                    } catch (IOException e) {
                        bytes = 0; // a dangling link
                    }
                }
                linked.add(new long[] {first, first - 1 + mayHold(bytes)});
                Path to = setAside(p);
                renamed = true;
                rb.note("segment " + name + " is " + kind(a) + ", not a regular file: the queue never opens through a link;"
                        + " renamed to " + to.getFileName() + " (its target untouched); its records are not read");
            } else if (name.equals(CommitPosition.FILE)) {
                if (!a.isRegularFile()) {
                    Path to = setAside(p);
                    renamed = true;
                    rb.note("the position file is " + kind(a) + ", not a regular file: renamed to " + to.getFileName()
                            + " (its target untouched); a new one is written");
                }
            } else if (name.equals(DirectoryLock.FILE)) {
                continue; // checked when the lock was taken
            } else if (setAsideName(name) >= 0) {
                if (a.isRegularFile()) { // set aside by an earlier opening: its sequences stay issued
                    try (SegmentFile f = storage.open(p, false)) {
                        SegmentScan all = SegmentScan.of(f, 1, SegmentScan.NO_BOUND, config.maxRecordBytes());
                        // (a bound from its name and size, capped below by the next segment once they are all known)
                        if (all.records() > 0) {
                            issued.saw(all.last(), "set-aside file " + name);
                        } else {
                            linked.add(new long[] {setAsideName(name), setAsideName(name) - 1 + SegmentScan.tailRecords(f, 0, config.maxRecordBytes())});
                        }
                    }
                }
            } else {
                rb.note("unknown entry " + name + " (" + kind(a) + ") left untouched: the queue uses only its own files");
            }
        }
        for (long[] l : linked) {
            issued.saw(Math.min(l[1], below(files, l[0])), "segment " + String.format(Locale.ROOT, "%020d%s", l[0], SUFFIX)
                    + ", whose records cannot be read");
        }
        boolean positionThere = Files.exists(dir.resolve(CommitPosition.FILE), LinkOption.NOFOLLOW_LINKS);
        position = CommitPosition.open(storage, dir);

        List<long[]> lostRanges = new ArrayList<>(); // before clipping at the position: {first, last}
        List<String> lostCauses = new ArrayList<>();
        SegmentScan activeScan = null;
        long covered = 0;
        for (Path p : files) {
            String name = p.getFileName().toString();
            long first = segmentName(name);
            long from = Math.max(1, first);
            String why = null;
            SegmentScan scan;
            try (SegmentFile f = storage.open(p, false)) {
                scan = SegmentScan.of(f, from, SegmentScan.NO_BOUND, config.maxRecordBytes());
                long atStart = SegmentScan.sequenceAtStart(f, config.maxRecordBytes());
                if (atStart >= 0 && atStart != first) {
                    SegmentScan all = SegmentScan.of(f, 1, SegmentScan.NO_BOUND, config.maxRecordBytes());
                    issued.saw(all.last(), "segment file " + name);
                    why = "starts with sequence " + atStart + ", not " + first + " as its name says (a copy?)";
                } else if (first <= covered) {
                    issued.saw(scan.last(), "segment file " + name);
                    why = "overlaps the sequences the segment before it holds (up to " + covered + ")";
                } else if (scan.last() < from && scan.size() > 0 && !scan.zeroTail()) {
                    // not one valid record: a foreign file, or a segment whose every record is damaged
                    SegmentScan all = SegmentScan.of(f, 1, SegmentScan.NO_BOUND, config.maxRecordBytes());
                    issued.saw(all.records() > 0 ? all.last() : Math.min(first - 1 + SegmentScan.tailRecords(f, 0, config.maxRecordBytes()), below(files, first)),
                            "segment file " + name);
                    why = "holds no valid record of its range (" + scan.problem() + ")";
                }
            }
            if (why != null) {
                Path to = setAside(p);
                renamed = true;
                rb.note("segment file " + name + " " + why + ": renamed to " + to.getFileName() + ", kept as it is");
                continue;
            }
            rb.recordsScanned(scan.records());
            Segment s = new Segment(first, p);
            s.runs.addAll(scan.runs());
            s.last = scan.last();
            s.size = scan.size();
            for (long[] h : scan.holes()) {
                lostRanges.add(h);
                lostCauses.add("damaged record(s) in segment " + name + " (" + scan.problem() + "); readers skip them");
            }
            if (!segments.isEmpty() && s.first > active().last + 1) {
                // a gap the client has acknowledged past is no loss: clipped at the position below
                lostRanges.add(new long[] {active().last + 1, s.first - 1});
                lostCauses.add("missing between segments " + active().path.getFileName() + " and " + name
                        + " (a segment removed or set aside, or records a crash took before they were durable);"
                        + " readers skip them");
            }
            segments.add(s);
            covered = Math.max(covered, s.last);
            activeScan = scan;
        }
        if (renamed) {
            storage.forceDirectory(dir);
        }
        if (activeScan != null && activeScan.hasTail()) {
            Segment active = active();
            long cut = activeScan.size() - activeScan.validBytes();

            rb.truncated(cut);
            String what = activeScan.zeroTail() ? "zeros: block padding or an unfinished write" : "a damaged record,"
                    + " or writes a crash interrupted";
            rb.note("active segment " + active.path.getFileName() + ": cut " + cut + " bytes at byte "
                    + activeScan.validBytes() + " (" + what + ")");
            if (!activeScan.zeroTail()) {
                // whatever records those bytes held were issued: their sequences are not issued again
                long held;
                try (SegmentFile f = storage.open(active.path, false)) {
                    held = SegmentScan.tailRecords(f, activeScan.validBytes(), config.maxRecordBytes());
                }
                issued.saw(active.last + held, "the " + cut + " bytes cut from the end of segment "
                        + active.path.getFileName());
            }
            try (SegmentFile f = storage.open(active.path, false)) {
                f.truncate(activeScan.validBytes());
                f.force();
            }
            active.size = activeScan.validBytes();
        }
        for (Segment s : segments) {
            diskBytes += s.size;
        }

        long committed = position.sequence();
        long oldest = segments.isEmpty() ? 0 : segments.get(0).first - 1;
        String damage = position.damage();
        if (!positionThere && !files.isEmpty() || damage != null) {
            // Segments are deleted only once acknowledged, so the position was at least the
            // oldest segment's first sequence - 1: replaying from there repeats, never loses.
            long safe = position.valid() ? committed : oldest;
            rb.note((positionThere ? "the position file is damaged (" + damage + ")" : "the position file is missing")
                    + (position.valid() ? "; the other slot gives position " + safe + ", which may be the one before the last"
                    : "; the safe position is " + safe + ", just before the oldest segment on disk (segments are deleted"
                    + " only once acknowledged)")
                    + ": messages the client acknowledged may be sent again, none is lost; the file is written anew");
            position.commit(safe); // both slots: the next opening finds the file sound
            position.commit(safe);
            committed = safe;
        } else if (positionThere && position.valid() && committed > 0 && files.isEmpty()) {
            rb.note("no segment file, though the position file says sequences up to " + committed + " were acknowledged:"
                    + " segment files were removed; what they held after " + committed + " is lost and cannot be counted");
        }
        // The newest segment's first sequence is durable before its name is: the newest segment
        // on disk starting below it, or none left at all, means the newest segment file(s) were
        // removed (or set aside above), and nothing left says how many records they held. Their
        // sequences are skipped as far as that segment could have reached, so none is issued again.
        long marked = position.newestSegment();
        long removedFrom = 0;
        long removedTo = 0;
        if (marked > 0 && (segments.isEmpty() || active().first < marked)) {
            removedFrom = marked;
            removedTo = Math.min(SegmentScan.NO_BOUND, marked - 1 + mostInSegment());
            // Recorded before any segment is created below: a crash during this recovery finds
            // the newest segment missing again, never a segment that would let its sequences back.
            position.newestSegment(Math.max(removedTo, issued.high) + 1);
        }
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
                lostRanges.add(new long[] {committed + 1, segments.get(0).first - 1});
                lostCauses.add("missing before the first segment " + segments.get(0).path.getFileName()
                        + " (its segment file removed or set aside); readers skip them");
            }
        }
        long top = Math.max(issued.high, removedTo);
        if (top > lastSequence) {
            // Sequences were issued that no kept segment holds: a tombstone says so on disk, so
            // they are never issued again and the next opening does not report them again.
            Segment active = active();
            long from = lastSequence + 1;
            active.file.append(SegmentScan.tombstone(from, top));
            force(active.file);
            active.size += SegmentScan.TOMBSTONE_BYTES;
            diskBytes += SegmentScan.TOMBSTONE_BYTES;
            active.last = top;
            lastSequence = top;
            String issuedBefore = "issued before (seen in " + issued.why + ") but in no segment the queue reads;"
                    + " never issued again";
            if (removedFrom == 0) {
                lostRanges.add(new long[] {from, top, 1});
                lostCauses.add(issuedBefore);
            } else {
                if (from < removedFrom) {
                    lostRanges.add(new long[] {from, removedFrom - 1, 1});
                    lostCauses.add(issued.high >= from ? issuedBefore : "missing below the newest segment, which was"
                            + " removed (the end of the segment before it damaged or cut); never issued again");
                }
                if (Math.max(from, removedFrom) <= removedTo) {
                    lostRanges.add(new long[] {Math.max(from, removedFrom), removedTo, 0});
                    lostCauses.add("the newest segment file (" + segmentFileName(removedFrom) + ") was removed"
                            + " (or set aside as noted, or a power cut came before its name was durable); how many it"
                            + " held cannot be known: sequences up to " + removedTo + ", the most it could hold, are"
                            + " never issued again");
                }
                if (issued.high > removedTo) {
                    lostRanges.add(new long[] {removedTo + 1, issued.high, 1});
                    lostCauses.add(issuedBefore);
                }
            }
        }
        if (!active().solid()) {
            // A tombstone in the newest segment (or damage) makes its sequences no longer bounded
            // by its size, which a removal of it must be able to rely on: appends go to a new one.
            Segment old = active();
            old.file.force();
            old.file.close();
            old.file = null;
            activeFile = null;
            newSegment(lastSequence + 1);
        }
        // (a file of the older layout, or a crash between a segment's name and its record)
        position.newestSegment(active().first);
        for (int i = 0; i < lostRanges.size(); i++) {
            long[] l = lostRanges.get(i);
            rb.lost(l[0], l[1], committed, lostCauses.get(i), l.length < 3 || l[2] != 0);
        }
        durableSequence = lastSequence;
        deleteAcknowledgedSegments();
        hasGaps = segments.get(0).first > committed + 1;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (!s.solid() || i > 0 && s.first != segments.get(i - 1).last + 1) {
                hasGaps = true;
            }
        }
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
            SegmentScan.Run run = active.runs.isEmpty() ? null : active.runs.get(active.runs.size() - 1);
            if (run != null && run.last == seq - 1) {
                run.last = seq;
            } else {
                active.runs.add(new SegmentScan.Run(seq, seq, active.size));
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
     * Forces, in this order, the first sequence of a segment created since (in the position
     * file), the sealed segments waiting for it (then closes them), the active segment, and the
     * directory if a segment was created since: a new file first, then its name.
     * Caller holds forceLock.
     */
    private void forcePending(boolean forceActive) throws IOException {
        position.forcePendingNewest(); // a new segment's first sequence is durable before its name
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
            // written so far become durable with that fsync, asked for now. The new segment's
            // first sequence is recorded in the position file first (by the syncer, or the next
            // acknowledgement): the file is created under the lock the syncer holds from that
            // write to the directory's fsync, so its name is never durable before the record.
            synchronized (forceLock) {
                position.pendingNewest(lastSequence + 1);
                Segment next = createSegment(lastSequence + 1);
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

    /**
     * Creates a segment and makes it and its name durable before returning, its first sequence
     * recorded as the newest segment's before either.
     */
    private void newSegment(long first) throws IOException {
        Segment s = createSegment(first);
        position.newestSegment(first);
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
        return new Cursor(afterSequence, false);
    }

    /** Reads records in sequence order; sees records appended after it was made. */
    public final class Cursor {
        private long next;
        private Path segment;
        private long offset;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        private long bufStart = -1;
        private final boolean durableOnly;

        private Cursor(long after, boolean durableOnly) {
            next = Math.max(after, position.sequence()) + 1;
            this.durableOnly = durableOnly;
        }

        /** The next record, or null when the cursor has caught up with the appends (or, durable-only, with the durable ones). */
        public Record next() throws IOException {
            ensureUsable();
            long limit = durableOnly ? durableSequence : lastSequence;
            if (next > limit) {
                return null;
            }
            try {
                // Gaps recovery reported (damaged records, a segment set aside or removed, records
                // a crash took before they were durable): continue with the next record there is.
                long at = present(next);
                if (at > limit) {
                    return null;
                }
                boolean jumped = at != next;
                next = at;
                Segment s = find(next);
                if (s == null) {
                    throw new IOException("sequence " + next + " is no longer in the queue");
                }
                if (jumped || !s.path.equals(segment)) {
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
            SegmentScan.Run run = s.runOf(seq);
            if (run == null) {
                throw new IOException("sequence " + seq + " is not in " + s.path.getFileName());
            }
            offset = run.offset;
            long at = run.first;
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

    /** The first sequence from {@code seq} on that is a record in the queue, or Long.MAX_VALUE. */
    private long present(long seq) {
        if (!hasGaps) {
            return seq;
        }
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo < hi) { // the first segment whose last is at or above seq
            int mid = (lo + hi) >>> 1;
            if (segments.get(mid).last < seq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < segments.size(); i++) {
            long at = segments.get(i).presentFrom(seq);
            if (at >= 0) {
                return at;
            }
        }
        return Long.MAX_VALUE;
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
            for (SegmentScan.Run r : s.runs) {
                n += Math.max(0, r.last - Math.max(r.first, sequence + 1) + 1);
            }
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
