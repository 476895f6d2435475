package tcpflowlab.export;

import org.jfree.chart.JFreeChart;
import tcpflowlab.chart.ChartStyle;
import tcpflowlab.chart.OutcomeMap;
import tcpflowlab.sweep.SweepPlot;
import tcpflowlab.sweep.SweepResult;

import java.awt.Dimension;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a sweep's outcome map next to its sweep.csv: map.png and map.svg, each written under a
 * temporary name and renamed into place, so a reader (or a merge of shards) never sees half a
 * map. A PDF, or any size, through {@link #export}.
 */
public final class SweepMapFiles {
    public static final String PNG = "map.png";
    public static final String SVG = "map.svg";

    private SweepMapFiles() {
    }

    /**
     * Draws {@code result} coloured by {@code plot} and writes {@value #PNG} and {@value #SVG}
     * into {@code dir}, replacing any there.
     *
     * @return the files written, PNG first
     * @throws IllegalArgumentException when the sweep varies more fields than a map shows
     */
    public static List<Path> write(Path dir, SweepResult result, SweepPlot plot) throws IOException {
        OutcomeMap map = OutcomeMap.of(result, plot, ChartStyle.NORMAL);
        Dimension size = map.preferredSize();
        Path png = dir.resolve(PNG);
        Path svg = dir.resolve(SVG);
        export(map.chart(), png, size.width, size.height);
        export(map.chart(), svg, size.width, size.height);
        return List.of(png, svg);
    }

    /** Writes {@code chart} as PNG, SVG or PDF (by {@code file}'s extension), replacing the file atomically. */
    public static void export(JFreeChart chart, Path file, int width, int height) throws IOException {
        ChartExporter.Format format = ChartExporter.Format.of(file);
        try (AtomicOutputFile f = AtomicOutputFile.create(file)) {
            OutputStream out = new BufferedOutputStream(f.stream());
            ChartExporter.write(chart, format, out, width, height);
            out.flush();
            f.commit();
        } catch (IOException e) {
            throw AtomicOutputFile.naming(file, e);
        }
    }
}
