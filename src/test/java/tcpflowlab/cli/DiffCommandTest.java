package tcpflowlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import tcpflowlab.chart.OverlayRun;
import tcpflowlab.engine.ClockAlignment;
import tcpflowlab.engine.Engines;
import tcpflowlab.engine.RunDifference;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.telemetry.DecimatedRecording;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;

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
        assertEquals(3 + RunDifference.Quantity.values().length, csv.size());
        String[] connect = csv.get(2).split(",", -1);
        assertEquals(DiffCommand.CONNECT_ROW + ",s", connect[0] + "," + connect[1]);
        assertEquals(connect[2], connect[3], "one engine, one scenario up to the handshake: the same connect");
        assertEquals("0.000000000", connect[4]);
        assertEquals("outcome,,RESET,STALLED,RESET -> STALLED", csv.get(3));
        // both runs are the story until the server's policy differs: the same first zero window and EAGAIN
        String[] zero = csv.get(4).split(",");
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

        // the Live clock starts before its connect: each run's times count from its first connection
        List<String> csv = Files.readAllLines(o.resolve("diff.csv"));
        String[] connect = csv.get(2).split(",", -1);
        assertEquals(DiffCommand.CONNECT_ROW, connect[0]);
        double a = Double.parseDouble(connect[2]);
        double b = Double.parseDouble(connect[3]);
        assertTrue(a >= 0 && a < 0.1 && b > 0 && b < 3, "the Model connects within its first round trip, Live later: "
                + String.join(",", connect));
        assertEquals(b - a, Double.parseDouble(connect[4]), 1e-6);
        assertTrue(out.toString().contains("Times from each run's first connection, which came "), out.toString());
        assertTrue(svg.contains("Time 0: each run&apos;s first connection.") || svg.contains("Time 0: each run's first connection."),
                "the chart says so");
    }

    private static RunSummary summary(String engine, long firstZeroWindow) {
        return new RunSummary("seed-buggy", engine, 1, 2_000_000_000L, firstZeroWindow, -1, -1, -1, List.of(), List.of(),
                0, 10_000, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * A run with the story's shape whose client connects {@code connect} ns after its clock
     * starts: the window closes 0.17 s after the connect and stays shut.
     */
    private static DiffCommand.Result run(String engine, long connect) {
        DecimatedRecording r = new DecimatedRecording(OverlayRun::drawsFrom);
        for (long t = 0; t <= 2_000_000_000L; t += 10_000_000L) {
            long window = t < connect + 170_000_000L ? 8_192 : 0;
            r.onSample(new Sample(t, 0, 131_072, 8_192 - window, 8_192, window, 0, 0, 0, 0));
        }
        r.onEvent(new TcpEvent(connect, Side.CLIENT, EventKind.CONNECT, null, 0, 1, ""));
        r.onEvent(new TcpEvent(connect + 170_000_000L, Side.CLIENT, EventKind.ZERO_WINDOW, null, 0, 1, ""));
        return new DiffCommand.Result(summary(engine, connect + 170_000_000L), r);
    }

    @Test
    void aLiveLikeRunWhoseConnectIsAtFourTenthsLinesUpWithAModelRun(@TempDir Path dir) throws Exception {
        DiffCommand.Result model = run("model", 0);
        DiffCommand.Result live = run("live", 400_000_000L);

        XYPlot queues = (XYPlot) ((CombinedDomainXYPlot) DiffCommand.chart(model, live, "t").chart().getPlot())
                .getSubplots().get(0);
        List<Double> zeroWindowStarts = queues.getDomainMarkers(Layer.BACKGROUND).stream()
                .map(m -> ((IntervalMarker) m).getStartValue()).toList();
        assertEquals(List.of(0.17, 0.17), zeroWindowStarts.stream().map(t -> Math.round(t * 1e6) / 1e6).toList(),
                "both runs' zero windows at 0.17 s after their connections");
        XYDataset data = queues.getDataset();
        assertEquals("B (dashed) send queue", data.getSeriesKey(2));
        assertEquals(-0.4, data.getXValue(2, 0), 1e-9, "the Live run's time before its connect lies before 0");
        assertEquals(0, data.getXValue(0, 0), 1e-9);
        String note = ((TextTitle) DiffCommand.chart(model, live, "t").chart().getSubtitle(0)).getText();
        assertTrue(note.contains("B's clock starts 0.400 s earlier"), note);

        ClockAlignment clocks = new ClockAlignment(model.origin(), live.origin());
        Path csv = dir.resolve("diff.csv");
        ScenarioCodec codec = new ScenarioCodec();
        var scenario = new Presets(codec).load("seed-buggy");
        DiffCommand.writeCsv(csv, RunDifference.of(model.summary(), live.summary(), "A", "B", clocks),
                new DiffCommand.Side(Engines.Kind.MODEL, scenario), new DiffCommand.Side(Engines.Kind.LIVE, scenario), clocks);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(DiffCommand.CONNECT_ROW + ",s,0.000000000,0.400000000,0.400000000", lines.get(2));
        assertEquals("first zero window,s,0.170000000,0.170000000,0.000000000", lines.get(4));
    }

    @Test
    void aRunThatNeverConnectedIsCountedFromItsStart(@TempDir Path dir) throws Exception {
        DiffCommand.Result model = run("model", 0);
        DiffCommand.Result silent = new DiffCommand.Result(summary("live", -1),
                new DecimatedRecording(OverlayRun::drawsFrom));
        ClockAlignment clocks = new ClockAlignment(model.origin(), silent.origin());
        Path csv = dir.resolve("diff.csv");
        var scenario = new Presets(new ScenarioCodec()).load("seed-buggy");
        DiffCommand.writeCsv(csv, RunDifference.of(model.summary(), silent.summary(), "A", "B", clocks),
                new DiffCommand.Side(Engines.Kind.MODEL, scenario), new DiffCommand.Side(Engines.Kind.LIVE, scenario), clocks);
        assertEquals(DiffCommand.CONNECT_ROW + ",s,0.000000000,,", Files.readAllLines(csv).get(2));
        assertTrue(clocks.note("A", "B").contains("B has not connected, so its times are from its start"));
    }
}
