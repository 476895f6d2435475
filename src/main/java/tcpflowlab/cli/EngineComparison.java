package tcpflowlab.cli;

import tcpflowlab.live.LiveOptions;
import tcpflowlab.live.LiveRun;
import tcpflowlab.scenario.OverflowPolicy;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.ReadStrategy;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Runs the story's variants (fixed read vs drain, CLOSE vs BLOCK) with pinned buffers in both
 * engines and compares the outcome classes: was there a reset, was a zero window seen, and
 * when did the server first meet EAGAIN.
 */
final class EngineComparison {
    /** Documented agreement: the Model's time to first EAGAIN is within this factor of the kernel's. */
    static final double EAGAIN_FACTOR = 2.0;

    record Variant(String name, ReadStrategy strategy, OverflowPolicy policy) {
    }

    record Outcome(boolean reset, boolean zeroWindow, long firstEagainNanos) {
        String eagain() {
            return firstEagainNanos < 0 ? "never" : String.format(Locale.ROOT, "%.3f s", firstEagainNanos / 1e9);
        }
    }

    record Row(Variant variant, Outcome model, Outcome kernel) {
        boolean classesAgree() {
            return model.reset == kernel.reset && model.zeroWindow == kernel.zeroWindow
                    && (model.firstEagainNanos < 0) == (kernel.firstEagainNanos < 0);
        }

        /** Model time to first EAGAIN divided by the kernel's; NaN when neither had one. */
        double eagainRatio() {
            if (model.firstEagainNanos < 0 || kernel.firstEagainNanos < 0) {
                return Double.NaN;
            }
            return (double) model.firstEagainNanos / kernel.firstEagainNanos;
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
        List<Row> rows = new ArrayList<>();
        for (Variant v : VARIANTS) {
            Scenario s = scenario(codec, v, seconds);
            Events model = new Events();
            new ModelEngine(s, List.of(model), codec).runToEnd();
            Events kernel = new Events();
            LiveRun live = new LiveRun(s, List.of(kernel), LiveOptions.both(), codec);
            live.start();
            if (!live.awaitEnd(Math.round(seconds * 1000) + 20_000)) {
                live.stop();
                throw new IllegalStateException("live run of '" + v.name() + "' did not end");
            }
            if (live.failure() != null) {
                throw new IllegalStateException("live run of '" + v.name() + "' failed: " + live.failure());
            }
            rows.add(new Row(v, model.outcome(), kernel.outcome()));
        }
        return rows;
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| variant | reset (model / kernel) | zero window (model / kernel) | first EAGAIN (model / kernel) | ratio |\n");
        b.append("|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %s / %s | %s / %s | %s / %s | %s |%n", r.variant().name(),
                    yes(r.model().reset()), yes(r.kernel().reset()), yes(r.model().zeroWindow()), yes(r.kernel().zeroWindow()),
                    r.model().eagain(), r.kernel().eagain(),
                    Double.isNaN(r.eagainRatio()) ? "-" : String.format(Locale.ROOT, "%.2f", r.eagainRatio())));
        }
        return b.toString();
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    /** Collects events from any thread. */
    static final class Events implements TelemetrySink {
        final List<TcpEvent> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onEvent(TcpEvent e) {
            events.add(e);
        }

        Outcome outcome() {
            synchronized (events) {
                boolean reset = events.stream().anyMatch(e -> e.kind() == EventKind.SOCKET_ERROR
                        && e.errno() == Errno.ECONNRESET);
                boolean zero = events.stream().anyMatch(e -> e.kind() == EventKind.ZERO_WINDOW);
                long eagain = events.stream().filter(e -> e.kind() == EventKind.EAGAIN).mapToLong(TcpEvent::timeNanos)
                        .min().orElse(-1);
                return new Outcome(reset, zero, eagain);
            }
        }
    }
}
