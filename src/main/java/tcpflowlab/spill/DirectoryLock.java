package tcpflowlab.spill;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One queue per directory: two writers would interleave sequences and truncate each other's
 * tails. An OS file lock, so a crashed owner's lock goes with its process.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE = "lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (Files.isSymbolicLink(file) || Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("spill directory " + dir + ": its lock file is not a regular file (a link or a folder);"
                    + " the queue does not follow links: remove it");
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // held by another queue in this JVM
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            ch.close();
            throw new IOException("spill directory " + dir + " is in use by another queue (its lock file is held); "
                    + "stop the other server or choose another directory");
        }
        return new DirectoryLock(ch, l);
    }

    @Override
    public void close() throws IOException {
        try (FileChannel ch = channel) {
            if (ch.isOpen()) {
                lock.release();
            }
        }
    }
}
