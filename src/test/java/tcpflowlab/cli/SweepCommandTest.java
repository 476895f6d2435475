package tcpflowlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.export.Csv;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tcpflowlab sweep and sweep merge: small grids of a few seconds of virtual time each. */
class SweepCommandTest {
    private static final String[] GRID = {"-p", "seed-buggy", "--vary", "client.readSize=10,4096",
            "--vary", "client.processingDelayMs=0..10:3", "-d", "2"};

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private int sweep(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", "-q"));
        args.addAll(List.of(GRID));
        args.addAll(List.of(extra));
        args.addAll(List.of("-o", dir.toString()));
        return run(args.toArray(String[]::new));
    }

    private static List<String> rows(Path dir) throws Exception {
        return Files.readAllLines(dir.resolve("sweep.csv"));
    }

    /** The row's fields by the header's column names. */
    private static String field(Path dir, int row, String column) throws Exception {
        List<String> lines = rows(dir);
        List<String> header = List.of(lines.get(0).split(",", -1));
        return lines.get(row + 1).split(",", -1)[header.indexOf(column)];
    }

    @Test
    void writesOneRowPerCellInNestedLoopOrderWithTheOutcomesTheStorySays(@TempDir Path tmp) throws Exception {
        Path o = tmp.resolve("s");
        assertEquals(0, sweep(o), err.toString());
        List<String> lines = rows(o);
        assertEquals("client.readSize,client.processingDelayMs,outcome,first_zero_window_s,first_eagain_s,first_rst_s,"
                + "resets_per_min,zero_window_share,goodput_Bps,messages_dropped,messages_lost,peak_send_queue_B,"
                + "peak_receive_queue_B,probes,peak_spill_B,limit_rwnd_share,limit_sndbuf_share,limit_link_share,"
                + "limit_app_share", lines.get(0));
        assertEquals(7, lines.size());
        List<String> cells = lines.stream().skip(1).map(l -> String.join(",", List.of(l.split(",")).subList(0, 3))).toList();
        // the story: reading 10 B every 5 ms is the reset; reading 4096 B keeps up
        assertEquals(List.of("10,0,CLEAN", "10,5,RESET", "10,10,RESET", "4096,0,CLEAN", "4096,5,CLEAN", "4096,10,CLEAN"), cells);
        assertEquals("", field(o, 0, "first_rst_s"), "never: an empty field");
        assertTrue(field(o, 1, "first_rst_s").matches("\\d+\\.\\d{9}"), "a time to the ns: " + field(o, 1, "first_rst_s"));
        assertTrue(field(o, 1, "zero_window_share").matches("0\\.\\d{6}"), field(o, 1, "zero_window_share"));
        assertTrue(field(o, 1, "goodput_Bps").matches("\\d+\\.\\d{3}"), field(o, 1, "goodput_Bps"));
        assertTrue(field(o, 1, "messages_lost").matches("[1-9]\\d*"), field(o, 1, "messages_lost"));
        assertTrue(out.toString().contains("outcomes: RESET 2, LOSSY 0, STALLED 0, CLEAN 4"), out.toString());
        assertTrue(Files.size(o.resolve("map.png")) > 1000, "the outcome map");
        assertTrue(Files.readString(o.resolve("map.svg")).contains("<svg"), "the outcome map as SVG");

        JsonNode json = new ObjectMapper().readTree(o.resolve("sweep.json").toFile());
        assertEquals("[\"client.readSize=10,4096\",\"client.processingDelayMs=0..10:3\"]", json.get("vary").toString());
        assertEquals("seed-buggy", json.path("base").path("name").asText());
        assertEquals(2.0, json.path("base").path("run").path("durationS").asDouble());
        assertEquals(6, json.path("cells").asInt());
        assertTrue(json.path("shard").isNull());
        assertTrue(json.path("interrupted").isNull());
    }

