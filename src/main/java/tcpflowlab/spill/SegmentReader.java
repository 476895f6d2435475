package tcpflowlab.spill;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads a cursor's records out of segment files, in big chunks, from the record at a given
 * sequence on; records the appender has not flushed yet are read from its batch.
 */
final class SegmentReader {
    private final Storage storage;
    private final int maxRecordBytes;
    private final ByteBuffer batch;
    private final GroupCommit commit;
    private Path segment;
    private long offset;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    private long bufStart = -1;

    /** @param batch the appender's batch: records written to it and not yet to the file */
    SegmentReader(Storage storage, int maxRecordBytes, ByteBuffer batch, GroupCommit commit) {
        this.storage = storage;
        this.maxRecordBytes = maxRecordBytes;
        this.batch = batch;
        this.commit = commit;
    }

    /** Whether the reader is in segment {@code s} (else it has to find its record there first). */
    boolean isAt(LogSegment s) {
        return s.path.equals(segment);
    }

    /** Positions the reader at {@code seq} in {@code s}, reading the headers before it. */
    void skipTo(LogSegment s, long seq) throws IOException {
        segment = s.path;
        offset = 0;
        bufStart = -1;
        SegmentScan.Run run = s.runOf(seq);
        if (run == null) {
            throw new IOException("sequence " + seq + " is not in " + s.path.getFileName());
        }
        offset = run.offset;
        long at = run.first;
        while (at < seq) {
            ByteBuffer h = fill(s, SpillQueue.HEADER);
            int len = h.getInt(h.position());
            offset += SpillQueue.HEADER + len;
            at++;
        }
    }

    /** The record {@code next} at the reader's offset in {@code s}. */
    SpillQueue.Record read(LogSegment s, long next) throws IOException {
        // A reader right behind the appender (a server draining while new messages
        // arrive) takes records still in the batch from memory: flushing for each one
        // would cost a device write each with direct segments.
        return s.file != null && offset >= s.file.size() ? readFromBatch(s, next) : readAt(s, next);
    }

    private SpillQueue.Record readAt(LogSegment s, long next) throws IOException {
        ByteBuffer h = fill(s, SpillQueue.HEADER);
        int len = h.getInt(h.position());
        if (len < 0 || len > maxRecordBytes) {
            throw new IOException("bad record length " + len + " in " + s.path.getFileName());
        }
        ByteBuffer r = fill(s, SpillQueue.HEADER + len);
        long seq = r.getLong(r.position() + 8);
        byte[] payload = new byte[len];
        r.get(r.position() + SpillQueue.HEADER, payload);
        offset += SpillQueue.HEADER + len;
        if (seq != next) {
            throw new IOException("read sequence " + seq + " where " + next + " was due");
        }
        return new SpillQueue.Record(seq, payload);
    }

    private SpillQueue.Record readFromBatch(LogSegment s, long next) throws IOException {
        int at = (int) (offset - s.file.size());
        if (at + SpillQueue.HEADER > batch.position()) {
            throw new IOException("record " + next + " is neither in " + s.path.getFileName() + " nor in the batch");
        }
        int len = batch.getInt(at);
        long seq = batch.getLong(at + 8);
        byte[] payload = new byte[len];
        batch.get(at + SpillQueue.HEADER, payload);
        offset += SpillQueue.HEADER + len;
        if (seq != next) {
            throw new IOException("batch holds sequence " + seq + " where " + next + " was due");
        }
        return new SpillQueue.Record(seq, payload);
    }

    /** A view with {@code need} bytes at the reader's offset; reads ahead in big chunks. */
    private ByteBuffer fill(LogSegment s, int need) throws IOException {
        if (bufStart >= 0 && offset >= bufStart && offset + need <= bufStart + buf.limit()) {
            buf.position((int) (offset - bufStart));
            return buf;
        }
        ByteBuffer b = need <= buf.capacity() ? buf : ByteBuffer.allocate(need);
        b.clear();
        if (s.file == null) {
            commit.awaitSealed(s.path);
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
