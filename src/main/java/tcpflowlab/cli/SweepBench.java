package tcpflowlab.cli;

import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sweep.SweepAxis;
import tcpflowlab.sweep.SweepResult;
import tcpflowlab.sweep.SweepRunner;
import tcpflowlab.sweep.SweepSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The sweep benchmark: the 20 x 20 grid of seed-buggy at 60 s per cell (client.readSize
 * 10..65536 log, client.processingDelayMs 0..50 linear), timed as 'sweep' runs it (every cell
 * validated, then run), with one job and with every core, after a few warm-up cells.
 */
final class SweepBench {
    static final List<String> VARY = List.of("client.readSize=10..65536:log:20", "client.processingDelayMs=0..50:20");
    private static final int WARMUP_CELLS = 20;

    private SweepBench() {
    }

    static void run(PrintWriter out, int warmups, double cellSeconds) throws InterruptedException {
        ScenarioCodec codec = new ScenarioCodec();
        Scenario base = codec.withOverrides(new Presets(codec).load("seed-buggy"),
                List.of("run.durationS=" + cellSeconds));
        SweepSpec spec = new SweepSpec(base, VARY.stream().map(SweepAxis::parse).toList());
        SweepRunner runner = new SweepRunner(spec, codec);
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "sweep: seed-buggy, %s x %s, %d cells of %s s; %d cores%n", VARY.get(0), VARY.get(1),
                spec.cellCount(), tcpflowlab.scenario.ScenarioField.format(cellSeconds), cores);
        for (int w = 0; w < warmups; w++) {
            // cells spread over the grid, so every code path the sweep takes is compiled
            List<Integer> cells = runner.allCells().stream().filter(i -> i % (spec.cellCount() / WARMUP_CELLS) == 0).toList();
            runner.run(cells, cores, c -> { }, () -> false);
        }
        out.flush();
        Timing one = time(spec, codec, runner, 1);
        report(out, "--jobs 1", spec.cellCount(), one);
        Timing all = time(spec, codec, runner, cores);
        report(out, "--jobs " + cores, spec.cellCount(), all);
        double speedup = one.wall() / all.wall();
        out.printf(Locale.ROOT, "  speedup                %.2fx on %d cores (%.2f x cores)%n", speedup, cores, speedup / cores);
        out.flush();
    }

    /** Wall and CPU seconds of one whole sweep; the CPU time shows what other load on the machine hides. */
    private record Timing(double wall, double cpu) {
    }

    private static Timing time(SweepSpec spec, ScenarioCodec codec, SweepRunner runner, int jobs) throws InterruptedException {
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        spec.validateCells(codec);
        SweepResult r = runner.run(runner.allCells(), jobs, c -> { }, () -> false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!r.complete()) {
            throw new IllegalStateException("the benchmark sweep did not finish every cell");
        }
        return new Timing(seconds, (processCpuNanos() - c0) / 1e9);
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static void report(PrintWriter out, String label, int cells, Timing t) {
        out.printf(Locale.ROOT, "  %-22s %.1f s wall, %.1f cells/s (process CPU %.1f s)%n", label, t.wall(),
                cells / t.wall(), t.cpu());
        out.flush();
    }
}
