package tcpflowlab.spill;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * What a segment file holds, read from the start: runs of whole, valid records (length within
 * the maximum, CRC32C right, sequence above the last good one and within the range given). A
 * damaged record costs only itself: the scan resynchronises at the next offset where a record
 * checks out, and the sequences skipped are a hole. A tombstone (see {@link #tombstone}) stands
 * for sequences recovery already reported lost: they are skipped without being a hole again.
 * Recovery's rules in one place; the queue decides what to do with the rest.
 *
 * @param runs the valid records, as runs of consecutive sequences with their file offsets
 * @param holes sequences skipped between valid records (damage, or records that are not there)
 * @param records how many valid records
 * @param last the highest sequence accounted for (records and tombstones), or {@code minSequence - 1}
 * @param validBytes where the last valid record (or tombstone) ends
 * @param damagedBytes bytes skipped between valid records
 * @param problem why the first damaged record was refused, or null when there was none
 * @param zeroTail whether everything after {@code validBytes} is zeros (padding or an unfinished write)
 */
record SegmentScan(List<Run> runs, List<long[]> holes, long records, long last, long validBytes, long damagedBytes,
                   String problem, boolean zeroTail, long size) {
    private static final int READ_AHEAD = 1 << 20;

    /** Consecutive records {@code first .. last}, the first at byte {@code offset}; appends extend the last run. */
    static final class Run {
        final long first;
        long last;
        final long offset;

        Run(long first, long last, long offset) {
            this.first = first;
            this.last = last;
            this.offset = offset;
        }
    }

    /** Whether the scan stopped before the end of the file. */
    boolean hasTail() {
        return validBytes < size;
    }

    /** A tombstone's length field: negative, so never a record's. */
    static final int TOMBSTONE = -8;
    static final int TOMBSTONE_BYTES = SpillQueue.HEADER + 8;

    /**
     * A tombstone: {@code -8 (4) | CRC32C of first and last (4) | first (8) | last (8)}, in place
     * of records {@code first .. last} that recovery reported lost and will never issue again.
     */
    static ByteBuffer tombstone(long first, long last) {
        ByteBuffer b = ByteBuffer.allocate(TOMBSTONE_BYTES);
        b.putInt(TOMBSTONE).putInt(tombstoneCrc(first, last)).putLong(first).putLong(last).flip();
        return b;
    }

    private static int tombstoneCrc(long first, long last) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(20).putInt(TOMBSTONE).putLong(first).putLong(last).array());
        return (int) c.getValue();
    }

    /** The sequence of a valid record (or tombstone) at byte 0, whatever its name says, or -1. */
    static long sequenceAtStart(SegmentFile f, int maxRecordBytes) throws IOException {
        Window w = new Window(f);
        if (check(w, new CRC32C(), 0, f.size(), 0, NO_BOUND, maxRecordBytes) != null) {
            return -1;
        }
        ByteBuffer h = w.at(0, SpillQueue.HEADER);
        return h.getLong(h.position() + 8);
    }

    /** An upper bound for sequences that cannot overflow when a count is added. */
    static final long NO_BOUND = Long.MAX_VALUE / 4;

    /**
     * Scans {@code f}, accepting sequences from {@code minSequence} to {@code maxSequence}.
     */
    static SegmentScan of(SegmentFile f, long minSequence, long maxSequence, int maxRecordBytes) throws IOException {
        long size = f.size();
        Window w = new Window(f);
        CRC32C crc = new CRC32C();
        List<Run> runs = new ArrayList<>();
        List<long[]> holes = new ArrayList<>();
        Run run = null;
        long pos = 0;
        long records = 0;
        long lastGood = minSequence - 1;
        long validBytes = 0;
        long damaged = 0;
        String problem = null;
        while (pos < size) {
            String why = check(w, crc, pos, size, lastGood, maxSequence, maxRecordBytes);
            if (why != null) {
                if (problem == null) {
                    problem = why + " at byte " + pos;
                }
                long next = resync(w, crc, pos + 1, size, lastGood, maxSequence, maxRecordBytes);
                if (next < 0) {
                    break; // nothing valid after: a tail
                }
                damaged += next - pos;
                pos = next;
                continue;
            }
            ByteBuffer h = w.at(pos, SpillQueue.HEADER);
            int len = h.getInt(h.position());
            long seq = h.getLong(h.position() + 8);
            if (seq > lastGood + 1) {
                holes.add(new long[] {lastGood + 1, seq - 1});
            }
            if (len < 0) { // a tombstone: sequences already reported lost
                ByteBuffer t = w.at(pos, TOMBSTONE_BYTES);
                lastGood = t.getLong(t.position() + SpillQueue.HEADER);
                run = null;
                pos += TOMBSTONE_BYTES;
            } else {
                if (run != null && run.last == seq - 1) {
                    run.last = seq;
                } else {
                    run = new Run(seq, seq, pos);
                    runs.add(run);
                }
                lastGood = seq;
                records++;
                pos += SpillQueue.HEADER + len;
            }
            validBytes = pos;
        }
        boolean zeros = validBytes < size && isZeros(f, validBytes, size);
        return new SegmentScan(runs, holes, records, lastGood, validBytes, damaged, problem, zeros, size);
    }

    /** The first offset from {@code from} where a valid record starts, or -1. */
    private static long resync(Window w, CRC32C crc, long from, long size, long lastGood, long maxSequence,
                               int maxRecordBytes) throws IOException {
        for (long p = from; p + SpillQueue.HEADER <= size; p++) {
            ByteBuffer h = w.at(p, SpillQueue.HEADER);
            if (h == null) {
                return -1;
            }
            long seq = h.getLong(h.position() + 8);
            if (seq <= lastGood || seq > maxSequence) {
                continue; // the cheap test first: most offsets fail it
            }
            if (check(w, crc, p, size, lastGood, maxSequence, maxRecordBytes) == null) {
                return p;
            }
        }
        return -1;
    }

    /** Why the record at {@code pos} is not valid, or null when it is. */
    private static String check(Window w, CRC32C crc, long pos, long size, long lastGood, long maxSequence,
                                int maxRecordBytes) throws IOException {
        if (size - pos < SpillQueue.HEADER) {
            return "short header";
        }
        ByteBuffer h = w.at(pos, SpillQueue.HEADER);
        if (h == null) {
            return "short header";
        }
        int len = h.getInt(h.position());
        int sum = h.getInt(h.position() + 4);
        long seq = h.getLong(h.position() + 8);
        if (len < 0) {
            ByteBuffer t = len == TOMBSTONE && size - pos >= TOMBSTONE_BYTES ? w.at(pos, TOMBSTONE_BYTES) : null;
            if (t == null) {
                return "bad length " + len;
            }
            long last = t.getLong(t.position() + SpillQueue.HEADER);
            if (tombstoneCrc(seq, last) != sum) {
                return "bad length " + len;
            }
            return seq <= lastGood || last < seq || last > maxSequence ? "sequence " + seq + " out of order" : null;
        }
        if (len > maxRecordBytes) {
            return "bad length " + len;
        }
        if (size - pos - SpillQueue.HEADER < len) {
            return "short record";
        }
        if (seq <= lastGood || seq > maxSequence) {
            return "sequence " + seq + " where " + (lastGood + 1) + " was due";
        }
        ByteBuffer r = w.at(pos, SpillQueue.HEADER + len); // len was checked against the maximum first
        if (r == null) {
            return "short record";
        }
        crc.reset();
        ByteBuffer covered = r.duplicate();
        covered.position(r.position() + 8).limit(r.position() + SpillQueue.HEADER + len);
        crc.update(covered);
        return (int) crc.getValue() != sum ? "CRC mismatch" : null;
    }

    /**
     * How many records the bytes from {@code from} to the end could have held, none of them
     * valid: walked by their length fields while those are plausible, else one per header's
     * worth. Records after a damaged one that are whole would have been found by resync, so a
     * tail is one damaged or torn record in practice, and this counts it as one.
     */
    static long tailRecords(SegmentFile f, long from, int maxRecordBytes) throws IOException {
        long size = f.size();
        long count = 0;
        long p = from;
        ByteBuffer h = ByteBuffer.allocate(4);
        while (p < size) {
            count++;
            h.clear();
            if (size - p < 4 || f.read(h, p) < 4) {
                break;
            }
            int len = h.getInt(0);
            if (len < 0 || len > maxRecordBytes) {
                return count + (size - p - 1) / SpillQueue.HEADER; // no length to trust: a header's worth each
            }
            p += SpillQueue.HEADER + (long) len;
        }
        return count;
    }

    private static boolean isZeros(SegmentFile f, long from, long to) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        long p = from;
        while (p < to) {
            b.clear().limit((int) Math.min(b.capacity(), to - p));
            int n = f.read(b, p);
            if (n <= 0) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) != 0) {
                    return false;
                }
            }
            p += n;
        }
        return true;
    }

    /** Reads the file ahead in 1 MiB chunks; a record bigger than that gets a buffer of its own. */
    private static final class Window {
        private final SegmentFile f;
        private final ByteBuffer buf = ByteBuffer.allocate(READ_AHEAD);
        private long start = -1; // file offset of buf's byte 0

        Window(SegmentFile f) {
            this.f = f;
        }

        /** A buffer positioned at file offset {@code pos} with {@code need} bytes, or null at the end of the file. */
        ByteBuffer at(long pos, int need) throws IOException {
            if (start >= 0 && pos >= start && pos + need <= start + buf.limit()) {
                buf.position((int) (pos - start));
                return buf;
            }
            boolean own = need > buf.capacity();
            ByteBuffer b = own ? ByteBuffer.allocate(need) : buf;
            b.clear();
            while (b.position() < need) {
                if (f.read(b, pos + b.position()) <= 0) {
                    if (b.position() == 0) {
                        start = -1;
                        return null;
                    }
                    break; // the end of the file: keep what was read
                }
            }
            if (b.position() < need) {
                if (!own) {
                    b.flip();
                    start = pos;
                }
                return null;
            }
            b.flip();
            if (!own) {
                start = pos;
            }
            return b;
        }
    }
}
