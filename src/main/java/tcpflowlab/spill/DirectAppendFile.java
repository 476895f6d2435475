package tcpflowlab.spill;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A segment written with O_DIRECT: appends go from an aligned buffer straight to the device,
 * without the copy into the page cache and the writeback that a buffered write costs. With
 * 1 KiB records that copy was the whole cost of a GROUP append (see BENCHMARKS.md).
 * <p>
 * O_DIRECT writes whole aligned blocks, so the block that holds the end of the file is written
 * zero-padded and written again, completed, by the next append; the file on disk can be up to
 * a block longer than its contents until {@link #close()} cuts the padding. Recovery reads such
 * an all-zero tail as padding, not as a torn record (no record starts with zeros: sequences
 * start at 1). Reads go through an ordinary channel, which the kernel keeps coherent with
 * direct writes. Not thread-safe beyond what the queue needs: one appender, and force() from
 * the syncer.
 */
final class DirectAppendFile implements SegmentFile {
    private static final int STAGING_BYTES = 2 << 20;

    private final FileChannel direct;
    private final FileChannel reads;
    private final int block;
    private final ByteBuffer staging; // bytes from tailStart to end, then room
    private long tailStart;           // block-aligned file offset of staging's byte 0
    private volatile long end;        // the file's contents end here; padding may follow

    private DirectAppendFile(FileChannel direct, FileChannel reads, int block, long end) throws IOException {
        this.direct = direct;
        this.reads = reads;
        this.block = block;
        this.staging = ByteBuffer.allocateDirect(STAGING_BYTES + 2 * block).alignedSlice(block);
        this.end = end;
        this.tailStart = end / block * block;
        // the partial last block is rewritten with the next append, so it must be in memory
        staging.limit((int) (end - tailStart));
        while (staging.hasRemaining()) {
            if (reads.read(staging, tailStart + staging.position()) < 0) {
                throw new IOException("segment shorter than its size while opening");
            }
        }
        staging.limit(staging.capacity());
    }

    /**
     * Opens {@code file} for direct appends, or returns empty where the file system or OS
     * refuses O_DIRECT (tmpfs, some network file systems): the caller then writes buffered.
     */
    static Optional<SegmentFile> open(Path file, boolean create) throws IOException {
        int block;
        FileChannel direct;
        try {
            block = (int) Math.max(4096, Files.getFileStore(create ? file.getParent() : file).getBlockSize());
            direct = create
                    ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT)
                    : FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        } catch (UnsupportedOperationException | IOException e) {
            if (e instanceof java.nio.file.NoSuchFileException) {
                throw (IOException) e;
            }
            return Optional.empty();
        }
        FileChannel reads = null;
        try {
            reads = FileChannel.open(file, StandardOpenOption.READ);
            return Optional.of(new DirectAppendFile(direct, reads, block, direct.size()));
        } catch (IOException | RuntimeException e) {
            direct.close();
            if (reads != null) {
                reads.close();
            }
            throw e;
        }
    }

    @Override
    public void append(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            int n = Math.min(src.remaining(), STAGING_BYTES - staging.position());
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + n);
            staging.put(part);
            src.position(src.position() + n);
            writeOut();
        }
    }

    /** Writes staging (padded to whole blocks), then keeps its partial last block for next time. */
    private void writeOut() throws IOException {
        int used = staging.position();
        int padded = (used + block - 1) / block * block;
        for (int i = used; i < padded; i++) {
            staging.put(i, (byte) 0);
        }
        ByteBuffer w = staging.duplicate();
        w.position(0).limit(padded);
        while (w.hasRemaining()) {
            direct.write(w, tailStart + w.position());
        }
        end = tailStart + used;
        int whole = used / block * block;
        int rest = used - whole;
        if (whole > 0) {
            ByteBuffer tail = staging.duplicate();
            tail.position(whole).limit(used);
            staging.position(0);
            staging.put(tail);
            tailStart += whole;
        }
        staging.position(rest);
        staging.limit(staging.capacity());
    }

    @Override
    public void writeAt(ByteBuffer src, long position) {
        throw new UnsupportedOperationException("a direct segment is append-only");
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        long available = end - position;
        if (available <= 0) {
            return -1;
        }
        if (dst.remaining() > available) {
            ByteBuffer part = dst.duplicate();
            part.limit(part.position() + (int) available);
            int n = reads.read(part, position);
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }
        return reads.read(dst, position);
    }

    @Override
    public void force() throws IOException {
        direct.force(false); // fdatasync: the device's cache and the file's size
    }

    @Override
    public void truncate(long size) throws IOException {
        direct.truncate(size);
        end = size;
        tailStart = size / block * block;
        staging.clear();
        staging.limit((int) (size - tailStart));
        while (staging.hasRemaining()) {
            if (reads.read(staging, tailStart + staging.position()) < 0) {
                throw new IOException("segment shorter than its size after truncating");
            }
        }
        staging.limit(staging.capacity());
    }

    @Override
    public long size() {
        return end;
    }

    /** Cuts the padding after the contents, then closes. */
    @Override
    public void close() throws IOException {
        try (FileChannel d = direct; FileChannel r = reads) {
            if (d.isOpen() && d.size() > end) {
                d.truncate(end);
            }
        }
    }
}
