package tcpflowlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** compare --chart: the model-vs-kernel overlay of one variant, as PNG and SVG. */
class CompareChartTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cli(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    @Timeout(120)
    void drawsTheChosenVariantWithBothEngines(@TempDir Path dir) throws Exception {
        Path charts = dir.resolve("charts");
        int code = cli("compare", "--seconds", "1", "--chart", charts.toString(), "--chart-variant", "3");
        // whether the classes agree is EngineComparisonTest's business; here only the chart counts
        assertTrue(code == 0 || code == 1, err.toString());
        assertTrue(out.toString().contains("chart of 'fixed read, BLOCK'"), out.toString());
        assertTrue(Files.size(charts.resolve("model-vs-kernel.png")) > 1000);
        String svg = Files.readString(charts.resolve("model-vs-kernel.svg"));
        assertTrue(svg.contains("model vs kernel: fixed read, BLOCK"), "the title names the variant");
        assertTrue(svg.contains(">model send queue<") && svg.contains(">kernel send queue<"), "both runs' series");
        assertTrue(svg.contains(">model window<") && svg.contains(">kernel window<"), "both runs' series");
    }

    @Test
    void refusesAVariantThatDoesNotExistAndExistingChartsBeforeRunning(@TempDir Path dir) throws Exception {
        assertEquals(Main.EXIT_BAD_INPUT, cli("compare", "--chart", dir.toString(), "--chart-variant", "10"));
        assertTrue(err.toString().contains("--chart-variant 10 is not a variant: 1 .. 9"), err.toString());
        Files.writeString(dir.resolve("model-vs-kernel.svg"), "mine");
        assertEquals(Main.EXIT_BAD_INPUT, cli("compare", "--chart", dir.toString()));
        assertTrue(err.toString().contains("model-vs-kernel.svg already exists; choose another --chart or add --force"),
                err.toString());
        assertEquals("mine", Files.readString(dir.resolve("model-vs-kernel.svg")));
        assertFalse(out.toString().contains("| # | variant |"), "nothing ran");
    }
}
