package tcpflowlab.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What `run`, `serve` and `connect` do with the files and names they are given. */
class OutputFilesTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cli(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aDanglingSymlinkPlantedAtAnOutputNameIsNeverWrittenThrough(@TempDir Path dir) throws Exception {
        Path o = Files.createDirectories(dir.resolve("out"));
        Path elsewhere = dir.resolve("elsewhere.csv");
        Files.createSymbolicLink(o.resolve("events.csv"), elsewhere);

        assertEquals(Main.EXIT_BAD_INPUT, cli("run", "-q", "-p", "seed-buggy", "-d", "0.2", "-o", o.toString()));
        assertTrue(err.toString().contains("events.csv is a symbolic link"), err.toString());
        assertFalse(Files.exists(elsewhere, LinkOption.NOFOLLOW_LINKS), "nothing is created through the link");

        // --force replaces the link itself: the output is a file in the directory, the target still absent
        assertEquals(0, cli("run", "-q", "-p", "seed-buggy", "-d", "0.2", "-o", o.toString(), "--force"), err.toString());
        assertTrue(Files.isRegularFile(o.resolve("events.csv"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(elsewhere, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void forceNeverOverwritesTheTargetOfALink(@TempDir Path dir) throws Exception {
        Path o = Files.createDirectories(dir.resolve("out"));
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(o.resolve("samples.csv"), precious);
        Files.createSymbolicLink(o.resolve("summary.json"), precious);
        assertEquals(0, cli("run", "-q", "-p", "seed-buggy", "-d", "0.2", "-o", o.toString(), "--force"), err.toString());
        assertEquals("keep me", Files.readString(precious));
        assertFalse(Files.isSymbolicLink(o.resolve("samples.csv")));
        assertTrue(Files.readString(o.resolve("summary.json")).contains("\"scenario\""));
    }

    @Test
    void serveAndConnectCheckEveryOutputFileBeforeStarting(@TempDir Path dir) throws Exception {
        Path o = Files.createDirectories(dir.resolve("out"));
        Files.writeString(o.resolve("summary.json"), "mine");
        Files.writeString(o.resolve("samples.csv"), "mine too");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertEquals(Main.EXIT_BAD_INPUT, cli("connect", "-q", "-p", "seed-fixed", "-d", "0.3",
                "--to", "127.0.0.1:" + closedPort, "-o", o.toString()));
        String e = err.toString();
        assertTrue(e.contains("summary.json already exists") && e.contains("samples.csv already exists"),
                "every file is named at once: " + e);
        assertEquals(Main.EXIT_BAD_INPUT, cli("serve", "-q", "-p", "seed-buggy", "-d", "0.3", "--listen", "127.0.0.1:0",
                "-o", o.toString()));
        assertEquals("mine", Files.readString(o.resolve("summary.json")));
        assertEquals("mine too", Files.readString(o.resolve("samples.csv")));
        assertFalse(Files.exists(o.resolve("events.csv")), "nothing was written");
    }

    @Test
    void outputsAreRenamedIntoPlaceAndNoTemporaryNameIsLeft(@TempDir Path dir) throws Exception {
        Path o = dir.resolve("out");
        assertEquals(0, cli("run", "-q", "-p", "seed-buggy", "-d", "0.2", "-o", o.toString()), err.toString());
        try (Stream<Path> s = Files.list(o)) {
            assertEquals(List.of("events.csv", "samples.csv", "segments.csv", "summary.json"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void emptyPathsAreRefusedNamingTheOption() {
        assertEquals(Main.EXIT_BAD_INPUT, cli("run", "-q", "-p", "seed-buggy", "-d", "0.1", "-o", ""));
        assertTrue(err.toString().contains("-o/--out is empty"), err.toString());
        assertEquals(Main.EXIT_BAD_INPUT, cli("connect", "-q", "-p", "seed-buggy", "-d", "0.1", "--to", "127.0.0.1:9",
                "-o", ""));
        assertEquals(Main.EXIT_BAD_INPUT, cli("serve", "-q", "-p", "spill-and-replay", "-d", "0.1",
                "--listen", "127.0.0.1:0", "--spill-dir", ""));
        assertTrue(err.toString().contains("--spill-dir is empty"), err.toString());
        // With a bad --seconds too: the old bench refused that before touching the disk, so this test cannot
        // run a bench in (and empty) the current directory on a build without the check.
        assertEquals(Main.EXIT_BAD_INPUT, cli("bench-spill", "--dir", "", "--seconds", "-1"));
        assertTrue(err.toString().contains("--dir is empty"), err.toString());
    }

    @Test
    void controlCharactersInAScenarioNameAreEscapedWhenPrinted(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("evil.json"),
                "{\"name\": \"evil\\u001b[2J\\rname\\nsecond line\\u202e\"}");
        Path o = dir.resolve("out");
        assertEquals(0, cli("run", "-q", "-f", f.toString(), "-d", "0.1", "-o", o.toString()), err.toString());
        String printed = out.toString();
        assertTrue(printed.startsWith("Scenario evil\\x1b[2J\\rname\\nsecond line\\u202e (model engine"), printed);
        assertFalse(printed.chars().anyMatch(c -> c == 0x1b || c == '\r' || c == 0x202e), "no raw control characters");
        for (String csv : List.of("samples.csv", "events.csv", "segments.csv")) {
            List<String> lines = Files.readAllLines(o.resolve(csv));
            assertEquals("# TCP Flow Lab, scenario evil\\x1b[2J\\rname\\nsecond line\\u202e", lines.get(0), csv);
            assertTrue(lines.get(1).startsWith("time_s,"), csv + ": the header is the second line");
        }
    }

    /** A real full disk: a 200 KiB tmpfs, where this test may mount one (root with mount rights); skipped elsewhere. */
    @Test
    void aFullDiskNamesTheFileInOneLine(@TempDir Path dir) throws Exception {
        Path mnt = Files.createDirectories(dir.resolve("small"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=200k", "tcpflowlab-test", mnt.toString()),
                "mounting a small tmpfs is not permitted here; CsvFullDiskTest covers a full disk with an injected writer");
        try {
            Path o = mnt.resolve("out");
            assertEquals(Main.EXIT_FAILED, cli("run", "-q", "-p", "seed-buggy", "-d", "30", "-o", o.toString()));
            String e = err.toString().trim();
            assertTrue(e.matches("error: no space left on device: \\S+/out/(samples|events|segments)\\.csv"), e);
            assertFalse(e.contains("\n") || e.contains("Exception"), "one line, no class names: " + e);
        } finally {
            if (!run("umount", mnt.toString())) {
                run("umount", "-l", mnt.toString()); // still busy: detach it now, the kernel frees it when idle
            }
        }
    }

    private static boolean run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
