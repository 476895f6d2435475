package tcpflowlab.cli;

import tcpflowlab.scenario.InvalidScenarioException;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks on an output directory before a run writes anything: every file the command will
 * write, not only the first, and what stands at each name, a symbolic link included (a dangling
 * link "exists" here although {@code Files.exists} says it does not).
 */
final class OutputDir {
    private OutputDir() {
    }

    /** Refuses an empty path: it would mean the current directory, which nobody types on purpose. */
    static void refuseEmpty(String option, Path path) {
        if (path != null && path.toString().isBlank()) {
            throw new InvalidScenarioException(option + " is empty; name a directory");
        }
    }

    /**
     * Makes {@code dir} and creates and drops a temporary file beside {@code file} in it, so a
     * directory that takes no files (read-only, /proc, a full disk) fails before the runs, not
     * after them with their results lost.
     */
    static void requireWritable(Path dir, String file) throws java.io.IOException {
        Files.createDirectories(dir);
        tcpflowlab.export.AtomicOutputFile.create(dir.resolve(file)).discard();
    }

    /**
     * Without --force, any of {@code files} already in {@code dir} stops the run before it starts,
     * all of them named at once. With --force a file or link is replaced as a directory entry (a
     * link's target is left alone: the files are renamed into place, never written through a
     * link); a directory at one of the names is refused either way.
     */
    static void checkOverwrite(Path dir, List<String> files, boolean force) {
        checkOverwrite("--out", dir, files, force);
    }

    /** Like {@link #checkOverwrite(Path, List, boolean)} for the directory given with {@code option}. */
    static void checkOverwrite(String option, Path dir, List<String> files, boolean force) {
        List<String> problems = new ArrayList<>();
        for (String f : files) {
            Path p = dir.resolve(f);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(p + " is a directory; choose another " + option);
            } else if (!force && Files.isSymbolicLink(p)) {
                problems.add(p + " is a symbolic link; choose another " + option + ", or add --force to replace the link "
                        + "(its target is not touched)");
            } else if (!force && Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(p + " already exists; choose another " + option + " or add --force to overwrite");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
    }
}
