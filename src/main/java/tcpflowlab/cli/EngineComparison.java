package tcpflowlab.cli;

import tcpflowlab.chart.OverlayRun;
import tcpflowlab.engine.Engines;
import tcpflowlab.engine.Outcome;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.engine.TimeOrigin;
import tcpflowlab.export.WireAnalysis;
import tcpflowlab.live.LiveOptions;
import tcpflowlab.live.LiveRun;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.telemetry.FirstConnect;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs a set of variants, the story's four (fixed read vs drain, CLOSE vs BLOCK, pinned buffers)
 * and five other regimes, in both engines and compares their outcome classes ({@link Outcome})
 * and the rhythm of their persist probes ({@link ProbeComparison}); it also reports when each
 * run first saw a zero window and EAGAIN. Each engine's samples and events are kept, for a
 * model-vs-kernel overlay chart.
 */
final class EngineComparison {
    /** Documented agreement: the Model's time to first EAGAIN is within this factor of the kernel's. */
    static final double EAGAIN_FACTOR = 2.0;
    /** Long enough for every variant below to tell its story (see each one's comment). */
    static final double DEFAULT_SECONDS = 6;

    /** A regime: a preset and the fields that make it this variant (the run length is added). */
    record Variant(String name, String preset, List<String> overrides) {
        Variant {
            overrides = List.copyOf(overrides);
        }
    }

    /**
     * What Wireshark's TCP analysis finds on a run's wire ({@link WireAnalysis}'s rules): the
     * Model's own segments, or the kernel's loopback capture; -1 when the wire was not seen.
     */
    record WireCounts(long zeroWindow, long windowFull) {
        static final WireCounts UNSEEN = new WireCounts(-1, -1);
    }

    /** One engine's run of a variant: its summary, its wire, and what it recorded for a chart. */
    record EngineRun(RunSummary summary, WireCounts wire, List<Sample> samples, List<TcpEvent> events) {
        Outcome outcome() {
            return summary.outcome();
        }

        List<Long> probes() {
            return PersistProbes.firstPeriod(events);
        }

        /**
         * Nanoseconds from the first connection's handshake to {@code nanos}, or -1 for never.
         * The Live engine's clock starts before its capture and its connect (up to about half a
         * second), the Model's with the connect, so times since the run's start would not compare.
         */
        long sinceConnect(long nanos) {
            return origin().since(nanos);
        }

        /** When the client first connected, nanoseconds since the run's start (0 if it never did). */
        long connectNanos() {
            return origin().nanos();
        }

        private TimeOrigin origin() {
            return new TimeOrigin(FirstConnect.of(events));
        }

        /**
         * Bytes the client application read per second of the connection's life (from its
         * connect to the end of a run of {@code seconds}), in KiB/s.
         */
        double goodputKiBps(double seconds) {
            double connected = seconds - connectNanos() / 1e9;
            return connected <= 0 ? 0 : summary.bytesRead() / 1024.0 / connected;
        }

        long firstZeroWindow() {
            return sinceConnect(summary.firstZeroWindowNanos());
        }

        long firstEagain() {
            return sinceConnect(summary.firstEagainNanos());
        }

        OverlayRun overlay(String name, OverlayRun.Look look) {
            return new OverlayRun(name, samples, events, look);
        }
    }

    record Row(Variant variant, EngineRun model, EngineRun kernel) {
        boolean classesAgree() {
            return model.outcome() == kernel.outcome();
        }

        ProbeComparison probes() {
            return new ProbeComparison(model.probes(), kernel.probes());
        }

        /** Outcome classes equal and the probe intervals not apart (or nothing to compare). */
        boolean agrees() {
            return classesAgree() && probes().verdict() != ProbeComparison.Verdict.DIFFER;
        }

        /** Model time (since connect) to first EAGAIN divided by the kernel's; NaN unless both had one. */
        double eagainRatio() {
            if (model.firstEagain() < 0 || kernel.firstEagain() <= 0) {
                return Double.NaN;
            }
            return (double) model.firstEagain() / kernel.firstEagain();
        }
    }

    private static final List<String> STORY_CLIENT = List.of("client.reconnect=false");

