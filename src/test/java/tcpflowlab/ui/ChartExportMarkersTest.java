package tcpflowlab.ui;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.chart.EventMarkers;
import tcpflowlab.chart.FlowChart;
import tcpflowlab.chart.LossMarks;
import tcpflowlab.chart.ZeroWindowPeriods;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.sim.Scenarios;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exported charts carry exactly the markers of the chosen range: the SVG's marker lines and
 * zero-window bands are counted against the run's events, for a run with two resets.
 */
class ChartExportMarkersTest {
    /** ERROR red, as JFreeSVG writes a stroke. */
    private static final String ERROR_STROKE = "stroke:rgb(214,39,40)";
    /** The lost-on-reset colour of the loss counts' markers. */
    private static final String LOST_STROKE = "stroke:rgb(" + tcpflowlab.chart.LossRow.LOST.getRed() + ","
            + tcpflowlab.chart.LossRow.LOST.getGreen() + "," + tcpflowlab.chart.LossRow.LOST.getBlue() + ")";
    /** The zero-window shade's colour, as JFreeSVG writes a fill. */
    private static final String BAND_FILL = "fill:rgb(255,80,80)";


    private static FrameData data;
    private static List<TcpEvent> events;

    @BeforeAll
    static void runTheStoryTwice() {
        data = new FrameData();
        List<TcpEvent> all = new java.util.ArrayList<>();
        // seed-buggy resets at 1.4 s and 8.2 s: 10 s holds two resets, two EAGAINs, two zero-window periods
        ModelEngine engine = new ModelEngine(Scenarios.preset("seed-buggy", "run.durationS=10"), List.of(new TelemetrySink() {
            @Override
            public void onSample(Sample s) {
                data.addSample(s);
            }

            @Override
            public void onEvent(TcpEvent e) {
                data.addEvent(e);
                all.add(e);
            }
        }), Scenarios.CODEC);
        engine.runToEnd();
        data.flushEvents();
        events = all;
    }

    private static ExportActions exports(FlowChart chart) {
        return new ExportActions(chart, new ChartRange(chart, data), null, Scenarios.CODEC);
    }

    private static long count(List<TcpEvent> list, double from, double to, java.util.function.Predicate<TcpEvent> p) {
        return list.stream().filter(e -> e.timeNanos() / 1e9 >= from && e.timeNanos() / 1e9 <= to).filter(p).count();
    }

    /** Marker lines (SVG line elements) of a colour; series and legend keys are paths and groups. */
    private static int markerLines(String svg, String stroke) {
        return occurrences(svg.replaceAll("<line [^>]*" + Pattern.quote(stroke) + "[^>]*>", "\u0000"), "\u0000");
    }

    private static int occurrences(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void wholeRunExportHasEveryResetMarkerAndBandWhileTheScreenShowsOneReset(@TempDir Path dir) throws IOException {
        FlowChart chart = new FlowChart(data.history());
        ChartRange range = new ChartRange(chart, data);
        range.show(7.5, 10, 1000); // the screen: the second reset only
        chart.setCrosshair(0.5); // left from an earlier run
        Path svg = dir.resolve("whole.svg");
        exports(chart).exportCharts(svg, "seed-buggy", 1600, 1000, true, false);
        String text = Files.readString(svg);

        long eagain = count(events, 0, 10, e -> e.kind() == EventKind.EAGAIN);
        long rst = count(events, 0, 10, e -> e.kind() == EventKind.RST_SENT);
        assertEquals(2, eagain, "the run has two EAGAINs");
        assertEquals(2, rst, "the run has two resets");
        long red = count(events, 0, 10, e -> EventMarkers.isMarked(e.kind()) && isRed(e.kind()));
        assertEquals(red, markerLines(text, ERROR_STROKE), "one red line per error, EAGAIN and reset event of the run");
        assertEquals(eagain, occurrences(text, ">11 EAGAIN<"));
        assertEquals(rst, occurrences(text, ">RST sent<"));
        int spans = ZeroWindowPeriods.of(events).size();
        assertEquals(2, spans);
        // each period is shaded on the queue and the window charts
        assertEquals(2 * spans, occurrences(text, BAND_FILL));
        assertFalse(text.contains("stroke:rgb(64,64,64)"), "no crosshair in an export");
        long lostSteps = data.lossMarks().stream().filter(m -> m.kind() == LossMarks.Kind.LOST_ON_RESET).count();
        long atResets = data.lossMarks().stream().filter(m -> m.kind() == LossMarks.Kind.LOST_ON_RESET
                && m.time() < data.history().lastTime()).count();
        assertEquals(rst, atResets, "each reset loses messages (and the run's end what stayed unread)");
        assertEquals(lostSteps, markerLines(text, LOST_STROKE), "one loss marker per reset that lost messages");
        assertEquals(lostSteps, occurrences(text, " lost<"), "each labelled with what it lost");
    }

    @Test
    void currentViewExportHasTheMarkersTheScreenShows(@TempDir Path dir) throws IOException {
        FlowChart chart = new FlowChart(data.history());
        new ChartRange(chart, data).show(7.5, 10, 1000);
        Path svg = dir.resolve("view.svg");
        exports(chart).exportCharts(svg, "seed-buggy", 1600, 1000, false, false);
        String text = Files.readString(svg);
        double from = chart.timeAxis().getLowerBound();
        double to = chart.timeAxis().getUpperBound();
        assertEquals(7.5, from, 1e-9, "the export leaves the screen's range as it was");
        assertEquals(1, count(events, from, to, e -> e.kind() == EventKind.EAGAIN));
        assertEquals(count(events, from, to, e -> EventMarkers.isMarked(e.kind()) && isRed(e.kind())),
                markerLines(text, ERROR_STROKE));
        assertEquals(1, occurrences(text, ">11 EAGAIN<"), "only the view's reset");
        assertEquals(2, occurrences(text, BAND_FILL), "the view's one zero-window period, on two charts");
    }

    /**
     * The PDF writer kept the marker's 0.8 alpha for a second band painted in the same colour, so
     * the second zero-window period came out solid red: every band fill must be translucent.
     */
    @Test
    void pdfShadesEveryZeroWindowBandTranslucently(@TempDir Path dir) throws IOException {
        FlowChart chart = new FlowChart(data.history());
        new ChartRange(chart, data).show(7.5, 10, 1000);
        Path pdf = dir.resolve("whole.pdf");
        exports(chart).exportCharts(pdf, "seed-buggy", 1600, 1000, true, false);
        List<Double> alphas = PdfFills.alphasOfFills(Files.readAllBytes(pdf), ChartStyleBand.RGB);
        assertEquals(4, alphas.size(), "two zero-window periods, each on two charts: " + alphas);
        for (double a : alphas) {
            assertTrue(a > 0 && a < 0.3, "band fill alpha " + a + " of " + alphas);
        }
    }

    /** The zero-window shade's colour as a PDF fill operator writes it. */
    private static final class ChartStyleBand {
        static final String RGB = PdfFills.rgb(tcpflowlab.chart.ChartStyle.ZERO_WINDOW_SHADE);
    }

    private static boolean isRed(EventKind k) {
        return k == EventKind.RST_SENT || k == EventKind.RST_RECEIVED || k == EventKind.SOCKET_ERROR
                || k == EventKind.EAGAIN || k == EventKind.CONNECT_FAILED;
    }
}
