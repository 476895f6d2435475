package tcpflowlab.ui;

import org.jfree.chart.plot.XYPlot;
import tcpflowlab.chart.FlowChart;
import tcpflowlab.chart.WindowedXYDataset;
import tcpflowlab.export.ChartExporter;
import tcpflowlab.export.CsvTelemetryWriter;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Exports of the current run: charts as PNG/SVG/PDF (current view or whole run), samples and
 * events as CSV, the scenario as JSON. Every export names the scenario and the time range, and
 * none overwrites a file unless the caller says the user agreed. Runs on the FX thread.
 */
final class ExportActions {
    private final FlowChart chart;
    private final ChartRange range;
    private final RunController runs;
    private final ScenarioCodec codec;

    ExportActions(FlowChart chart, ChartRange range, RunController runs, ScenarioCodec codec) {
        this.chart = chart;
        this.range = range;
        this.runs = runs;
        this.codec = codec;
    }

    /**
     * Writes the charts; the format comes from the file name's extension. The image carries the
     * markers of the chosen range, as the screen draws them for that range, and no crosshair:
     * the crosshair points at a row of the log, and a stale one would not belong to the run.
     */
    void exportCharts(Path file, String scenarioName, int width, int height, boolean wholeRun, boolean overwrite)
            throws IOException {
        double from = chart.timeAxis().getLowerBound();
        double to = chart.timeAxis().getUpperBound();
        double[] shown = wholeRun && range.wholeRun() != null ? range.wholeRun() : new double[] {from, to};
        List<Boolean> crosshairs = chart.subplots().stream().map(XYPlot::isDomainCrosshairVisible).toList();
        chart.beginFrame();
        try {
            chart.subplots().forEach(p -> p.setDomainCrosshairVisible(false));
            range.show(shown[0], shown[1], width);
            chart.setTitle(title(scenarioName, shown[0], shown[1]));
            chart.endFrame();
            ChartExporter.write(chart.chart(), file, width, height, overwrite);
        } finally {
            chart.beginFrame();
            chart.setTitle(null);
            for (int i = 0; i < crosshairs.size(); i++) {
                chart.subplots().get(i).setDomainCrosshairVisible(crosshairs.get(i));
            }
            range.show(from, to, WindowedXYDataset.DEFAULT_COLUMNS);
            chart.endFrame();
        }
    }

    static String title(String scenarioName, double from, double to) {
        return String.format(Locale.ROOT, "TCP Flow Lab: %s, t = %.3f .. %.3f s", scenarioName, from, to);
    }

    /** The files {@link #exportData} writes into {@code dir}. */
    static List<Path> dataFiles(Path dir, String scenarioName) {
        String base = safe(scenarioName);
        return List.of(dir.resolve(base + "-samples.csv"), dir.resolve(base + "-events.csv"));
    }

    /** Writes the whole run's samples and events (from the run's log) as CSV. */
    List<Path> exportData(Path dir, boolean overwrite) throws IOException {
        if (!runs.isPrepared()) {
            throw new IOException("there is no run to export yet: press Run first");
        }
        Scenario s = runs.scenario();
        List<Path> targets = dataFiles(dir, s.name());
        if (!overwrite) {
            for (Path t : targets) {
                if (Files.exists(t)) {
                    throw new FileAlreadyExistsException(t.toString());
                }
            }
        }
        String range = String.format(Locale.ROOT, "t = 0 .. %.6f s", runs.timeNanos() / 1e9);
        copyLog(runs.flushedLog(CsvTelemetryWriter.SAMPLES), targets.get(0), s.name(), range);
        copyLog(runs.flushedLog(CsvTelemetryWriter.EVENTS), targets.get(1), s.name(), range);
        return targets;
    }

    /** Copies complete lines of a live log, with a header naming the scenario and range. */
    private static void copyLog(Path from, Path to, String scenarioName, String range) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<String> in = Files.lines(from, StandardCharsets.UTF_8)) {
            in.forEach(lines::add);
        }
        byte[] raw = Files.readAllBytes(from);
        if (raw.length > 0 && raw[raw.length - 1] != '\n' && !lines.isEmpty()) {
            lines.remove(lines.size() - 1); // the engine is mid-line: leave the partial row out
        }
        try (BufferedWriter w = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            w.write("# TCP Flow Lab, scenario " + tcpflowlab.export.Printable.escape(scenarioName) + ", " + range + "\n");
            for (String line : lines) {
                if (!line.startsWith("#")) {
                    w.write(line);
                    w.write('\n');
                }
            }
        }
    }

    void exportScenario(Scenario s, Path file, boolean overwrite) throws IOException {
        if (!overwrite && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        codec.write(s, file);
    }

    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() ? "scenario" : s;
    }
}
