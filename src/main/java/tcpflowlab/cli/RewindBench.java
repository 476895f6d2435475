package tcpflowlab.cli;

import tcpflowlab.engine.Moment;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.sim.Rewind;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench --rewind}: how long rewind-and-branch takes to recompute 60 s of a run whose
 * knobs were changed twice on the way, to t = 60 s (the worst case: the whole run again).
 */
final class RewindBench {
    private static final long T = 60_000_000_000L;

    private final ScenarioCodec codec;
    private final int warmup;
    private final int runs;

    RewindBench(ScenarioCodec codec, int warmup, int runs) {
        this.codec = codec;
        this.warmup = warmup;
        this.runs = runs;
    }

    void run(PrintWriter out) {
        out.printf(Locale.ROOT, "TCP Flow Lab bench --rewind: %d warm-up + %d measured rewinds per case; java %s%n",
                warmup, runs, System.getProperty("java.version"));
        for (String preset : List.of("seed-buggy", "backpressure")) {
            report(out, preset, original(preset));
        }
        out.flush();
    }

    /** The moment at 60 s of a run in which the user changed the read size at 10 s and back at 30 s. */
    private Moment original(String preset) {
        Scenario s = codec.withOverrides(new Presets(codec).load(preset), List.of("run.durationS=60"));
        ModelEngine engine = new ModelEngine(s, List.of(), codec);
        engine.runUntil(StopCondition.at(10_000_000_000L));
        engine.knobs().set(ScenarioField.CLIENT_READ_SIZE, 4096);
        engine.runUntil(StopCondition.at(30_000_000_000L));
        engine.knobs().set(ScenarioField.CLIENT_READ_SIZE, s.client().readSize());
        engine.runToEnd();
        return Rewind.momentOf(engine, T);
    }

    private void report(PrintWriter out, String preset, Moment moment) {
        for (int i = 0; i < warmup; i++) {
            rewindOnce(moment);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = rewindOnce(moment) / 1e6;
        }
        out.printf(Locale.ROOT, "%s, rewind 60 s (%d knob changes replayed)%n", preset, moment.changes().size());
        out.printf(Locale.ROOT, "  wall time per rewind    median %.1f ms, best %.1f ms%n",
                BenchCommand.median(ms), BenchCommand.min(ms));
    }

    private long rewindOnce(Moment moment) {
        BenchCommand.CountingSink sink = new BenchCommand.CountingSink();
        long t0 = System.nanoTime();
        Rewind.to(moment, List.of(sink), codec);
        return System.nanoTime() - t0;
    }
}
