package tcpflowlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * bench-live's C side: builds the C sender and drain reader from their sources with
 * {@code cc -O2} into a temporary directory, and runs them on loopback. Every process it
 * starts has a deadline and is ended when it passes one.
 */
final class CBenchPrograms implements AutoCloseable {
    /** The C compiler is missing or cannot build the sources: the message says which and why. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    /** One reader's count: messages it read in {@code seconds} after its warm-up. */
    record Count(long messages, double seconds) {
        double perSecond() {
            return seconds > 0 ? messages / seconds : 0;
        }
    }

    private static final Pattern TOTAL = Pattern.compile("total (\\d+) bytes (\\d+) messages ([0-9.]+) s");
    private static final Pattern PORT = Pattern.compile("port (\\d+)");

    private final Path dir;
    private final Path sender;
    private final Path drain;
    private final String compilerVersion;

    private CBenchPrograms(Path dir, String compilerVersion) {
        this.dir = dir;
        this.sender = dir.resolve("sender");
        this.drain = dir.resolve("drain");
        this.compilerVersion = compilerVersion;
    }

    /** Builds sender.c and drain.c found in {@code sources} with {@code cc}. */
    static CBenchPrograms build(String cc, Path sources) throws Unavailable, IOException {
        for (String name : List.of("sender.c", "drain.c")) {
            if (!Files.isRegularFile(sources.resolve(name))) {
                throw new Unavailable("no " + name + " in " + sources.toAbsolutePath()
                        + ": name the folder with the benchmark's C sources with --c-sources (bench/c in the project)");
            }
        }
        String version;
        try {
            version = run(List.of(cc, "--version"), 30).lines().findFirst().orElse(cc);
        } catch (IOException e) {
            throw new Unavailable("the C compiler '" + cc + "' was not found: bench-live builds its C sender and reader"
                    + " with it (install gcc or clang, or name a compiler with --cc)");
        }
        Path dir = Files.createTempDirectory("tcpflowlab-bench-live");
        CBenchPrograms p = new CBenchPrograms(dir, version);
        try {
            p.compile(cc, sources.resolve("sender.c"), p.sender);
            p.compile(cc, sources.resolve("drain.c"), p.drain);
        } catch (Unavailable | IOException e) {
            p.close();
            throw e;
        }
        return p;
    }

    String compilerVersion() {
        return compilerVersion;
    }

    private void compile(String cc, Path source, Path binary) throws IOException, Unavailable {
        ProcessBuilder pb = new ProcessBuilder(cc, "-O2", "-o", binary.toString(), source.toString());
        pb.redirectErrorStream(true);
        Process proc = pb.start();
        String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!waitOrEnd(proc, 60) || proc.exitValue() != 0) {
            throw new Unavailable("'" + cc + " -O2' could not build " + source + ":\n" + output.strip());
        }
    }

    /** Starts the C sender; returns it with the port it listens on. */
    SenderProcess startSender(int messageBytes, int sndBuf, double limitSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(sender.toString(), Integer.toString(messageBytes),
                Integer.toString(sndBuf), Double.toString(limitSeconds));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process proc = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher m = first == null ? null : PORT.matcher(first);
        if (m == null || !m.matches()) {
            proc.destroyForcibly();
            throw new IOException("the C sender did not say which port it listens on (it printed: " + first + ")");
        }
        return new SenderProcess(proc, Integer.parseInt(m.group(1)));
    }

    /** The C sender running: ended by the reader's close, or at the latest by {@link #close()}. */
    record SenderProcess(Process process, int port) implements AutoCloseable {
        @Override
        public void close() {
            waitOrEnd(process, 5);
        }
    }

    /** Runs the drain reader against 127.0.0.1:{@code port} and returns its count. */
    Count drain(int port, int messageBytes, double warmupSeconds, double seconds) throws IOException {
        List<String> cmd = List.of(drain.toString(), Integer.toString(port), Integer.toString(messageBytes),
                Double.toString(warmupSeconds), Double.toString(seconds));
        String out = run(cmd, (long) Math.ceil(warmupSeconds + seconds) + 20);
        Matcher m = TOTAL.matcher(out);
        if (!m.find()) {
            throw new IOException("the C drain reader gave no total (it printed: " + out.strip() + ")");
        }
        return new Count(Long.parseLong(m.group(2)), Double.parseDouble(m.group(3)));
    }

    private static String run(List<String> cmd, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        Process proc = pb.start();
        List<String> lines = new ArrayList<>();
        Thread gobbler = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(l);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "bench-live-output");
        gobbler.setDaemon(true);
        gobbler.start();
        if (!waitOrEnd(proc, timeoutSeconds)) {
            throw new IOException(cmd.get(0) + " did not finish within " + timeoutSeconds + " s and was ended");
        }
        try {
            gobbler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Waits up to {@code seconds} for the process; ends it if it is still running. Whether it ended by itself. */
    private static boolean waitOrEnd(Process proc, long seconds) {
        try {
            if (proc.waitFor(seconds, TimeUnit.SECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        proc.destroyForcibly();
        return false;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
