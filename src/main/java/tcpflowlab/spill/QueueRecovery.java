package tcpflowlab.spill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Opening a queue's directory after whatever came before (a clean close, a crash, a power cut,
 * damage): scans the segment files, sets aside what the queue cannot use (never deletes),
 * writes tombstones for sequences issued that no kept segment holds, names the ranges lost and
 * why in the report, and leaves the newest segment ready for appends. Runs once, before the
 * queue is used.
 */
final class QueueRecovery {
    /**
     * What recovery leaves: the position file (open), the last sequence issued and the position
     * the client acknowledged (after any repair of the position file).
     */
    record Recovered(CommitPosition position, long lastSequence, long committed) {
    }

    private final SpillConfig config;
    private final Storage storage;
    private final SegmentLog log;
    private final GroupCommit commit;
    private final RecoveryReport.Builder rb;

    QueueRecovery(SpillConfig config, Storage storage, SegmentLog log, GroupCommit commit, RecoveryReport.Builder rb) {
        this.config = config;
        this.storage = storage;
        this.log = log;
        this.commit = commit;
        this.rb = rb;
    }

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

    /** Renames {@code p} aside under a name no other file has; never deletes, never touches a link's target. */
    private Path setAside(Path p) throws IOException {
        String base = p.getFileName() + SpillQueue.SET_ASIDE;
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
            long n = SegmentLog.segmentName(p.getFileName().toString());
            if (n > first) {
                return n - 1;
            }
        }
        return SegmentScan.NO_BOUND;
    }

    /** Records a file of {@code bytes} could hold at most (each takes at least a header). */
    private static long mayHold(long bytes) {
        return (bytes + SpillQueue.HEADER - 1) / SpillQueue.HEADER;
    }

    /**
     * The most sequences one segment can hold: a segment is sealed once the next record would
     * take it past the size limit, every record takes at least a header, and one record larger
     * than the limit fits an empty segment.
     */
    private long mostInSegment() {
        return config.segmentBytes() / SpillQueue.HEADER + 1;
    }

    /** Scans the directory, sets aside what the queue cannot use, and leaves the log ready to append. */
    Recovered recover() throws IOException {
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
            long first = SegmentLog.segmentName(name);
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
            } else if (SegmentLog.setAsideName(name) >= 0) {
                if (a.isRegularFile()) { // set aside by an earlier opening: its sequences stay issued
                    try (SegmentFile f = storage.open(p, false)) {
                        SegmentScan all = SegmentScan.of(f, 1, SegmentScan.NO_BOUND, config.maxRecordBytes());
                        // (a bound from its name and size, capped below by the next segment once they are all known)
                        if (all.records() > 0) {
                            issued.saw(all.last(), "set-aside file " + name);
                        } else {
                            linked.add(new long[] {SegmentLog.setAsideName(name), SegmentLog.setAsideName(name) - 1 + SegmentScan.tailRecords(f, 0, config.maxRecordBytes())});
                        }
                    }
                }
            } else {
                rb.note("unknown entry " + name + " (" + kind(a) + ") left untouched: the queue uses only its own files");
            }
        }
        for (long[] l : linked) {
            issued.saw(Math.min(l[1], below(files, l[0])), "segment " + SegmentLog.segmentFileName(l[0])
                    + ", whose records cannot be read");
        }
        boolean positionThere = Files.exists(dir.resolve(CommitPosition.FILE), LinkOption.NOFOLLOW_LINKS);
        CommitPosition position = CommitPosition.open(storage, dir);
        commit.attach(position);
        long lastSequence;

        List<long[]> lostRanges = new ArrayList<>(); // before clipping at the position: {first, last}
        List<String> lostCauses = new ArrayList<>();
        SegmentScan activeScan = null;
        long covered = 0;
        for (Path p : files) {
            String name = p.getFileName().toString();
            long first = SegmentLog.segmentName(name);
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
            LogSegment s = new LogSegment(first, p);
            s.runs.addAll(scan.runs());
            s.last = scan.last();
            s.size = scan.size();
            for (long[] h : scan.holes()) {
                lostRanges.add(h);
                lostCauses.add("damaged record(s) in segment " + name + " (" + scan.problem() + "); readers skip them");
            }
            if (!log.segments.isEmpty() && s.first > log.active().last + 1) {
                // a gap the client has acknowledged past is no loss: clipped at the position below
                lostRanges.add(new long[] {log.active().last + 1, s.first - 1});
                lostCauses.add("missing between segments " + log.active().path.getFileName() + " and " + name
                        + " (a segment removed or set aside, or records a crash took before they were durable);"
                        + " readers skip them");
            }
            log.segments.add(s);
            covered = Math.max(covered, s.last);
            activeScan = scan;
        }
        if (renamed) {
            storage.forceDirectory(dir);
        }
        if (activeScan != null && activeScan.hasTail()) {
            LogSegment active = log.active();
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
        for (LogSegment s : log.segments) {
            log.diskBytes += s.size;
        }

        long committed = position.sequence();
        long oldest = log.segments.isEmpty() ? 0 : log.segments.get(0).first - 1;
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
        if (marked > 0 && (log.segments.isEmpty() || log.active().first < marked)) {
            removedFrom = marked;
            removedTo = Math.min(SegmentScan.NO_BOUND, marked - 1 + mostInSegment());
            // Recorded before any segment is created below: a crash during this recovery finds
            // the newest segment missing again, never a segment that would let its sequences back.
            position.newestSegment(Math.max(removedTo, issued.high) + 1);
        }
        if (log.segments.isEmpty()) {
            lastSequence = committed;
            commit.newSegment(committed + 1);
        } else {
            LogSegment active = log.segments.get(log.segments.size() - 1);
            if (active.last < committed) {
                // The client acknowledged records that never reached the disk (a crash between
                // its ack and the group commit). They are delivered, so nothing is lost, but the
                // next record is committed + 1, which the old segment cannot hold: a segment's
                // sequences are consecutive from its name. Start a new one; the old is deleted
                // below as acknowledged.
                lastSequence = committed;
                commit.newSegment(committed + 1);
            } else {
                active.file = log.openSegment(active.path, false);
                commit.activeFile(active.file);
                lastSequence = active.last;
            }
            if (log.segments.get(0).first > committed + 1) {
                lostRanges.add(new long[] {committed + 1, log.segments.get(0).first - 1});
                lostCauses.add("missing before the first segment " + log.segments.get(0).path.getFileName()
                        + " (its segment file removed or set aside); readers skip them");
            }
        }
        long top = Math.max(issued.high, removedTo);
        if (top > lastSequence) {
            // Sequences were issued that no kept segment holds: a tombstone says so on disk, so
            // they are never issued again and the next opening does not report them again.
            LogSegment active = log.active();
            long from = lastSequence + 1;
            active.file.append(SegmentScan.tombstone(from, top));
            commit.force(active.file);
            active.size += SegmentScan.TOMBSTONE_BYTES;
            log.diskBytes += SegmentScan.TOMBSTONE_BYTES;
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
                    lostCauses.add("the newest segment file (" + SegmentLog.segmentFileName(removedFrom) + ") was removed"
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
        if (!log.active().solid()) {
            // A tombstone in the newest segment (or damage) makes its sequences no longer bounded
            // by its size, which a removal of it must be able to rely on: appends go to a new one.
            LogSegment old = log.active();
            old.file.force();
            old.file.close();
            old.file = null;
            commit.activeFile(null);
            commit.newSegment(lastSequence + 1);
        }
        // (a file of the older layout, or a crash between a segment's name and its record)
        position.newestSegment(log.active().first);
        for (int i = 0; i < lostRanges.size(); i++) {
            long[] l = lostRanges.get(i);
            rb.lost(l[0], l[1], committed, lostCauses.get(i), l.length < 3 || l[2] != 0);
        }
        return new Recovered(position, lastSequence, committed);
    }
}
