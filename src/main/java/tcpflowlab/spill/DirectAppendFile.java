package tcpflowlab.spill;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A segment written with O_DIRECT by a writer thread of its own: appends are copied into
 * aligned buffers and go from there straight to the device, without the copy into the page
 * cache and the writeback that buffered writes cost (with 1 KiB records that copy was the whole
 * cost of a GROUP append, see BENCHMARKS.md), and without the appender waiting for the device.
 * <p>
 * O_DIRECT writes whole aligned blocks, so the block that holds the end of the file is written
 * zero-padded and written again, completed, by the next append; the file on disk can be up to
 * a block longer than its contents until {@link #close()} cuts the padding. Recovery reads such
 * an all-zero tail as padding, not as a torn record (no record starts with zeros: sequences
 * start at 1). Appended bytes are on the device after {@link #force()}, which waits for the
 * writer first, as does a read of bytes still in flight. Reads go through an ordinary channel,
 * which the kernel keeps coherent with direct writes.
 * <p>
 * Threads: one appender calls append, truncate and close; force and read may come from another
 * thread (the queue's fsync thread, a power-cut test).
 */
final class DirectAppendFile implements SegmentFile {
    /** Buffers in flight per file: the appender fills one while the writer writes the others. */
    static final int BUFFERS = 4;
    static final int BUFFER_BYTES = 2 << 20;

    /** One write for the writer thread: buffer bytes [0, length) at file offset {@code at}. */
    private record Write(ByteBuffer buffer, long at, int length) {
    }

    private static final Write STOP = new Write(ByteBuffer.allocate(0), 0, 0);

    private final Path file;
    private final FileChannel direct;
    private final FileChannel reads;
    private final int block;
    private final AlignedBuffers pool;
    private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
    private int taken; // buffers this file took from the pool (up to BUFFERS, on demand)
    private final BlockingQueue<Write> writes = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final byte[] tail;       // the partial last block's bytes, written again next time
    private int tailLength;
    private long tailStart;          // block-aligned file offset of the partial last block
    private volatile long end;       // the contents end here (appended, maybe still in flight)
    private volatile long submitted; // writes handed to the writer ...
    private long completed;          // ... and done; guarded by this
    private IOException failure;     // the writer's, guarded by this
    private Thread writer;

    private DirectAppendFile(Path file, FileChannel direct, FileChannel reads, int block, AlignedBuffers pool)
            throws IOException {
        this.file = file;
        this.direct = direct;
        this.reads = reads;
        this.block = block;
        this.pool = pool;
        this.tail = new byte[block];
        loadTail(direct.size());
    }

    /**
     * Opens {@code file} for direct appends, or returns empty where the file system or OS
     * refuses O_DIRECT (tmpfs, some network file systems): the caller then writes buffered.
     */
    static Optional<SegmentFile> open(Path file, boolean create, AlignedBuffers pool) throws IOException {
        int block;
        FileChannel direct;
        try {
            block = (int) Math.max(4096, Files.getFileStore(create ? file.toAbsolutePath().getParent() : file).getBlockSize());
            if (AlignedBuffers.ALIGNMENT % block != 0 || pool.bufferBytes() < BUFFER_BYTES + 2 * block) {
                return Optional.empty(); // an unusual block size: write buffered
            }
            direct = create
                    ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT,
                            LinkOption.NOFOLLOW_LINKS)
                    : FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
        FileChannel reads = null;
        try {
            reads = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new DirectAppendFile(file, direct, reads, block, pool));
        } catch (IOException | RuntimeException e) {
            direct.close();
            if (reads != null) {
                reads.close();
            }
            throw e;
        }
    }

    /** Makes {@code size} the end and keeps the partial block before it in memory. */
    private void loadTail(long size) throws IOException {
        end = size;
        tailStart = size / block * block;
        tailLength = (int) (size - tailStart);
        ByteBuffer b = ByteBuffer.wrap(tail, 0, tailLength);
        while (b.hasRemaining()) {
            if (reads.read(b, tailStart + b.position()) < 0) {
                throw new IOException(file.getFileName() + " is shorter than its size");
            }
        }
    }

    @Override
    public void append(ByteBuffer src) throws IOException {
        checkWriter();
        while (src.hasRemaining()) {
            ByteBuffer buf = takeFree();
            buf.clear();
            buf.put(tail, 0, tailLength);
            int n = Math.min(src.remaining(), BUFFER_BYTES - tailLength);
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + n);
            buf.put(part);
            src.position(src.position() + n);
            int used = buf.position();
            int padded = (used + block - 1) / block * block;
            for (int i = used; i < padded; i++) {
                buf.put(i, (byte) 0);
            }
            long at = tailStart;
            int whole = used / block * block;
            tailLength = used - whole;
            buf.get(whole, tail, 0, tailLength);
            tailStart = at + whole;
            submit(new Write(buf, at, padded));
            end = at + used; // after the hand-off: other threads never wait on less than they see
        }
    }

    private ByteBuffer takeFree() throws IOException {
        ByteBuffer b = free.poll();
        if (b != null) {
            return b;
        }
        if (taken < BUFFERS) {
            taken++;
            return pool.take();
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the writer of " + file.getFileName());
        }
    }

    private void submit(Write w) throws IOException {
        if (writer == null) {
            writer = new Thread(this::writeLoop, "spill-direct-writer");
            writer.setDaemon(true);
            writer.start();
        }
        try {
            writes.put(w);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted handing a write to " + file.getFileName());
        }
        submitted++; // only the appender writes it
    }

    private void writeLoop() {
        while (true) {
            Write w;
            try {
                w = writes.take();
            } catch (InterruptedException e) {
                return;
            }
            if (w == STOP) {
                return;
            }
            IOException error = null;
            try {
                ByteBuffer b = w.buffer().duplicate();
                b.position(0).limit(w.length());
                while (b.hasRemaining()) {
                    direct.write(b, w.at() + b.position());
                }
            } catch (IOException e) {
                error = e;
            } catch (RuntimeException e) {
                error = new IOException(e); // the appender must hear of it, not wait forever
            }
            free.add(w.buffer());
            synchronized (this) {
                if (error != null && failure == null) {
                    failure = error;
                }
                completed++;
                notifyAll();
            }
        }
    }

    /** Waits until every write handed over so far is on the file (or failed). */
    private void drain() throws IOException {
        long target = submitted;
        synchronized (this) {
            while (completed < target && failure == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted waiting for the writer of " + file.getFileName());
                }
            }
        }
        checkWriter();
    }

    private synchronized void checkWriter() throws IOException {
        if (failure != null) {
            throw new IOException("writing " + file.getFileName() + " failed: " + failure.getMessage(), failure);
        }
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
        drain(); // the bytes may still be on their way
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
    public void flush() throws IOException {
        drain();
    }

    @Override
    public void force() throws IOException {
        drain();
        direct.force(false); // fdatasync: the device's cache and the file's size
    }

    @Override
    public void truncate(long size) throws IOException {
        drain();
        direct.truncate(size);
        loadTail(size);
    }

    @Override
    public long size() {
        return end;
    }

    /** Finishes the writes in flight, cuts the padding after the contents, then closes. */
    @Override
    public void close() throws IOException {
        try (FileChannel d = direct; FileChannel r = reads) {
            try {
                drain();
            } finally {
                stopWriter();
                returnBuffers();
            }
            if (d.size() > end) {
                d.truncate(end);
            }
        }
    }

    /** After the writer stopped: the buffers go back for the next segment. */
    private void returnBuffers() {
        ByteBuffer b;
        while ((b = free.poll()) != null) {
            pool.give(b);
        }
    }

    /** Writes not yet started are dropped, the one under way finishes, nothing is truncated or closed. */
    @Override
    public void abandon() throws IOException {
        writes.clear();
        stopWriter();
    }

    private void stopWriter() throws IOException {
        Thread w = writer;
        if (w == null) {
            return;
        }
        writer = null;
        try {
            writes.put(STOP); // after whatever is still queued: the writer finishes those first
            w.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted closing " + file.getFileName());
        }
    }
}
