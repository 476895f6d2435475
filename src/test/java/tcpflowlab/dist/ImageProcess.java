package tcpflowlab.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a program of the installed image the way a teacher's machine would: no Java and no Maven
 * on the PATH (only the few tools the command itself needs, linked into a folder of their own),
 * no JAVA_HOME, a fresh home folder. A child that does not end within the hang guard is killed.
 */
final class ImageProcess {
    record Result(int exit, String output) {
    }

    private final Path bin;
    private final Path home;

    private ImageProcess(Path bin, Path home) {
        this.bin = bin;
        this.home = home;
    }

    /** A PATH folder holding links to just the named tools (those found on this machine's PATH). */
    static ImageProcess withTools(Path dir, List<String> tools) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : tools) {
            Optional<Path> found = onPath(tool);
            if (found.isPresent() && !Files.exists(bin.resolve(tool))) {
                Files.createSymbolicLink(bin.resolve(tool), found.get());
            }
        }
        return new ImageProcess(bin, Files.createDirectories(dir.resolve("home")));
    }

    static Optional<Path> onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(d -> !d.isEmpty()).map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst();
    }

    Result run(long guardSeconds, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("MAVEN_HOME");
        env.put("PATH", bin.toString());
        env.put("HOME", home.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        // read on another thread so a child that fills the pipe and hangs is still caught by the guard
        var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e.getMessage() + ")";
            }
        });
        if (!p.waitFor(guardSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("did not end within " + guardSeconds + " s: " + String.join(" ", command)
                    + "\n" + output.getNow("(no output)"));
        }
        return new Result(p.exitValue(), output.join());
    }
}
