package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.engine.Engines;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures the model's speed: engine events per second on a bulk transfer, and how much
 * faster than real time it simulates the story with reconnects. Repeats each case and
 * reports the median and the best, after warm-up runs that let the JIT compile the hot paths.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures engine events/s (bulk transfer) and simulated-to-wall time ratio (seed-buggy, 60 s); "
                + "with --sweep, the 20 x 20 sweep's cells/s and speedup over the cores; with --rewind, the time to rewind 60 s.")
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** More runs per case than this is a typing mistake, not a benchmark. */
    static final int MAX_RUNS = 1000;

    @Option(names = "--runs", defaultValue = "5", description = "measured runs per case (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warmup", defaultValue = "2", description = "warm-up runs per case (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--sweep", description = "instead: the 20 x 20 sweep of seed-buggy (cells/s with one job and with "
            + "every core, the speedup and the wall time)")
    boolean sweep;

    @Option(names = "--rewind", description = "instead: the time to rewind 60 s of seed-buggy and of backpressure "
            + "(recompute to t = 60 s with the original's knob changes)")
    boolean rewind;

    @Option(names = "--sweep-seconds", defaultValue = "60", paramLabel = "SECONDS",
            description = "virtual seconds per sweep cell (default ${DEFAULT-VALUE})")
    double sweepSeconds;

    @Override
    public void run() {
        if (runs < 1 || runs > MAX_RUNS) {
            throw new tcpflowlab.scenario.InvalidScenarioException("--runs " + runs + " is not allowed: 1 .. " + MAX_RUNS);
        }
        if (warmup < 0 || warmup > MAX_RUNS) {
            throw new tcpflowlab.scenario.InvalidScenarioException("--warmup " + warmup + " is not allowed: 0 .. " + MAX_RUNS);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (sweep) {
            try {
                SweepBench.run(out, warmup, sweepSeconds);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        ScenarioCodec codec = new ScenarioCodec();
        if (rewind) {
            new RewindBench(codec, warmup, runs).run(out);
            return;
        }
        out.printf(Locale.ROOT, "TCP Flow Lab bench: %d warm-up + %d measured runs per case; java %s, %d cores%n",
                warmup, runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        Scenario bulk = codec.withOverrides(Scenario.defaults(), List.of(
                "server.messageSize=65536", "server.sendGapUs=0", "server.overflowPolicy=BLOCK",
                "client.strategy=DRAIN", "client.readSize=1048576", "client.processingDelayMs=0",
                "client.replySize=0", "client.logPeer=false",
                "sockets.serverSndBuf=2097152", "sockets.clientRcvBuf=4194304", "sockets.mss=1460",
                "run.durationS=1", "run.samplePeriodMs=1"));
        bulk = codec.withName(bulk, "bulk-transfer");
        Engines engines = new Engines(codec);
        report(out, engines, "bulk transfer, MSS 1460, 1 s virtual", bulk);
        Scenario buggy = codec.withOverrides(new Presets(codec).load("seed-buggy"), List.of("run.durationS=60"));
        report(out, engines, "seed-buggy with reconnects, 60 s virtual", buggy);
        out.flush();
    }

    private void report(PrintWriter out, Engines engines, String title, Scenario scenario) {
        for (int i = 0; i < warmup; i++) {
            measure(engines, scenario);
        }
        double[] eventsPerSec = new double[runs];
        double[] ratio = new double[runs];
        double[] wallMs = new double[runs];
        long events = 0;
        long segments = 0;
        for (int i = 0; i < runs; i++) {
            Result r = measure(engines, scenario);
            eventsPerSec[i] = r.events / (r.wallNanos / 1e9);
            ratio[i] = scenario.run().durationS() / (r.wallNanos / 1e9);
            wallMs[i] = r.wallNanos / 1e6;
            events = r.events;
            segments = r.segments;
        }
        out.printf(Locale.ROOT, "%s%n", title);
        out.printf(Locale.ROOT, "  engine events per run   %,d (%,d segments)%n", events, segments);
        out.printf(Locale.ROOT, "  wall time per run       median %.1f ms, best %.1f ms%n", median(wallMs), min(wallMs));
        out.printf(Locale.ROOT, "  events/s                median %,.0f, best %,.0f%n", median(eventsPerSec), max(eventsPerSec));
        out.printf(Locale.ROOT, "  simulated/wall ratio    median %,.1fx, best %,.1fx%n", median(ratio), max(ratio));
    }

    private record Result(long events, long segments, long wallNanos) {
    }

    private static Result measure(Engines engines, Scenario scenario) {
        CountingSink sink = new CountingSink();
        ModelEngine engine = engines.model(scenario, List.of(sink));
        long t0 = System.nanoTime();
        engine.runToEnd();
        long wall = System.nanoTime() - t0;
        return new Result(engine.eventsProcessed(), sink.segments, wall);
    }

    /** Consumes telemetry the way a cheap recorder would, so it is not optimised away. */
    static final class CountingSink implements TelemetrySink {
        long segments;
        long events;
        long bytes;

        @Override
        public void onSample(Sample sample) {
            bytes += sample.clientReceiveQueue();
        }

        @Override
        public void onEvent(TcpEvent event) {
            events++;
        }

        @Override
        public void onSegment(SegmentRecord segment) {
            segments++;
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
