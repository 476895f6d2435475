package tcpflowlab.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.chart.LadderRenderer;
import tcpflowlab.sim.RecordingSink;
import tcpflowlab.sim.Scenarios;
import tcpflowlab.telemetry.SegmentRecord;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ladder holds the last 300 segments, and its export draws every one of them in a labelled row. */
class LadderViewTest {
    private static List<SegmentRecord> heldAfterTheStory() {
        RecordingSink run = Scenarios.run(Scenarios.preset("seed-buggy", "run.durationS=10"));
        assertTrue(run.segments.size() > FrameData.LADDER_SEGMENTS, "more segments than the ladder holds");
        FrameData data = new FrameData();
        run.segments.forEach(data::addSegment);
        return data.recentSegments();
    }

    @Test
    void theExportDrawsEverySegmentTheLadderHolds(@TempDir Path dir) throws IOException {
        List<SegmentRecord> held = heldAfterTheStory();
        assertEquals(300, held.size(), "the number the README gives");
        Path svg = dir.resolve("ladder.svg");
        LadderController.writeSvg(held, svg, 1400, false);
        String text = Files.readString(svg);
        assertEquals(held.size(), text.split(" seq=", -1).length - 1, "one labelled arrow per held segment");
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.6f s", held.get(0).timeNanos() / 1e9)),
                "the oldest held segment is in the drawing");
    }

    @Test
    void aPaneTooShortForAllShowsTheNewestThatFitEachInItsOwnRow() {
        List<SegmentRecord> held = heldAfterTheStory();
        int rows = 20;
        int height = LadderRenderer.heightFor(rows, 12);
        BufferedImage img = new BufferedImage(800, height, BufferedImage.TYPE_INT_RGB);
        var hits = LadderRenderer.draw(img.createGraphics(), new Rectangle2D.Double(0, 0, 800, height), held, -1, 12);
        assertEquals(rows, hits.size());
        assertEquals(held.size() - 1, hits.get(hits.size() - 1).index(), "the newest is drawn last");
    }
}
