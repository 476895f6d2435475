package tcpflowlab.spill;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Where a segment's whole, valid records end: read from the start, stop at the first record
 * that is short, longer than the maximum, out of sequence or fails its CRC32C. Recovery's rules
 * in one place; the queue decides what to do with the rest (cut it, or set the file aside).
 *
 * @param records the valid records from the start
 * @param validBytes where they end
 * @param problem why the scan stopped before the end of the file, or null when it did not
 */
record SegmentScan(long records, long validBytes, String problem) {
    /** Padding a direct segment can leave after its last record is less than this. */
    static final int PADDING_LIMIT = AlignedBuffers.ALIGNMENT;
    private static final int READ_AHEAD = 1 << 20;

    static SegmentScan of(SegmentFile f, long first, int maxRecordBytes) throws IOException {
        long size = f.size();
        Window w = new Window(f);
        CRC32C crc = new CRC32C();
        long pos = 0;
        long records = 0;
        long expected = first;
        while (true) {
            if (pos == size) {
                return new SegmentScan(records, pos, null);
            }
            if (size - pos < SpillQueue.HEADER) {
                return new SegmentScan(records, pos, "short header");
            }
            ByteBuffer h = w.at(pos, SpillQueue.HEADER);
            if (h == null) {
                return new SegmentScan(records, pos, "short header");
            }
            int len = h.getInt(h.position());
            int sum = h.getInt(h.position() + 4);
            long seq = h.getLong(h.position() + 8);
            if (len < 0 || len > maxRecordBytes) {
                return new SegmentScan(records, pos, "bad length " + len);
            }
            if (size - pos - SpillQueue.HEADER < len) {
                return new SegmentScan(records, pos, "short record");
            }
            if (seq != expected) {
                return new SegmentScan(records, pos, "sequence " + seq + " where " + expected + " was due");
            }
            ByteBuffer r = w.at(pos, SpillQueue.HEADER + len); // len was checked against the maximum first
            if (r == null) {
                return new SegmentScan(records, pos, "short record");
            }
            crc.reset();
            ByteBuffer covered = r.duplicate();
            covered.position(r.position() + 8).limit(r.position() + SpillQueue.HEADER + len);
            crc.update(covered);
            if ((int) crc.getValue() != sum) {
                return new SegmentScan(records, pos, "CRC mismatch");
            }
            pos += SpillQueue.HEADER + len;
            records++;
            expected++;
        }
    }

    /**
     * Whether the bytes from {@code from} to the end are all zeros and fewer than a block: a
     * direct segment's padded last block, or a write that never happened.
     */
    static boolean isZeroTail(SegmentFile f, long from) throws IOException {
        long size = f.size();
        if (size - from <= 0 || size - from >= PADDING_LIMIT) {
            return false;
        }
        ByteBuffer b = ByteBuffer.allocate((int) (size - from));
        while (b.hasRemaining()) {
            if (f.read(b, from + b.position()) <= 0) {
                return false;
            }
        }
        for (int i = 0; i < b.limit(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
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
                    start = -1;
                    return null;
                }
            }
            b.flip();
            if (!own) {
                start = pos;
            }
            return b;
        }
    }
}
