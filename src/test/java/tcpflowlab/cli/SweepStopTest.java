package tcpflowlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl+C in the middle of a sweep (a real child JVM): the finished cells are kept, whole, and said so. */
class SweepStopTest {
    @Test
    void ctrlCKeepsTheFinishedCellsAndExits130(@TempDir Path work) throws Exception {
        Path out = work.resolve("out");
        // two short cells, then one that would run for minutes
        StopSignalTest.Child c = StopSignalTest.start(work, "sweep", "-p", "seed-buggy", "--jobs", "1",
                "--vary", "run.durationS=0.2,0.5,86400", "-o", out.toString());
        try {
            StopSignalTest.waitFor(c, "two finished cells", () -> {
                try {
                    return c.err().contains("2/3 cells");
                } catch (IOException e) {
                    return false;
                }
            });
            StopSignalTest.sigint(c);
            assertEquals(130, c.awaitExit(), c.err());
            List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
            assertEquals(3, rows.size(), "the header and the two finished cells: " + rows);
            assertTrue(rows.get(1).startsWith("0.2,") && rows.get(2).startsWith("0.5,"), rows.toString());
            JsonNode json = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
            assertEquals("SIGINT", json.path("interrupted").asText());
            assertEquals(2, json.path("finishedCells").asInt());
            assertTrue(Files.readString(c.stdout()).contains("interrupted by SIGINT: 2 of 3 cells finished and are in sweep.csv"),
                    Files.readString(c.stdout()));
            try (Stream<Path> s = Files.list(out)) {
                assertEquals(List.of("map.png", "map.svg", "sweep.csv", "sweep.json"),
                        s.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files are left");
            }
        } finally {
            c.process().destroyForcibly();
        }
    }

    @Test
    void ctrlCWhileAMergeWritesLetsTheWholeSetFinishAndExits130(@TempDir Path work) throws Exception {
        // shards big enough that drawing the merged map takes a while
        for (int i = 1; i <= 2; i++) {
            assertEquals(0, Main.execute(new java.io.PrintWriter(new java.io.StringWriter()),
                    new java.io.PrintWriter(new java.io.StringWriter()), "sweep", "-q", "-p", "seed-buggy", "-d", "0.001",
                    "--vary", "client.readSize=1..60:60", "--vary", "client.processingDelayMs=0..50:60",
                    "--shard", i + "/2", "-o", work.resolve("part" + i).toString()));
        }
        Path out = work.resolve("merged");
        StopSignalTest.Child c = StopSignalTest.start(work, "sweep", "merge", work.resolve("part1").toString(),
                work.resolve("part2").toString(), "-o", out.toString());
        try {
            StopSignalTest.waitFor(c, "the output directory", () -> Files.isDirectory(out)); // made just before writing
            StopSignalTest.sigint(c);
            assertEquals(130, c.awaitExit(), c.err());
            try (Stream<Path> s = Files.list(out)) {
                assertEquals(List.of("map.png", "map.svg", "sweep.csv", "sweep.json"),
                        s.map(p -> p.getFileName().toString()).sorted().toList(), "the whole set, no temporary files");
            }
            assertEquals(3601, Files.readAllLines(out.resolve("sweep.csv")).size());
        } finally {
            c.process().destroyForcibly();
        }
    }
}
