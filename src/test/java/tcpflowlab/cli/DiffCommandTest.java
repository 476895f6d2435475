package tcpflowlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.engine.RunDifference;

import javax.imageio.ImageIO;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** diff: two runs side by side on stdout and in diff.csv, their overlay as PNG, SVG and PDF. */
class DiffCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cli(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    @Timeout(120)
    void theStoryAgainstBackpressure(@TempDir Path dir) throws Exception {
        Path o = dir.resolve("out");
        assertEquals(0, cli("diff", "seed-buggy", "backpressure", "-d", "3", "-o", o.toString()), err.toString());
        String table = out.toString();
        assertTrue(table.contains("A: seed-buggy (model)") && table.contains("B: backpressure (model)"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("outcome") && l.contains("RESET -> STALLED")), table);

        List<String> csv = Files.readAllLines(o.resolve("diff.csv"));
        assertEquals("quantity,unit,A,B,B - A", csv.get(0));
        assertEquals("run,,seed-buggy (model),backpressure (model),", csv.get(1));
        assertEquals(2 + RunDifference.Quantity.values().length, csv.size());
        assertEquals("outcome,,RESET,STALLED,RESET -> STALLED", csv.get(2));
        // both runs are the story until the server's policy differs: the same first zero window and EAGAIN
        String[] zero = csv.get(3).split(",");
        assertEquals("first zero window", zero[0]);
        assertEquals(zero[2], zero[3]);
        assertEquals("0.000000000", zero[4]);
        String[] resets = csv.stream().filter(l -> l.startsWith("resets")).findFirst().orElseThrow().split(",");
        assertTrue(Long.parseLong(resets[2]) > 0 && resets[3].equals("0"), String.join(",", resets));
        assertEquals(-Long.parseLong(resets[2]), Long.parseLong(resets[4]));

        assertNotNull(ImageIO.read(o.resolve("diff.png").toFile()), "the PNG decodes");
        String svg = Files.readString(o.resolve("diff.svg"));
        assertTrue(svg.contains("<svg"));
        assertTrue(svg.contains(">A send queue<") && svg.contains(">B (dashed) send queue<"), "the legend says which is which");
        byte[] pdf = Files.readAllBytes(o.resolve("diff.pdf"));
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));

        // the files exist now: a second diff refuses them all before running, --force replaces them
        out.getBuffer().setLength(0);
        assertEquals(Main.EXIT_BAD_INPUT, cli("diff", "seed-buggy", "backpressure", "-d", "1", "-o", o.toString()));
        assertTrue(err.toString().contains("diff.csv already exists") && err.toString().contains("diff.pdf already exists"),
                err.toString());
        assertFalse(out.toString().contains("quantity"), "nothing ran");
        assertEquals(0, cli("diff", "seed-buggy", "backpressure", "-d", "1", "-o", o.toString(), "--force"), err.toString());
    }

    @Test
    @Timeout(60)
    void aScenarioFileIsTakenByItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.json");
        Files.copy(Path.of("assets/scenarios/seed-fixed.json"), file);
        assertEquals(0, cli("diff", "seed-buggy", file.toString(), "-d", "1", "-o", dir.resolve("o").toString()),
                err.toString());
        assertTrue(Files.readAllLines(dir.resolve("o/diff.csv")).get(1).startsWith("run,,seed-buggy (model),"));
    }

    @Test
    void badInputsAreRefusedBeforeAnythingRuns(@TempDir Path dir) {
        String o = dir.resolve("o").toString();
        assertEquals(Main.EXIT_BAD_INPUT, cli("diff", "seed-buggy", "no-such-preset", "-o", o));
        assertTrue(err.toString().contains("B: 'no-such-preset' is neither a scenario file nor a preset; presets: ")
                && err.toString().contains("seed-buggy"), err.toString());
        assertEquals(Main.EXIT_BAD_INPUT, cli("diff", dir.resolve("missing.json").toString(), "seed-buggy", "-o", o));
        assertTrue(err.toString().contains("A: " + dir.resolve("missing.json") + ": no such file"), err.toString());
        assertEquals(Main.EXIT_BAD_INPUT, cli("diff", "seed-buggy", "seed-buggy", "--engine-b", "kernel", "-o", o));
        assertTrue(err.toString().contains("--engine-b kernel is not an engine; engines: model, live"), err.toString());
        assertEquals(Main.EXIT_BAD_INPUT, cli("diff", "seed-buggy", "seed-buggy", "-d", "-5", "-o", o));
        assertTrue(err.toString().contains("run.durationS"), err.toString());
        assertEquals(Main.EXIT_BAD_INPUT, cli("diff", "seed-buggy", "seed-buggy"));
        assertTrue(err.toString().contains("--out"), "the output directory is required: " + err);
        assertFalse(Files.exists(dir.resolve("o")), "nothing was written");
        assertEquals("", out.toString());
    }

    @Test
    void anOutputDirectoryThatCannotBeMadeFailsBeforeTheRuns(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertEquals(Main.EXIT_FAILED, cli("diff", "seed-buggy", "seed-buggy", "-o", file.resolve("sub").toString()));
        assertTrue(err.toString().startsWith("error: ") && err.toString().contains("a-file"), err.toString());
        assertEquals("", out.toString(), "nothing ran");
    }

    @Test
    @Timeout(90)
    void theModelAgainstTheKernelOnLoopback(@TempDir Path dir) throws Exception {
        Path o = dir.resolve("o");
        assertEquals(0, cli("diff", "seed-buggy", "seed-buggy", "--engine-b", "live", "-d", "3", "-o", o.toString()),
                err.toString());
        assertTrue(out.toString().contains("A: seed-buggy (model)") && out.toString().contains("B: seed-buggy (live)"),
                out.toString());
        // whether the engines agree is EngineComparisonTest's business; here both runs were measured
        String[] goodput = Files.readAllLines(o.resolve("diff.csv")).stream().filter(l -> l.startsWith("goodput"))
                .findFirst().orElseThrow().split(",", -1);
        assertTrue(Double.parseDouble(goodput[2]) > 0 && Double.parseDouble(goodput[3]) > 0, String.join(",", goodput));
        String svg = Files.readString(o.resolve("diff.svg"));
        assertTrue(svg.contains(">A window<") && svg.contains(">B (dashed) window<"));
    }
}
