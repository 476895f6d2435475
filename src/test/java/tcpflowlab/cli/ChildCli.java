package tcpflowlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the command line in a child JVM, behind a prefix such as {@code ip netns exec NS} or
 * {@code setpriv --reuid=65534}: the things a test cannot do to its own process (another
 * network namespace, fewer privileges). Output and exit code are returned; a child that does not
 * end within the hang guard is killed and reported.
 */
final class ChildCli {
    record Result(int exit, String output) {
    }

    private final List<String> classPath;

    private ChildCli(List<String> classPath) {
        this.classPath = classPath;
    }

    /** The test JVM's own class path (for a child with the same user). */
    static ChildCli sameUser() {
        return new ChildCli(List.of(System.getProperty("java.class.path")));
    }

    /**
     * A copy of the classes and the few libraries the command line needs, readable by every user
     * (the build's own folders may be private to root).
     */
    static ChildCli readableCopy(Path dir) throws IOException {
        List<String> cp = new ArrayList<>();
        Path classes = dir.resolve("classes");
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (Files.isDirectory(p) && p.endsWith(Path.of("target", "classes"))) {
                copyTree(p, classes);
                cp.add(classes.toString());
            } else if (name.endsWith(".jar") && (name.startsWith("picocli") || name.startsWith("jackson-"))) {
                Path copy = dir.resolve(name);
                Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
                cp.add(copy.toString());
            }
        }
        openToAll(dir);
        return new ChildCli(List.of(String.join(java.io.File.pathSeparator, cp)));
    }

    Result run(List<String> prefix, long guardSeconds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", classPath.get(0), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the child was killed
            }
        });
        reader.start();
        if (!p.waitFor(guardSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            reader.join(5_000);
            throw new AssertionError("the child did not end within " + guardSeconds + " s: " + cmd + "\n" + out);
        }
        reader.join(10_000);
        return new Result(p.exitValue(), out.toString());
    }

    /** True when {@code program} can be started (found on PATH). */
    static boolean available(String... probe) {
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void openToAll(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        // @TempDir folders are private: every parent up to /tmp must let the other user through
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        for (Path p = dir.toAbsolutePath(); p.startsWith(tmp) && !p.equals(tmp); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
