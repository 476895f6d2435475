package tcpflowlab.spill;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The few file operations the queue needs, behind an interface so tests can make the Nth
 * write, force or rename fail, or the disk fill up.
 */
public interface SegmentFile extends AutoCloseable {
    /** Writes all of {@code src} at the end of the file. */
    void append(ByteBuffer src) throws IOException;

    /** Writes all of {@code src} at {@code position} (in place; used only for the commit slots). */
    void writeAt(ByteBuffer src, long position) throws IOException;

    /** Reads into {@code dst} from {@code position}; returns bytes read, -1 at end. */
    int read(ByteBuffer dst, long position) throws IOException;

    /**
     * Waits until every appended byte is in the file for any reader (not yet durable): files
     * that write on another thread ({@link DirectAppendFile}) finish what is in flight; files
     * that write in {@link #append} have nothing to do.
     */
    void flush() throws IOException;

    /** fsync: data (and size) to stable storage. */
    void force() throws IOException;

    void truncate(long size) throws IOException;

    long size() throws IOException;

    @Override
    void close() throws IOException;

    /**
     * Drops the file as a killed process leaves it: nothing more is written, truncated or
     * closed; a file with a writer thread stops it. For crash tests; most files have nothing to do.
     */
    default void abandon() throws IOException {
    }
}