    static final List<Variant> VARIANTS = List.of(
            // the story: window 0 about 0.5 s after the connect, EAGAIN and the reset about 1.3 s after it
            story("fixed read, CLOSE (the story)", "client.strategy=FIXED_READ", "server.overflowPolicy=CLOSE"),
            story("drain, CLOSE", "client.strategy=DRAIN", "server.overflowPolicy=CLOSE"),
            story("fixed read, BLOCK", "client.strategy=FIXED_READ", "server.overflowPolicy=BLOCK"),
            story("drain, BLOCK", "client.strategy=DRAIN", "server.overflowPolicy=BLOCK"),
            // the story's send buffer fills as fast, but the server throws messages away from the
            // first EAGAIN on: LOSSY within about 1.3 s, the probes run on to the end
            story("fixed read, DROP", "client.strategy=FIXED_READ", "server.overflowPolicy=DROP"),
            // the classic small-buffer capture: 4 KiB receive buffer read 10 B every 0.5 s, the
            // server at 200 messages/s; the window closes after about 1.6 s and at 20 B/s of
            // reading never reopens, and BLOCK keeps the connection, so the probes' doubling
            // intervals (0.4, 0.8, 1.6 s ...) run to the end of a 6 s run
            new Variant("small buffers (4 KiB, 10 B / 0.5 s), BLOCK", "small-buffers-classroom",
                    List.of("client.processingDelayMs=500", "server.overflowPolicy=BLOCK", "client.reconnect=false")),
            // the story with Nagle off (a segment per send) and delayed ACKs: the same reset,
            // within the same 1.5 s, by a different pattern of segments
            story("fixed read, CLOSE, Nagle off, delayed ACKs", "client.strategy=FIXED_READ",
                    "server.overflowPolicy=CLOSE", "sockets.nagle=false", "sockets.ackMode=DELAYED"),
            // the kernel sizes the buffers: the slow reader's window still closes, but the
            // server's send buffer grows so large that no EAGAIN comes within the run
            story("fixed read, CLOSE, autotuning", "client.strategy=FIXED_READ",
                    "server.overflowPolicy=CLOSE", "sockets.autotune=true"),
            // the SPILL cure with a client that hangs up every 2 s and is back 1 s later:
            // two hang-ups and two replays within 6 s, nothing reset by the server, nothing lost
            new Variant("SPILL, client hangs up every 2 s", "spill-and-replay",
                    List.of("client.disconnectEveryS=2", "client.reconnectBackoffMs=1000")));

    /** For help texts, which need a constant. */
    static final int VARIANT_COUNT = 9;

    private EngineComparison() {
    }

    private static Variant story(String name, String... fields) {
        List<String> all = new ArrayList<>(STORY_CLIENT);
        all.addAll(List.of(fields));
        return new Variant(name, "seed-buggy", all);
    }

    static Scenario scenario(ScenarioCodec codec, Variant v, double seconds) {
        Scenario base = new Presets(codec).load(v.preset());
        List<String> fields = new ArrayList<>(v.overrides());
        fields.add("run.durationS=" + seconds);
        return codec.withOverrides(base, fields);
    }

    static List<Row> run(double seconds) throws InterruptedException {
        return run(seconds, VARIANTS);
    }

    static List<Row> run(double seconds, List<Variant> variants) throws InterruptedException {
        ScenarioCodec codec = new ScenarioCodec();
        Engines engines = new Engines(codec);
        List<Row> rows = new ArrayList<>();
        for (Variant v : variants) {
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
            rows.add(new Row(v, model.of(engine.summary(), true), kernel.of(live.summary(), live.captured())));
        }
        return rows;
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| # | variant | outcome (model / kernel) | first zero window (model / kernel) "
                + "| first EAGAIN (model / kernel) | persist probes, model | persist probes, kernel | probe intervals | agree |\n");
        b.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            ProbeComparison p = r.probes();
            b.append(String.format(Locale.ROOT, "| %d | %s | %s / %s | %s / %s | %s / %s | %s | %s | %s | %s |%n",
                    i + 1, r.variant().name(), r.model().outcome(), r.kernel().outcome(),
                    seconds(r.model().firstZeroWindow()), seconds(r.kernel().firstZeroWindow()),
                    seconds(r.model().firstEagain()), seconds(r.kernel().firstEagain()),
                    ProbeComparison.text(p.modelProbes()), ProbeComparison.text(p.kernelProbes()), p.verdictText(),
                    r.agrees() ? "yes" : "NO"));
        }
        return b.toString();
    }

    /** The summary line under the table. */
    static String verdict(List<Row> rows) {
        long agreeing = rows.stream().filter(Row::agrees).count();
        if (agreeing == rows.size()) {
            return "model and kernel agree in all " + rows.size() + " variants (outcome class; probe intervals within "
                    + Math.round(ProbeComparison.TOLERANCE * 100) + " %)";
        }
        return "model and kernel DIFFER in " + (rows.size() - agreeing) + " of " + rows.size() + " variants: "
                + rows.stream().filter(r -> !r.agrees()).map(r -> r.variant().name())
                .collect(Collectors.joining("; "));
    }

    /** Nanoseconds as "1.234 s", or "never" for -1. */
    static String seconds(long nanos) {
        return nanos < 0 ? "never" : String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    /** Collects samples and events from any thread. */
    static final class Recording implements TelemetrySink {
        private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        private final List<TcpEvent> events = Collections.synchronizedList(new ArrayList<>());
        private final WireAnalysis.Classifier classifier = new WireAnalysis.Classifier();
        private long zeroWindow;
        private long windowFull;

        @Override
        public void onSample(Sample s) {
            samples.add(s);
        }

        @Override
        public void onEvent(TcpEvent e) {
            events.add(e);
        }

        @Override
        public synchronized void onSegment(SegmentRecord s) {
            WireAnalysis.Verdict v = classifier.classify(s);
            zeroWindow += v.zeroWindow() ? 1 : 0;
            windowFull += v.windowFull() ? 1 : 0;
        }

        /** @param wireSeen whether the segments were the run's whole wire (not so for a Live run without capture) */
        EngineRun of(RunSummary summary, boolean wireSeen) {
            WireCounts wire;
            synchronized (this) {
                wire = wireSeen ? new WireCounts(zeroWindow, windowFull) : WireCounts.UNSEEN;
            }
            synchronized (samples) {
                synchronized (events) {
                    return new EngineRun(summary, wire, List.copyOf(samples), List.copyOf(events));
                }
            }
        }
    }
}
