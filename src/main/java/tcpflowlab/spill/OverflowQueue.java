package tcpflowlab.spill;

import java.io.IOException;

/**
 * What the SPILL policy needs of a queue: append in order, read from after the last
 * acknowledged sequence, acknowledge cumulatively. {@link SpillQueue} keeps it on disk (Live
 * engine); {@link MemoryOverflowQueue} keeps it in memory for the deterministic Model.
 */
public interface OverflowQueue extends AutoCloseable {
    /** Appends and returns the record's sequence (1, 2, ...); QueueFullException when at capacity. */
    long append(byte[] payload) throws IOException;

    /** A reader of the records after the acknowledged position, in order. */
    Reader reader() throws IOException;

    /** Everything up to {@code sequence} was received by the client. */
    void acknowledge(long sequence) throws IOException;

    long lastSequence();

    long committedSequence();

    default long depthMessages() {
        return lastSequence() - committedSequence();
    }

    /** Bytes held for records not yet acknowledged (for the disk queue: bytes of segment files). */
    long depthBytes();

    /** Reads records in order. */
    interface Reader {
        /** The next record, or null when caught up. */
        SpillQueue.Record next() throws IOException;
    }

    @Override
    void close() throws IOException;
}
