package tcpflowlab.ui;

import tcpflowlab.engine.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.export.CsvTelemetryWriter;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's runs keep their CSV log and capture in a temporary folder: it goes when the run is discarded. */
class RunTempFilesTest {
    private static List<Path> runDirs() throws IOException {
        return runDirs(Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static List<Path> runDirs(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("tcpflowlab-run")).sorted().toList();
        }
    }

    private static Scenario story(ScenarioCodec codec) {
        return new Presets(codec).load("seed-buggy");
    }

    @Test
    void aDiscardedOrReplacedLiveRunLeavesNoTemporaryFolder() throws Exception {
        ScenarioCodec codec = new ScenarioCodec();
        List<Path> before = runDirs();
        RunController runs = new RunController(codec);
        runs.setEngine(Engines.Kind.LIVE);
        runs.prepare(story(codec));
        runs.start();
        Path log = runs.flushedLog(CsvTelemetryWriter.EVENTS);
        assertTrue(Files.exists(log), "the run logs while it runs: " + log);
        runs.prepare(story(codec)); // a new run replaces it
        runs.start();
        runs.close(); // Reset
        assertEquals(before, runDirs(), "the Live runs' temporary folders are removed");
    }

    @Test
    void theRunsTemporaryFolderGoesWhenTheAppIsKilledWithSigterm(@TempDir Path work) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + work, "-cp", System.getProperty("java.class.path"),
                RunControllerChild.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine(); // blocks until the run is running (the child's 120 s sleep bounds it)
            assertTrue(line != null && line.startsWith("running " + work), "the child's run: " + line);
            assertEquals(1, runDirs(work).size(), "the run has its temporary folder");
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child exits on SIGTERM");
            assertEquals(List.of(), runDirs(work), "the temporary folder is removed on the way out");
        } finally {
            child.destroyForcibly();
        }
    }
}
