package tcpflowlab.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What a path that is not a regular file is, in words, for the one-line refusal. */
final class ScenarioFileKind {
    private static final int S_IFMT = 0170000;

    private ScenarioFileKind() {
    }

    static String of(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            // Linux's st_mode, where the platform offers it: names the kind of special file.
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & S_IFMT) {
                    case 0010000 -> "a named pipe";
                    case 0020000 -> "a character device";
                    case 0060000 -> "a block device";
                    case 0140000 -> "a socket";
                    default -> "a special file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view: the generic words below
        }
        return "a special file";
    }
}
