package tcpflowlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a spill directory before the server listens, without creating anything: it must be
 * a directory this process can write, or not exist yet under one (the queue creates it).
 * A failure is one line in words, exit 1.
 */
final class SpillDirCheck {
    private SpillDirCheck() {
    }

    static void require(Path dir, String option) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw problem(option + " " + dir + ": no part of the path exists");
        }
        boolean itself = existing.equals(dir.toAbsolutePath());
        String what = option + " " + dir + (itself ? " " : " cannot be created: " + existing + " ");
        if (!Files.isDirectory(existing)) {
            throw problem(what + "is not a directory");
        }
        if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
            throw problem(what + "is not writable by this user (permission denied)");
        }
    }

    private static UncheckedIOException problem(String line) {
        return new UncheckedIOException(new IOException(line));
    }
}
