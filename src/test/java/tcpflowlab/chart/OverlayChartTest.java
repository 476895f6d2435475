package tcpflowlab.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.export.ChartExporter;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverlayChartTest {
    private static List<Sample> samples(long window) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            out.add(new Sample(i * 100_000_000L, 1000L * i, 4096, 500L * i, 4096, window, 0, 13L * i, 10L * i, 0, 0, 0));
        }
        return out;
    }

    private static TcpEvent event(double s, Side side, EventKind kind, Errno errno) {
        return new TcpEvent(Math.round(s * 1e9), side, kind, errno, 0, 1, "");
    }

    private static final OverlayRun MODEL = new OverlayRun("model", samples(3000), List.of(
            event(0.5, Side.CLIENT, EventKind.ZERO_WINDOW, null),
            event(0.8, Side.CLIENT, EventKind.WINDOW_UPDATE, null),
            event(1.0, Side.SERVER, EventKind.RST_SENT, null),
            event(1.0, Side.CLIENT, EventKind.SOCKET_ERROR, Errno.ECONNRESET),
            event(1.1, Side.CLIENT, EventKind.CONNECT, null)), OverlayRun.Look.SOLID);
    private static final OverlayRun KERNEL = new OverlayRun("kernel", samples(2000), List.of(
            event(0.6, Side.SERVER, EventKind.ZERO_WINDOW_PROBE, null),
            event(1.2, Side.SERVER, EventKind.RST_SENT, null)), OverlayRun.Look.FADED);

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theSvgHasBothRunsSeriesAndEachRunsMarkers(@TempDir Path dir) throws Exception {
        OverlayChart overlay = OverlayChart.of(List.of(MODEL, KERNEL), "model vs kernel", ChartStyle.NORMAL);
        // model: a window update, an RST, an ECONNRESET (a CONNECT is not marked); kernel: a probe, an RST
        assertEquals(5, overlay.markerCount());
        Path svg = dir.resolve("overlay.svg");
        ChartExporter.write(overlay.chart(), svg, 1000, 700, false);
        String text = Files.readString(svg);
        for (String run : List.of("model", "kernel")) {
            for (String line : List.of("send queue", "receive queue", "window")) {
                assertEquals(1, count(text, ">" + run + " " + line + "<"), run + " " + line + " in the legend");
            }
        }
        assertEquals(1, count(text, "model: RST sent"));
        assertEquals(1, count(text, "kernel: RST sent"));
        assertEquals(1, count(text, "model: 104 ECONNRESET"));
        assertTrue(text.contains("stroke-dasharray"), "the faded run is dashed");

        Path png = dir.resolve("overlay.png");
        ChartExporter.write(overlay.chart(), png, 1000, 700, false);
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void theFadedRunIsLighterAndAnOverlayNeedsARun() {
        OverlayChart overlay = OverlayChart.of(List.of(MODEL, KERNEL), null, ChartStyle.NORMAL);
        var plot = (org.jfree.chart.plot.CombinedDomainXYPlot) overlay.chart().getPlot();
        var queues = (org.jfree.chart.plot.XYPlot) plot.getSubplots().get(0);
        java.awt.Color solid = (java.awt.Color) queues.getRenderer().getSeriesPaint(0);
        java.awt.Color faded = (java.awt.Color) queues.getRenderer().getSeriesPaint(2);
        assertEquals(ChartStyle.SEND, solid);
        assertTrue(faded.getRed() > solid.getRed() && faded.getGreen() > solid.getGreen(), "lighter: " + faded);
        assertEquals(2, plot.getSubplots().size());
        assertThrows(IllegalArgumentException.class, () -> OverlayChart.of(List.of(), null, ChartStyle.NORMAL));
    }
}
