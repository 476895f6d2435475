package tcpflowlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sweep, sweep merge and sweep --from fed files damaged or edited by hand: exit 2 naming the file, nothing written. */
class SweepHostileInputTest {
    private static final String[] GRID = {"-p", "seed-buggy", "--vary", "client.readSize=10,4096",
            "--vary", "client.processingDelayMs=0..10:3", "-d", "0.5", "-q"};

    private StringWriter err = new StringWriter();

    private int run(String... args) {
        err = new StringWriter();
        return Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    /** Shards 1..3 of GRID in tmp/part1..part3. */
    private void shards(Path tmp) {
        for (int i = 1; i <= 3; i++) {
            List<String> args = new ArrayList<>(List.of("sweep"));
            args.addAll(List.of(GRID));
            args.addAll(List.of("--shard", i + "/3", "-o", tmp.resolve("part" + i).toString()));
            assertEquals(0, run(args.toArray(String[]::new)), err.toString());
        }
    }

    /** Merges part1 (as damaged by the test) with part2 and part3; returns the exit code, asserts nothing written. */
    private int mergeDamaged(Path tmp) {
        int code = run("sweep", "merge", tmp.resolve("part1").toString(), tmp.resolve("part2").toString(),
                tmp.resolve("part3").toString(), "-o", tmp.resolve("merged").toString());
        assertFalse(Files.exists(tmp.resolve("merged")), "a refused merge writes nothing");
        return code;
    }

    private static void rewrite(Path file, java.util.function.UnaryOperator<String> edit) throws Exception {
        Files.writeString(file, edit.apply(Files.readString(file)), StandardCharsets.UTF_8);
    }

    @Test
    void aSweepCsvCutShortOrEditedIsRefusedNotCopiedIntoTheMerge(@TempDir Path tmp) throws Exception {
        shards(tmp);
        Path csv = tmp.resolve("part1/sweep.csv");
        String good = Files.readString(csv);

        // cut inside the last number: the line still has all its fields, but not its end
        Files.writeString(csv, good.substring(0, good.length() - 4));
        assertEquals(2, mergeDamaged(tmp));
        assertTrue(err.toString().contains("part1/sweep.csv line 3: the line has no end; the file was cut short"),
                err.toString());

        // a number edited into another spelling of the same value would not be the bytes a whole run writes
        String[] lines = good.split("\n");
        String[] f = lines[1].split(",", -1);
        f[8] = f[8].substring(0, f[8].length() - 2); // goodput_Bps: 3 decimals -> 1
        lines[1] = String.join(",", f);
        Files.writeString(csv, String.join("\n", lines) + "\n");
        assertEquals(2, mergeDamaged(tmp));
        assertTrue(err.toString().contains("goodput_Bps '" + f[8] + "' is not a number as sweep writes it (3 decimals"),
                err.toString());

        Files.writeString(csv, good + lines[2] + "\n");
        assertEquals(2, mergeDamaged(tmp));
        assertTrue(err.toString().contains("holds cell 4 (client.readSize=4096, client.processingDelayMs=0) twice"),
                err.toString());

        Files.writeString(csv, good + Files.readAllLines(tmp.resolve("part2/sweep.csv")).get(1) + "\n");
        Files.delete(tmp.resolve("part2/sweep.csv")); // the row moved from shard 2 into shard 1's file
        assertEquals(2, run("sweep", "merge", tmp.resolve("part1").toString(), tmp.resolve("part3").toString(),
                "-o", tmp.resolve("merged").toString()));
        assertTrue(err.toString().contains("which is not in shard 1/3 its sweep.json names"), err.toString());

        Files.writeString(csv, good.substring(0, good.indexOf('\n') + 1));
        assertEquals(2, mergeDamaged(tmp));
        assertTrue(err.toString().contains("holds 0 cells, its sweep.json says 2 finished"), err.toString());

        Files.write(csv, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3});
        assertEquals(2, mergeDamaged(tmp));
        assertTrue(err.toString().contains("part1/sweep.csv: not text (not UTF-8), not a sweep.csv"), err.toString());
    }

    @Test
    void anOutputDirectoryThatTakesNoFilesFailsBeforeAnyCellRuns() {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc), "needs Linux /proc");
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(List.of(GRID));
        args.addAll(List.of("-o", "/proc"));
        assertEquals(1, run(args.toArray(String[]::new)));
        assertEquals("error: cannot be created in that directory: /proc/sweep.csv", err.toString().strip());
        assertEquals(1, run("diff", "seed-buggy", "seed-fixed", "-d", "0.5", "-o", "/proc"));
        assertEquals("error: cannot be created in that directory: /proc/diff.csv", err.toString().strip(),
                "no run started: a Live side would have said so");
    }

    @Test
    void benchCountsOutOfRangeAreRefusedBeforeAnyRunNotAStackTrace() {
        for (String[] args : new String[][] {{"--runs", "0"}, {"--runs", "-1"}, {"--warmup", "-1"}, {"--sweep", "--runs", "0"}}) {
            List<String> line = new ArrayList<>(List.of("bench"));
            line.addAll(List.of(args));
            assertEquals(2, run(line.toArray(String[]::new)), err.toString());
            assertTrue(err.toString().startsWith("error: --" + args[args.length - 2].substring(2) + " "
                    + args[args.length - 1] + " is not allowed: "), err.toString());
        }
    }

    @Test
    void theSameDirectoryTwiceIsNamed(@TempDir Path tmp) {
        shards(tmp);
        String part1 = tmp.resolve("part1").toString();
        assertEquals(2, run("sweep", "merge", part1, part1, tmp.resolve("part2").toString(),
                tmp.resolve("part3").toString(), "-o", tmp.resolve("merged").toString()));
        assertTrue(err.toString().contains(part1 + " is given twice; merge each shard once"), err.toString());
    }
}
