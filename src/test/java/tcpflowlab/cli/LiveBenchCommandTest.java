package tcpflowlab.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench-live: one short round gives a rate for each sender; a missing C compiler is said plainly. */
class LiveBenchCommandTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static boolean ccAvailable() {
        try {
            Process p = new ProcessBuilder("cc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static double rate(String out, String label) {
        Matcher m = Pattern.compile("median: .*" + label + " ([0-9,]+) msg/s").matcher(out);
        assertTrue(m.find(), label + " missing in:\n" + out);
        return Double.parseDouble(m.group(1).replace(",", ""));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // hang guard only
    void aShortRoundMeasuresEverySenderAndComparesThem() {
        Assumptions.assumeTrue(ccAvailable(), "no C compiler (cc) on this machine");
        Result r = run("bench-live", "--rounds", "1", "--seconds", "0.5", "--warmup", "0.1");
        assertEquals(0, r.code(), r.err());
        double c = rate(r.out(), "C sender");
        double project = rate(r.out(), "project Live server");
        double nio = rate(r.out(), "bare NIO loop");
        assertTrue(c > 0 && project > 0 && nio > 0, r.out());
        String ratio = String.format(Locale.ROOT, "%.2fx", project / c);
        assertTrue(r.out().contains("project / C        " + ratio), "ratio " + ratio + " in:\n" + r.out());
        assertTrue(r.out().matches("(?s).*\\(target >= 0\\.80x\\): (met|NOT met).*"), r.out());
        Matcher q = Pattern.compile("round 1:.*project, no kernel telemetry ([0-9,]+) msg/s").matcher(r.out());
        assertTrue(q.find(), r.out());
        double quiet = Double.parseDouble(q.group(1).replace(",", ""));
        assertTrue(quiet > 0, r.out());
        assertTrue(r.out().matches("(?s).*telemetry cost .* \\(project .* without kernel telemetry; target < 5 %\\): (met|NOT met).*"),
                r.out());
    }

    @Test
    void aMissingCompilerIsNamedWithWhatToDo() {
        Result r = run("bench-live", "--cc", "/nonexistent/cc-for-tcpflowlab");
        assertEquals(Main.EXIT_FAILED, r.code());
        assertEquals("error: the C compiler '/nonexistent/cc-for-tcpflowlab' was not found: bench-live builds its C sender"
                + " and reader with it (install gcc or clang, or name a compiler with --cc)", r.err().strip());
    }

    @Test
    void sourcesThatAreNotThereAreNamed() {
        Result r = run("bench-live", "--c-sources", "no-such-folder");
        assertEquals(Main.EXIT_FAILED, r.code());
        assertTrue(r.err().startsWith("error: no sender.c in "), r.err());
    }

    @Test
    void optionsOutsideTheirRangeAreRefused() {
        Result r = run("bench-live", "--seconds", "0");
        assertEquals(Main.EXIT_BAD_INPUT, r.code());
        assertEquals("error: --seconds 0.0 is outside 0.1 .. 600", r.err().strip());
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, LiveBenchCommand.median(new double[] {4, 1, 2, 3}));
        assertEquals(3, LiveBenchCommand.median(new double[] {5, 3, 1}));
    }
}