    @Test
    void aCellIsThePlainRunOfTheSameScenario(@TempDir Path tmp) throws Exception {
        Path s = tmp.resolve("s");
        Path r = tmp.resolve("r");
        assertEquals(0, sweep(s), err.toString());
        assertEquals(0, run("run", "-q", "-p", "seed-buggy", "--set", "client.readSize=10", "--set",
                "client.processingDelayMs=5", "-d", "2", "-o", r.toString()), err.toString());
        JsonNode summary = new ObjectMapper().readTree(r.resolve("summary.json").toFile());
        int row = 1; // readSize 10, delay 5
        assertEquals(summary.get("outcome").asText(), field(s, row, "outcome"));
        assertEquals(Csv.seconds(summary.get("firstZeroWindowNanos").asLong()), field(s, row, "first_zero_window_s"));
        assertEquals(Csv.seconds(summary.get("firstEagainNanos").asLong()), field(s, row, "first_eagain_s"));
        assertEquals(Csv.seconds(summary.get("firstRstNanos").asLong()), field(s, row, "first_rst_s"));
        assertEquals(summary.get("messagesDropped").asText(), field(s, row, "messages_dropped"));
        assertEquals(summary.get("messagesLost").asText(), field(s, row, "messages_lost"));
        assertEquals(summary.get("peakServerSendQueue").asText(), field(s, row, "peak_send_queue_B"));
        assertEquals(summary.get("peakClientReceiveQueue").asText(), field(s, row, "peak_receive_queue_B"));
        assertEquals(summary.get("zeroWindowProbes").asText(), field(s, row, "probes"));
        double seconds = summary.get("durationNanos").asLong() / 1e9;
        assertEquals(summary.get("bytesRead").asLong() / seconds, Double.parseDouble(field(s, row, "goodput_Bps")), 0.0005);
        assertEquals(summary.get("resets").asLong() * 60 / seconds, Double.parseDouble(field(s, row, "resets_per_min")), 1e-6);
    }

    @Test
    void theOutputIsByteIdenticalForAnyNumberOfJobs(@TempDir Path tmp) throws Exception {
        assertEquals(0, sweep(tmp.resolve("j1"), "--jobs", "1"), err.toString());
        assertEquals(0, sweep(tmp.resolve("j3"), "--jobs", "3"), err.toString());
        assertEquals(-1, Files.mismatch(tmp.resolve("j1/sweep.csv"), tmp.resolve("j3/sweep.csv")));
        assertEquals(-1, Files.mismatch(tmp.resolve("j1/sweep.json"), tmp.resolve("j3/sweep.json")));
    }

    @Test
    void threeShardsMergedAreExactlyTheBytesOfTheWholeSweep(@TempDir Path tmp) throws Exception {
        assertEquals(0, sweep(tmp.resolve("whole")), err.toString());
        for (int i = 1; i <= 3; i++) {
            assertEquals(0, sweep(tmp.resolve("part" + i), "--shard", i + "/3"), err.toString());
            assertEquals(3, rows(tmp.resolve("part" + i)).size(), "two cells of six in each shard, and the header");
            assertEquals(i + "/3", new ObjectMapper().readTree(tmp.resolve("part" + i + "/sweep.json").toFile())
                    .path("shard").asText());
        }
        // in any order
        assertEquals(0, run("sweep", "merge", tmp.resolve("part3").toString(), tmp.resolve("part1").toString(),
                tmp.resolve("part2").toString(), "-o", tmp.resolve("merged").toString()), err.toString());
        assertEquals(-1, Files.mismatch(tmp.resolve("whole/sweep.csv"), tmp.resolve("merged/sweep.csv")));
        assertEquals(-1, Files.mismatch(tmp.resolve("whole/sweep.json"), tmp.resolve("merged/sweep.json")));
        assertTrue(Files.size(tmp.resolve("merged/map.png")) > 1000, "merge draws the map of the whole sweep");
        assertTrue(Files.exists(tmp.resolve("merged/map.svg")));

        assertEquals(2, run("sweep", "merge", tmp.resolve("part1").toString(), tmp.resolve("part2").toString(),
                "-o", tmp.resolve("m2").toString()));
        assertTrue(err.toString().contains("2 of 6 cells are missing: cell 3 (client.readSize=10, client.processingDelayMs=10), "
                + "shard 3/3; cell 6 (client.readSize=4096, client.processingDelayMs=10), shard 3/3"), err.toString());
        assertFalse(Files.exists(tmp.resolve("m2/sweep.csv")));

        assertEquals(2, run("sweep", "merge", tmp.resolve("part1").toString(), tmp.resolve("whole").toString(),
                "-o", tmp.resolve("m3").toString()));
        assertTrue(err.toString().contains("cell 1 (client.readSize=10, client.processingDelayMs=0) is in both"), err.toString());

        assertEquals(0, sweep(tmp.resolve("other"), "--set", "client.replySize=0", "--shard", "2/3"), err.toString());
        assertEquals(2, run("sweep", "merge", tmp.resolve("part1").toString(), tmp.resolve("other").toString(),
                tmp.resolve("part3").toString(), "-o", tmp.resolve("m4").toString()));
        assertTrue(err.toString().contains("holds a different sweep than " + tmp.resolve("part1")
                + ": the base scenario's client.replySize is"), err.toString());

        assertEquals(2, run("sweep", "merge", tmp.resolve("part1").toString(), tmp.resolve("part2").toString(),
                tmp.resolve("part3").toString(), "-o", tmp.resolve("whole").toString()));
        assertTrue(err.toString().contains("already exists"), err.toString());
    }

