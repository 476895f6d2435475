package tcpflowlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM and SIGINT in the middle of run, serve and connect with -o: the process is a real
 * child JVM, signalled the way a service manager or Ctrl+C does. Every file must be whole, the
 * summary must say the run was interrupted, temporary directories must be gone and the exit
 * code must be 128 + the signal.
 */
class StopSignalTest {
    private static final List<String> CSVS = List.of("samples.csv", "events.csv", "segments.csv");

    /** A child `tcpflowlab` with its own temporary folder, its output in files. */
    record Child(Process process, Path stdout, Path stderr) {
        String err() throws IOException {
            return Files.readString(stderr);
        }

        int awaitExit() throws Exception {
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the child did not exit after the signal; stderr: " + err());
            return process.exitValue();
        }
    }

    static Child start(Path work, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + work.resolve("jtmp"), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Files.createDirectories(work.resolve("jtmp"));
        Path out = work.resolve("child.out");
        Path err = work.resolve("child.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Child(p, out, err);
    }

    static void waitFor(Child c, String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a hang guard, not a timing claim
        while (!condition.getAsBoolean()) {
            assertTrue(c.process().isAlive(), "the child ended before " + what + "; stderr: " + c.err());
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what + "; stderr: " + c.err());
            Thread.sleep(20);
        }
    }

    private static boolean hasFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    static void sigint(Child c) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(c.process().pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -INT");
    }

    /** Whole files: each CSV ends with a newline and every row has the header's number of columns. */
    private static void assertWholeOutput(Path out, String signal) throws IOException {
        for (String f : CSVS) {
            Path p = out.resolve(f);
            assertTrue(Files.isRegularFile(p), f + " exists");
            String text = Files.readString(p, StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\n"), f + " ends with a whole line");
            String[] lines = text.split("\n");
            assertTrue(lines.length >= 2 && lines[0].startsWith("# TCP Flow Lab"), f + " starts with its comment line");
            int columns = columns(lines[1]);
            for (int i = 2; i < lines.length; i++) {
                assertEquals(columns, columns(lines[i]), f + " line " + (i + 1) + ": " + lines[i]);
            }
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(signal, summary.path("interrupted").asText(), "summary.json names the signal: " + summary);
        assertTrue(Files.readString(out.resolve("events.csv")).contains("interrupted by " + signal),
                "events.csv says the run was interrupted");
        try (Stream<Path> s = Files.list(out)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("events.csv", "samples.csv", "segments.csv", "summary.json"), names,
                    "no temporary files are left beside the outputs");
        }
    }

    /** Columns of a CSV row, commas inside quotes not counting. */
    private static int columns(String row) {
        int n = 1;
        boolean quoted = false;
        for (char c : row.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                n++;
            }
        }
        return n;
    }

    @Test
    void sigtermDuringAModelRunWritesWholeFilesAndASummaryAndExits143(@TempDir Path work) throws Exception {
        Path out = work.resolve("out");
        Child c = start(work, "run", "-q", "-p", "seed-buggy", "-d", "86400", "-o", out.toString());
        try {
            waitFor(c, "the output files", () -> hasFiles(out));
            c.process().destroy(); // SIGTERM
            assertEquals(143, c.awaitExit(), c.err());
            assertWholeOutput(out, "SIGTERM");
            assertTrue(Files.readString(c.stdout()).contains("interrupted by SIGTERM"), Files.readString(c.stdout()));
        } finally {
            c.process().destroyForcibly();
        }
    }

    @Test
    void sigtermDuringServeRemovesItsTemporarySpillQueueAndExits143(@TempDir Path work) throws Exception {
        Path out = work.resolve("out");
        Child c = start(work, "serve", "-p", "spill-and-replay", "-d", "86400", "--listen", "127.0.0.1:0",
                "-o", out.toString());
        try {
            waitFor(c, "the server to listen", () -> {
                try {
                    return c.err().contains("listening on port");
                } catch (IOException e) {
                    return false;
                }
            });
            waitFor(c, "the spill queue's temporary directory", () -> hasFiles(work.resolve("jtmp")));
            c.process().destroy();
            assertEquals(143, c.awaitExit(), c.err());
            try (Stream<Path> s = Files.list(work.resolve("jtmp"))) {
                assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("tcpflowlab"))
                        .toList(), "serve removes its temporary spill queue");
            }
            assertWholeOutput(out, "SIGTERM");
        } finally {
            c.process().destroyForcibly();
        }
    }

    @Test
    void ctrlCDuringConnectWritesWholeFilesAndExits130(@TempDir Path work) throws Exception {
        Path out = work.resolve("out");
        try (ServerSocket peer = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            Thread feeder = new Thread(() -> feed(peer), "test-peer");
            feeder.setDaemon(true);
            feeder.start();
            Child c = start(work, "connect", "-q", "-p", "seed-fixed", "-d", "86400",
                    "--to", "127.0.0.1:" + peer.getLocalPort(), "-o", out.toString());
            try {
                waitFor(c, "the output files", () -> hasFiles(out));
                waitFor(c, "the client to connect", () -> feederConnected);
                sigint(c);
                assertEquals(130, c.awaitExit(), c.err());
                assertWholeOutput(out, "SIGINT");
            } finally {
                c.process().destroyForcibly();
            }
        }
    }

    private volatile boolean feederConnected;

    /** A loopback peer that sends bytes to whoever connects, until the test closes it. */
    private void feed(ServerSocket peer) {
        byte[] chunk = new byte[1024];
        while (!peer.isClosed()) {
            try (Socket s = peer.accept(); OutputStream o = s.getOutputStream()) {
                feederConnected = true;
                for (int i = 0; i < 100_000 && !peer.isClosed(); i++) {
                    o.write(chunk);
                    Thread.sleep(5);
                }
            } catch (IOException e) {
                // the client went away, or the test closed the peer
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Test
    void aSignalAfterTheRunStartedStillLeavesNoHalfWrittenOutputWithLive(@TempDir Path work) throws Exception {
        Path out = work.resolve("out");
        Child c = start(work, "run", "--engine", "live", "-p", "seed-buggy", "-d", "86400", "-o", out.toString());
        try {
            waitFor(c, "the output files", () -> hasFiles(out));
            waitFor(c, "the live run to start", () -> {
                try {
                    return c.err().contains("listening on port");
                } catch (IOException e) {
                    return false;
                }
            });
            sigint(c);
            assertEquals(130, c.awaitExit(), c.err());
            assertWholeOutput(out, "SIGINT");
            assertFalse(c.err().contains("Exception"), c.err());
        } finally {
            c.process().destroyForcibly();
        }
    }
}
