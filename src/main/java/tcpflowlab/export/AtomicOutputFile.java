package tcpflowlab.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * One output file, written under a temporary name in its own directory and renamed into
 * place once complete: a reader never sees half a file, and whatever stands at the name (a
 * symbolic link, even a dangling one planted there) is replaced as a directory entry, never
 * opened or written through. The temporary name is created exclusively (O_CREAT|O_EXCL), which
 * refuses to follow a link too.
 */
public final class AtomicOutputFile implements Closeable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean closed;

    private AtomicOutputFile(Path target, Path temp, FileChannel channel, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.stream = stream;
    }

    public static AtomicOutputFile create(Path target) throws IOException {
        return create(target, UnaryOperator.identity());
    }

    /** With {@code filter} around the file's stream (tests put a full disk there). */
    static AtomicOutputFile create(Path target, UnaryOperator<OutputStream> filter) throws IOException {
        Path name = target.getFileName();
        if (name == null) {
            throw new FileSystemException(target.toString(), null, "not a file name");
        }
        byte[] tag = new byte[6];
        RANDOM.nextBytes(tag);
        Path temp = target.resolveSibling("." + name + "." + HexFormat.of().formatHex(tag) + ".tmp");
        FileChannel ch;
        try {
            ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw naming(target, e);
        }
        return new AtomicOutputFile(target, temp, ch, filter.apply(Channels.newOutputStream(ch)));
    }

    /** Writes {@code bytes} as the whole file {@code target}, atomically; a failure names the file. */
    public static void write(Path target, byte[] bytes) throws IOException {
        try (AtomicOutputFile f = create(target)) {
            try {
                f.stream().write(bytes);
            } catch (IOException e) {
                throw naming(target, e);
            }
            f.commit();
        }
    }

    /** The file's final name. */
    public Path target() {
        return target;
    }

    /** Where the bytes are while the file is being written (the final name after {@link #commit}). */
    public Path current() {
        return closed ? target : temp;
    }

    public OutputStream stream() {
        return stream;
    }

    /**
     * Makes the file durable and gives it its name: fsync, rename over whatever is there, fsync
     * the directory. A failure names the file.
     */
    public void commit() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stream.flush();
            channel.force(true);
            channel.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            discardQuietly();
            throw naming(target, e);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Drops the file: the temporary name is removed and the final name left as it was. */
    public void discard() {
        if (!closed) {
            closed = true;
            discardQuietly();
        }
    }

    private void discardQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            // removing it below is what matters
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // nothing more can be done about a temporary file that will not go
        }
    }

    /** Same as {@link #discard}: a file that was not committed is not kept. */
    @Override
    public void close() {
        discard();
    }

    private static void syncDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the file itself is synced
        }
    }

    /**
     * The exception with the file's name in it: the operating system's own message for a write
     * ("No space left on device") names no file.
     */
    public static IOException naming(Path file, IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            if (f.getFile().equals(file.toString())) {
                return e;
            }
            // a temporary name is not what the user knows: say the file it stands for, and why in words
            String reason = f.getReason() != null ? f.getReason()
                    : f instanceof java.nio.file.NoSuchFileException ? "cannot be created in that directory"
                    : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f instanceof java.nio.file.FileAlreadyExistsException ? "already exists" : "cannot be written";
            FileSystemException named = new FileSystemException(file.toString(), null, reason);
            named.initCause(e);
            return named;
        }
        FileSystemException named = new FileSystemException(file.toString(), null,
                e.getMessage() == null ? "input/output error" : e.getMessage());
        named.initCause(e);
        return named;
    }
}
