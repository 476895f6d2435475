package tcpflowlab.cli;

import tcpflowlab.chart.OverlayRun;
import tcpflowlab.engine.Engines;
import tcpflowlab.engine.Outcome;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.live.LiveOptions;
import tcpflowlab.live.LiveRun;
import tcpflowlab.scenario.OverflowPolicy;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.ReadStrategy;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Runs the story's variants (fixed read vs drain, CLOSE vs BLOCK) with pinned buffers in both
 * engines and compares their outcome classes ({@link Outcome}) and when the server first met
 * EAGAIN. Each engine's samples and events are kept, for a model-vs-kernel overlay chart.
 */
final class EngineComparison {
    /** Documented agreement: the Model's time to first EAGAIN is within this factor of the kernel's. */
    static final double EAGAIN_FACTOR = 2.0;

    record Variant(String name, ReadStrategy strategy, OverflowPolicy policy) {
    }

    /** One engine's run of a variant: its summary, and what it recorded for a chart. */
    record EngineRun(RunSummary summary, List<Sample> samples, List<TcpEvent> events) {
        Outcome outcome() {
            return summary.outcome();
        }

        long firstEagainNanos() {
            return summary.firstEagainNanos();
        }

        String eagain() {
            long t = firstEagainNanos();
            return t < 0 ? "never" : String.format(Locale.ROOT, "%.3f s", t / 1e9);
        }

        OverlayRun overlay(String name, OverlayRun.Look look) {
            return new OverlayRun(name, samples, events, look);
        }
    }

    record Row(Variant variant, EngineRun model, EngineRun kernel) {
        boolean classesAgree() {
            return model.outcome() == kernel.outcome()
                    && (model.firstEagainNanos() < 0) == (kernel.firstEagainNanos() < 0);
        }

        /** Model time to first EAGAIN divided by the kernel's; NaN when neither had one. */
        double eagainRatio() {
            if (model.firstEagainNanos() < 0 || kernel.firstEagainNanos() < 0) {
                return Double.NaN;
            }
            return (double) model.firstEagainNanos() / kernel.firstEagainNanos();
        }
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("fixed read, CLOSE (the story)", ReadStrategy.FIXED_READ, OverflowPolicy.CLOSE),
            new Variant("drain, CLOSE", ReadStrategy.DRAIN, OverflowPolicy.CLOSE),
            new Variant("fixed read, BLOCK", ReadStrategy.FIXED_READ, OverflowPolicy.BLOCK),
            new Variant("drain, BLOCK", ReadStrategy.DRAIN, OverflowPolicy.BLOCK));

    private EngineComparison() {
    }

    static Scenario scenario(ScenarioCodec codec, Variant v, double seconds) {
        Scenario base = new Presets(codec).load("seed-buggy");
        return codec.withOverrides(base, List.of("client.strategy=" + v.strategy(), "server.overflowPolicy=" + v.policy(),
                "client.reconnect=false", "run.durationS=" + seconds));
    }

    static List<Row> run(double seconds) throws InterruptedException {
        ScenarioCodec codec = new ScenarioCodec();
        Engines engines = new Engines(codec);
        List<Row> rows = new ArrayList<>();
        for (Variant v : VARIANTS) {
            Scenario s = scenario(codec, v, seconds);
            Recording model = new Recording();
            var engine = engines.model(s, List.of(model));
            engine.runToEnd();
            Recording kernel = new Recording();
            LiveRun live = engines.live(s, List.of(kernel), LiveOptions.both());
            live.start();
            if (!live.awaitEnd(Math.round(seconds * 1000) + 20_000)) {
                live.stop();
                throw new IllegalStateException("live run of '" + v.name() + "' did not end");
            }
            if (live.failure() != null) {
                throw new IllegalStateException("live run of '" + v.name() + "' failed: " + live.failure());
            }
            rows.add(new Row(v, model.of(engine.summary()), kernel.of(live.summary())));
        }
        return rows;
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| variant | outcome (model / kernel) | first EAGAIN (model / kernel) | ratio |\n");
        b.append("|---|---|---|---|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %s / %s | %s / %s | %s |%n", r.variant().name(),
                    r.model().outcome(), r.kernel().outcome(), r.model().eagain(), r.kernel().eagain(),
                    Double.isNaN(r.eagainRatio()) ? "-" : String.format(Locale.ROOT, "%.2f", r.eagainRatio())));
        }
        return b.toString();
    }

    /** Collects samples and events from any thread. */
    static final class Recording implements TelemetrySink {
        private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        private final List<TcpEvent> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onSample(Sample s) {
            samples.add(s);
        }

        @Override
        public void onEvent(TcpEvent e) {
            events.add(e);
        }

        EngineRun of(RunSummary summary) {
            synchronized (samples) {
                synchronized (events) {
                    return new EngineRun(summary, List.copyOf(samples), List.copyOf(events));
                }
            }
        }
    }
}