    @Test
    void fromSweepJsonRunsTheSameSweepAgain(@TempDir Path tmp) throws Exception {
        assertEquals(0, sweep(tmp.resolve("a")), err.toString());
        assertEquals(0, run("sweep", "-q", "--from", tmp.resolve("a/sweep.json").toString(), "-o", tmp.resolve("b").toString()),
                err.toString());
        assertEquals(-1, Files.mismatch(tmp.resolve("a/sweep.csv"), tmp.resolve("b/sweep.csv")));
        assertEquals(2, run("sweep", "--from", tmp.resolve("a/sweep.json").toString(), "--vary", "client.readSize=1,2",
                "-o", tmp.resolve("c").toString()));
        assertTrue(err.toString().contains("--from takes the varied fields from"), err.toString());
        Files.writeString(tmp.resolve("bogus.json"), "{\"name\": \"x\"}");
        assertEquals(2, run("sweep", "--from", tmp.resolve("bogus.json").toString(), "-o", tmp.resolve("d").toString()));
        assertTrue(err.toString().contains("bogus.json: not a sweep.json"), err.toString());
    }

    @Test
    void refusesToOverwriteWithoutForce(@TempDir Path tmp) throws Exception {
        Path o = tmp.resolve("s");
        assertEquals(0, sweep(o, "--vary", "sockets.nagle=true"), err.toString());
        long before = Files.getLastModifiedTime(o.resolve("sweep.csv")).toMillis();
        assertEquals(2, sweep(o, "--vary", "sockets.nagle=true"));
        assertTrue(err.toString().contains("sweep.csv already exists; choose another --out or add --force"), err.toString());
        assertTrue(err.toString().contains("sweep.json already exists"), err.toString());
        assertEquals(before, Files.getLastModifiedTime(o.resolve("sweep.csv")).toMillis());
        assertEquals(0, sweep(o, "--vary", "sockets.nagle=true", "--force"), err.toString());
    }

    @Test
    void aSweepOfMoreFieldsThanAMapShowsWritesTheTableAndSaysWhyThereIsNoMap(@TempDir Path tmp) throws Exception {
        Path o = tmp.resolve("s");
        assertEquals(0, run("sweep", "-q", "-p", "seed-buggy", "-d", "0.5", "--vary", "client.readSize=10",
                "--vary", "client.processingDelayMs=5", "--vary", "sockets.nagle=true", "--vary", "client.replySize=0,12",
                "--plot", "goodput_Bps", "-o", o.toString()), err.toString());
        assertEquals(3, rows(o).size());
        assertTrue(out.toString().contains("no map: a map shows at most 3 varied fields, this sweep varies 4"), out.toString());
        assertFalse(Files.exists(o.resolve("map.png")));
    }

    @Test
    void theKernelEngineIsRefusedWithTheReason(@TempDir Path tmp) {
        assertEquals(2, sweep(tmp.resolve("s"), "--engine", "live"));
        assertTrue(err.toString().contains("sweeps run the Model only. A kernel cell runs in real time"), err.toString());
        assertFalse(Files.exists(tmp.resolve("s")));
    }

