package tcpflowlab.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recently opened or saved scenario files, newest first, kept in a plain text file (one
 * path per line) in the user's settings folder. A missing or unreadable list is an empty list.
 */
final class RecentFiles {
    static final int MAX = 8;

    private final Path store;

    RecentFiles(Path store) {
        this.store = store;
    }

    /** The settings folder: {@code -Dtcpflowlab.home=DIR}, else ~/.tcpflowlab. */
    static Path defaultStore() {
        String home = System.getProperty("tcpflowlab.home");
        Path dir = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".tcpflowlab");
        return dir.resolve("recent-files.txt");
    }

    List<Path> load() {
        try {
            if (!Files.isRegularFile(store) || Files.size(store) > 64 * 1024) {
                return List.of();
            }
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && out.size() < MAX) {
                    out.add(Path.of(line.trim()));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts {@code file} first and saves; returns the new list. */
    List<Path> remember(Path file) {
        List<Path> list = new ArrayList<>(load());
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX) {
            list.remove(list.size() - 1);
        }
        try {
            Files.createDirectories(store.getParent());
            Files.write(store, list.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Losing the recent list is not worth interrupting the user for.
        }
        return list;
    }
}
