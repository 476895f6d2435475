package tcpflowlab.spill;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** File-system operations of the queue; {@link #DISK} is the real one, tests wrap it to inject faults. */
public interface Storage {
    SegmentFile open(Path file, boolean create) throws IOException;

    /**
     * Opens a segment that is only appended to, in big batches: {@link #DISK} writes it with
     * O_DIRECT where the file system allows ({@link DirectAppendFile}, from {@code buffers}),
     * else as {@link #open}.
     */
    default SegmentFile openAppender(Path file, boolean create, AlignedBuffers buffers) throws IOException {
        return open(file, create);
    }

    /** Replaces {@code to} with {@code from} atomically where the file system can. */
    void move(Path from, Path to) throws IOException;

    void delete(Path file) throws IOException;

    /** fsync of a directory, so that created, renamed and deleted names are durable too. */
    void forceDirectory(Path dir) throws IOException;

    List<Path> list(Path dir) throws IOException;

    Storage DISK = new Storage() {
        @Override
        public SegmentFile openAppender(Path file, boolean create, AlignedBuffers buffers) throws IOException {
            java.util.Optional<SegmentFile> direct = DirectAppendFile.open(file, create, buffers);
            return direct.isPresent() ? direct.get() : open(file, create);
        }

        @Override
        public SegmentFile open(Path file, boolean create) throws IOException {
            // never through a symbolic link: a link planted in the directory must not make the
            // queue truncate or write its target (O_NOFOLLOW)
            FileChannel ch = create
                    ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS)
                    : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            return new SegmentFile() {
                private long end = ch.size();

                @Override
                public void append(ByteBuffer src) throws IOException {
                    while (src.hasRemaining()) {
                        end += ch.write(src, end);
                    }
                }

                @Override
                public void writeAt(ByteBuffer src, long position) throws IOException {
                    long p = position;
                    while (src.hasRemaining()) {
                        p += ch.write(src, p);
                    }
                    end = Math.max(end, p);
                }

                @Override
                public int read(ByteBuffer dst, long position) throws IOException {
                    return ch.read(dst, position);
                }

                @Override
                public void flush() {
                    // append() wrote through to the OS already
                }

                @Override
                public void force() throws IOException {
                    ch.force(false); // fdatasync: the size is data here, the name is forced via the directory
                }

                @Override
                public void truncate(long size) throws IOException {
                    ch.truncate(size);
                    end = size;
                }

                @Override
                public long size() {
                    return end;
                }

                @Override
                public void close() throws IOException {
                    ch.close();
                }
            };
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        @Override
        public void delete(Path file) throws IOException {
            Files.deleteIfExists(file);
        }

        @Override
        public void forceDirectory(Path dir) {
            // Opening a directory for fsync works on Linux and fails elsewhere (Windows):
            // where the OS refuses, names are as durable as the OS makes them.
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            } catch (IOException | UnsupportedOperationException e) {
                // refused by this OS: skip, as documented
            }
        }

        @Override
        public List<Path> list(Path dir) throws IOException {
            try (Stream<Path> s = Files.list(dir)) {
                return s.sorted().toList();
            }
        }
    };
}