    @Test
    void everyValueIsCheckedBeforeAnythingRuns(@TempDir Path tmp) {
        Path o = tmp.resolve("s");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.readSize=0..10:3", "-o", o.toString()),
                "client.readSize = 0 is not allowed: read size must be 1 .. 1048576 B");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.processingDelayMs=NaN", "-o", o.toString()),
                "client.processingDelayMs = NaN is not allowed");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.processingDelayMs=1e309", "-o", o.toString()),
                "is not allowed: processing delay must be");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "", "-o", o.toString()), "is not of the form FIELD=SPEC");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.nope=1", "-o", o.toString()), "unknown field 'client.nope'");
        assertBad(List.of("sweep", "-p", "seed-buggy", "-o", o.toString()), "sweep needs at least one --vary FIELD=SPEC");
        assertBad(List.of("sweep", "--vary", "client.readSize=1,2", "-o", o.toString()), "sweep needs a scenario");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.readSize=1,2"), "sweep needs -o DIR");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.readSize=1..10000:10000",
                "--vary", "run.seed=1..10000:10000", "-o", o.toString()),
                "the sweep has 100000000 cells, more than the limit of 10000 (raise it with --max-cells N");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.readSize=1,2,3", "--max-cells", "2", "-o", o.toString()),
                "the sweep has 3 cells, more than the limit of 2");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.readSize=1,2", "--max-cells", "0", "-o", o.toString()),
                "--max-cells 0 is not allowed: 1 .. 1000000");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.readSize=1,2", "--jobs", "0", "-o", o.toString()),
                "--jobs 0 is not allowed: 1 .. 1024");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.readSize=1,2", "--jobs", "100000", "-o", o.toString()),
                "--jobs 100000 is not allowed");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.readSize=1,2", "--shard", "4/3", "-o", o.toString()),
                "--shard 4/3 is not allowed: write I/N with 1 <= I <= N");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.readSize=1,2", "--shard", "0/3", "-o", o.toString()),
                "--shard 0/3 is not allowed");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.readSize=1,2", "--shard", "half", "-o", o.toString()),
                "--shard 'half' is not of the form I/N");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.readSize=1,2", "--plot", "beauty", "-o", o.toString()),
                "--plot beauty is not a sweep metric; one of outcome, first_zero_window_s");
        assertBad(List.of("sweep", "-p", "seed-buggy", "--vary", "client.readSize=1,2", "--vary", "client.readSize=3",
                "-o", o.toString()), "--vary client.readSize is given twice");
        // a combination the scenario rules forbid, found before the first cell runs
        assertBad(List.of("sweep", "-p", "seed-buggy", "--set", "client.reconnectBackoffMaxMs=100",
                "--vary", "client.reconnectBackoffMs=50,200", "-o", o.toString()),
                "cell 2 (client.reconnectBackoffMs=200): client.reconnectBackoffMaxMs = 100 is not allowed");
        assertFalse(Files.exists(o), "nothing was written");
    }

    private void assertBad(List<String> args, String message) {
        assertEquals(Main.EXIT_BAD_INPUT, run(args.toArray(String[]::new)), out.toString());
        assertTrue(err.toString().contains(message), "expected '" + message + "' in: " + err);
        assertFalse(err.toString().contains("at tcpflowlab"), "no stack trace: " + err);
    }

    @Test
    void notesDefineTheOutcomeClassesTheTableUses() {
        assertEquals(0, run("notes"));
        String notes = out.toString().replaceAll("\\s+", " ");
        assertTrue(notes.contains("RESET: at least one connection was reset"), notes);
        assertTrue(notes.contains("LOSSY: no reset, but messages were dropped by the server or written and never read"), notes);
        assertTrue(notes.contains("STALLED: the receiver's window closed at least once, and nothing was lost"), notes);
        assertTrue(notes.contains("CLEAN: no reset, nothing lost, the window never closed"), notes);
    }

    @Test
    void benchSweepReportsBothJobCountsAndTheSpeedup() {
        assertEquals(0, run("bench", "--sweep", "--sweep-seconds", "0.01", "--warmup", "0"), err.toString());
        String report = out.toString();
        assertTrue(report.contains("400 cells of 0.01 s"), report);
        assertTrue(report.matches("(?s).*--jobs 1 +[0-9.]+ s wall, [0-9.]+ cells/s \\(process CPU [0-9.]+ s\\).*"), report);
        assertTrue(report.contains("--jobs " + Runtime.getRuntime().availableProcessors() + " "), report);
        assertTrue(report.matches("(?s).*speedup +[0-9.]+x on [0-9]+ cores \\([0-9.]+ x cores\\).*"), report);
    }

    @Test
    void theProgressLineSaysCellsRateAndTimeLeft() {
        assertEquals("[###############               ] 50/100 cells  10.0 cells/s  5 s left",
                SweepProgress.line(50, 100, 5_000_000_000L));
        StringWriter log = new StringWriter();
        SweepProgress p = new SweepProgress(new PrintWriter(log), 20, false, 0);
        for (int i = 1; i <= 20; i++) {
            p.cellDone(i * 100_000_000L);
        }
        assertEquals(10, log.toString().lines().count(), "in a log: a line per tenth of the cells\n" + log);
        assertTrue(log.toString().lines().toList().get(9).startsWith("[##############################] 20/20 cells"), log.toString());
    }
}
