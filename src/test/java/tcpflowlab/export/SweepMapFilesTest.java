package tcpflowlab.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tcpflowlab.chart.ChartStyle;
import tcpflowlab.chart.OutcomeMap;
import tcpflowlab.chart.SweepResults;
import tcpflowlab.engine.Outcome;
import tcpflowlab.sweep.SweepMetric;
import tcpflowlab.sweep.SweepPlot;
import tcpflowlab.sweep.SweepResult;
import tcpflowlab.sweep.SweepSpec;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepMapFilesTest {
    private static final SweepSpec SPEC = SweepResults.spec("client.readSize=10..65536:log:5", "client.processingDelayMs=0..50:4");

    private static void assertWellFormedSvg(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
    }

    @Test
    void writesAPngThatDecodesAndAWellFormedSvg(@TempDir Path dir) throws Exception {
        List<Path> files = SweepMapFiles.write(dir, SweepResults.complete(SPEC), SweepPlot.OUTCOME);
        assertEquals(List.of(dir.resolve("map.png"), dir.resolve("map.svg")), files);
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertEquals(OutcomeMap.of(SweepResults.complete(SPEC), SweepPlot.OUTCOME, ChartStyle.NORMAL).preferredSize().width,
                png.getWidth());
        assertWellFormedSvg(files.get(1));
        String svg = Files.readString(files.get(1));
        assertTrue(svg.contains("RESET (R)") && svg.contains("CLEAN (C)"), "the legend is in the SVG");
        // (the rotated label of the vertical axis is drawn as outlines, not text)
        assertTrue(svg.contains("read size (B)"), "the axis across is titled");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary files left behind");
        }
    }

    @Test
    void replacesAnEarlierMapAndDrawsAPartialOne(@TempDir Path dir) throws Exception {
        SweepResult partial = SweepResults.result(SPEC, 0, 7, i -> Outcome.STALLED);
        SweepMapFiles.write(dir, partial, SweepPlot.of(SweepMetric.GOODPUT));
        String first = Files.readString(dir.resolve("map.svg"));
        assertTrue(first.contains("7 of 20 cells"));
        SweepMapFiles.write(dir, SweepResults.complete(SPEC), SweepPlot.of(SweepMetric.GOODPUT));
        String second = Files.readString(dir.resolve("map.svg"));
        assertTrue(second.contains("goodput read by the client app (B/s)") && !second.contains("of 20 cells"));
    }

    @Test
    void exportsAPdfForTheApp(@TempDir Path dir) throws Exception {
        OutcomeMap map = OutcomeMap.of(SweepResults.complete(SPEC), SweepPlot.OUTCOME, ChartStyle.NORMAL);
        Path pdf = dir.resolve("sweep.pdf");
        SweepMapFiles.export(map.chart(), pdf, 1000, 700);
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void aBadNameOrSizeWritesNothing(@TempDir Path dir) throws Exception {
        OutcomeMap map = OutcomeMap.of(SweepResults.complete(SPEC), SweepPlot.OUTCOME, ChartStyle.NORMAL);
        assertThrows(IllegalArgumentException.class, () -> SweepMapFiles.export(map.chart(), dir.resolve("map.gif"), 1000, 700));
        assertThrows(IllegalArgumentException.class, () -> SweepMapFiles.export(map.chart(), dir.resolve("map.png"), 50, 700));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aSweepOfFourFieldsSaysItCannotBeMapped(@TempDir Path dir) {
        SweepSpec four = SweepResults.spec("client.readSize=10,20", "client.processingDelayMs=0,5",
                "client.strategy=FIXED_READ,DRAIN", "run.seed=1,2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepMapFiles.write(dir, SweepResults.complete(four), SweepPlot.OUTCOME));
        assertTrue(e.getMessage().contains("varies 4"), e.getMessage());
    }
}
