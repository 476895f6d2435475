package tcpflowlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpillBenchTest {

    @Test
    void ddSummaryLinesParseIntoRatesAndOtherTextDoesNot() {
        String gnu = "2048+0 records in\n2048+0 records out\n"
                + "2147483648 bytes (2.1 GB, 2.0 GiB) copied, 1.23148 s, 1.7 GB/s\n";
        DdBaseline.Result r = DdBaseline.parse(gnu, 1 << 20).orElseThrow();
        assertEquals(2147483648L, r.bytes());
        assertEquals(2147483648.0 / 1.23148 / 1e6, r.megabytesPerSecond(), 1e-6);
        DdBaseline.Result dsync = DdBaseline.parse(
                "10240000 bytes (10 MB, 9.8 MiB) copied, 1,635 s, 6.3 MB/s", 1024).orElseThrow(); // a comma locale
        assertEquals(10000 / 1.635, dsync.writesPerSecond(), 1e-6);
        assertTrue(DdBaseline.parse("dd: failed to open 'x': Permission denied", 1024).isEmpty());
        assertTrue(DdBaseline.parse("0 bytes copied, 0 s, 0 B/s", 1024).isEmpty());
    }

    @Test
    void badOptionsAndAnUnusableDirectoryAreRefusedInWords(@TempDir Path tmp) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "bench-spill", "--dir",
                tmp.resolve("b").toString(), "--seconds", "-1");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--seconds = -1 is outside 0.001 .. 3600"), err.toString());

        Path file = Files.writeString(tmp.resolve("plain.txt"), "not a directory");
        StringWriter err2 = new StringWriter();
        code = Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true), "bench-spill", "--dir",
                file.resolve("sub").toString());
        assertEquals(Main.EXIT_FAILED, code);
        assertTrue(err2.toString().startsWith("error: ") && err2.toString().contains(file.resolve("sub").toString()), err2.toString());
        assertTrue(!err2.toString().contains("\tat "), "no stack trace: " + err2);
    }

    @Test
    void theBenchMeasuresEveryCaseAgainstItsOwnBaselineAndCleansUp(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("bench");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "bench-spill", "--dir", dir.toString(),
                "--seconds", "0.05", "--replay-records", "20000", "--reopen-gb", "0.002", "--dd-mib", "4", "--dd-writes", "20",
                "--always-rounds", "2");
        String text = out.toString();
        assertEquals(0, code, err + text);
        for (String policy : new String[] {"GROUP", "ALWAYS"}) {
            for (int size : new int[] {13, 64, 1024}) {
                Matcher m = Pattern.compile(policy + " +" + size + " B: +([0-9,]+) records/s").matcher(text);
                // ALWAYS reports the median of its rounds, and each round on its own line
                assertTrue(m.find(), policy + " " + size + ": " + text);
                assertTrue(Long.parseLong(m.group(1).replace(",", "")) > 0, text);
            }
        }
        assertEquals(2, Pattern.compile("ALWAYS round \\d:.* 1024 B [0-9,]+/s").matcher(text).results().count(), text);
        assertTrue(text.contains("(median of 2)"), text);
        assertTrue(text.contains("replay   13 B: 20,000 records"), text);
        assertTrue(text.contains("replay   64 B: 20,000 records"), text);
        assertTrue(text.contains("replay 1024 B: 4,000 records"), text);
        assertTrue(text.contains("reopen "), text);
        if (text.contains("conv=fdatasync")) { // dd present: the ratios are stated
            assertTrue(text.contains("% of dd MB/s"), text);
            assertTrue(text.contains("of dd dsync writes/s (median"), text);
            assertTrue(text.contains("dd dsync "), text);
        } else {
            assertTrue(text.contains("dd not available"), text);
        }
        assertTrue(Files.notExists(dir), "the bench removes what it wrote");
    }

    @Test
    void theBenchWorksInASubdirectoryOfItsOwnAndDropsThePageCacheOnlyWhenAsked(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("disk"));
        Path mine = Files.writeString(dir.resolve("notes.txt"), "not the bench's");
        Path dd = Files.writeString(dir.resolve("dd-baseline.tmp"), "not the bench's either");
        String[] small = {"bench-spill", "--dir", dir.toString(), "--seconds", "0.02", "--replay-records", "2000",
                "--reopen-gb", "0.001", "--dd-mib", "1", "--dd-writes", "5", "--always-rounds", "1"};
        java.util.concurrent.atomic.AtomicInteger drops = new java.util.concurrent.atomic.AtomicInteger();
        StringWriter out = new StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new SpillBenchCommand(drops::incrementAndGet));
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute(java.util.Arrays.copyOfRange(small, 1, small.length)), out.toString());
        assertEquals(0, drops.get(), "no page cache is dropped without --drop-caches");
        assertTrue(out.toString().contains("page cache not dropped"), out.toString());
        assertEquals("not the bench's", Files.readString(mine));
        assertEquals("not the bench's either", Files.readString(dd));
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count(), "only the bench's own subdirectory is removed, the rest of --dir stays");
        }

        StringWriter out2 = new StringWriter();
        picocli.CommandLine cl2 = new picocli.CommandLine(new SpillBenchCommand(drops::incrementAndGet));
        cl2.setOut(new PrintWriter(out2, true));
        String[] withDrop = java.util.Arrays.copyOf(java.util.Arrays.copyOfRange(small, 1, small.length), small.length);
        withDrop[small.length - 1] = "--drop-caches";
        assertEquals(0, cl2.execute(withDrop), out2.toString());
        assertEquals(1, drops.get(), "--drop-caches drops it once, before reopening");
        assertTrue(out2.toString().contains("(page cache dropped before reopening)"), out2.toString());
        assertEquals("not the bench's", Files.readString(mine));
    }
}
