package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.live.LiveOptions;
import tcpflowlab.live.LiveRun;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The Live send-rate benchmark: how fast the project's C-style server sends small messages
 * through real sockets, against a C sender doing the same and a bare NIO loop, all to the same
 * C drain reader on loopback, in alternating runs in one command (so they share the machine's
 * state). The project's server is reached only through its public entry (LiveRun, LiveOptions)
 * with the scenario's own fields.
 */
@Command(name = "bench-live", mixinStandardHelpOptions = true,
        description = "Measures the Live server's send rate (small messages, BLOCK) against a C sender and a bare "
                + "Java NIO loop, each sending to the same C drain reader on 127.0.0.1, in alternating runs. "
                + "Needs a C compiler (cc).")
final class LiveBenchCommand implements Callable<Integer> {
    /** The project at this share of the C sender's rate meets the target. */
    static final double TARGET_OF_C = 0.8;
    /** If the JVM cannot reach the target: the project at this share of the bare NIO loop. */
    static final double TARGET_OF_NIO = 0.95;
    /** Kernel telemetry may cost the applications at most this share of their send rate. */
    static final double TELEMETRY_BUDGET = 0.05;

    @Spec
    CommandSpec spec;

    @Option(names = "--rounds", defaultValue = "3", description = "rounds, each running all three senders (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--seconds", defaultValue = "5", description = "seconds each sender is measured per round (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--warmup", defaultValue = "1", description = "seconds each reader reads before it counts (default ${DEFAULT-VALUE})")
    double warmup;

    @Option(names = "--message-size", defaultValue = "13", description = "bytes per message and send() (default ${DEFAULT-VALUE})")
    int messageSize;

    @Option(names = "--sndbuf", defaultValue = "65536", description = "SO_SNDBUF of every sender, bytes (default ${DEFAULT-VALUE})")
    int sndBuf;

    @Option(names = "--cc", defaultValue = "cc", description = "the C compiler (default ${DEFAULT-VALUE})")
    String cc;

    @Option(names = "--c-sources", defaultValue = "bench/c", paramLabel = "DIR",
            description = "folder with sender.c and drain.c (default ${DEFAULT-VALUE})")
    Path cSources;

    /** The three senders, in the order the first round runs them. */
    enum Sender {
        C("C sender"), PROJECT("project Live server"), BARE_NIO("bare NIO loop"),
        /** The project's server with its kernel telemetry (capture or polling, /proc probe) off: what telemetry costs. */
        PROJECT_QUIET("project, no kernel telemetry");

        final String label;

        Sender(String label) {
            this.label = label;
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String bad = checkOptions();
        if (bad != null) {
            err.println("error: " + bad);
            return Main.EXIT_BAD_INPUT;
        }
        CBenchPrograms programs;
        try {
            programs = CBenchPrograms.build(cc, cSources);
        } catch (CBenchPrograms.Unavailable e) {
            err.println("error: " + e.getMessage());
            return Main.EXIT_FAILED;
        }
        try (programs) {
            out.printf(Locale.ROOT, "bench-live: %d round(s) x %.1f s after %.1f s warm-up; %d-byte messages, one send()"
                            + " each, SO_SNDBUF %d B, to a C drain reader on 127.0.0.1; java %s, %d cores; %s%n",
                    rounds, seconds, warmup, messageSize, sndBuf, System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), programs.compilerVersion());
            out.flush();
            double[][] rates = new double[Sender.values().length][rounds];
            for (int r = 0; r < rounds; r++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d:", r + 1));
                for (int i = 0; i < Sender.values().length; i++) {
                    Sender s = Sender.values()[(r + i) % Sender.values().length]; // rotate who goes first
                    rates[s.ordinal()][r] = measure(s, programs).perSecond();
                    line.append(String.format(Locale.ROOT, "  %s %,.0f msg/s", s.label, rates[s.ordinal()][r]));
                }
                out.println(line);
                out.flush();
            }
            report(out, median(rates[Sender.C.ordinal()]), median(rates[Sender.PROJECT.ordinal()]),
                    median(rates[Sender.BARE_NIO.ordinal()]));
            double quiet = median(rates[Sender.PROJECT_QUIET.ordinal()]);
            double cost = quiet > 0 ? 1 - median(rates[Sender.PROJECT.ordinal()]) / quiet : 0;
            out.printf(Locale.ROOT, "telemetry cost     %.1f %% of the send rate (project %,.0f vs %,.0f msg/s without kernel"
                    + " telemetry; target < %.0f %%): %s%n", 100 * cost, median(rates[Sender.PROJECT.ordinal()]), quiet,
                    100 * TELEMETRY_BUDGET, cost < TELEMETRY_BUDGET ? "met" : "NOT met");
            out.flush();
            return 0;
        }
    }

    private String checkOptions() {
        if (rounds < 1 || rounds > 100) {
            return "--rounds " + rounds + " is outside 1 .. 100";
        }
        if (!(seconds >= 0.1 && seconds <= 600)) {
            return "--seconds " + seconds + " is outside 0.1 .. 600";
        }
        if (!(warmup >= 0 && warmup <= 60)) {
            return "--warmup " + warmup + " is outside 0 .. 60";
        }
        if (messageSize < 1 || messageSize > 65_536) {
            return "--message-size " + messageSize + " is outside 1 .. 65536 B";
        }
        if (sndBuf < 1024 || sndBuf > 67_108_864) {
            return "--sndbuf " + sndBuf + " is outside 1024 .. 67108864 B";
        }
        return null;
    }

    private CBenchPrograms.Count measure(Sender s, CBenchPrograms programs) throws IOException {
        double limit = warmup + seconds + 10; // the sender's own deadline, should the reader never come or close
        switch (s) {
            case C -> {
                try (CBenchPrograms.SenderProcess sender = programs.startSender(messageSize, sndBuf, limit)) {
                    return programs.drain(sender.port(), messageSize, warmup, seconds);
                }
            }
            case BARE_NIO -> {
                try (BareNioSender sender = new BareNioSender(messageSize, sndBuf)) {
                    return programs.drain(sender.port(), messageSize, warmup, seconds);
                }
            }
            case PROJECT_QUIET -> {
                return measureProject(programs, limit, LiveOptions.serverOnly(new InetSocketAddress("127.0.0.1", 0))
                        .withoutKernelTelemetry());
            }
            default -> {
                return measureProject(programs, limit, LiveOptions.serverOnly(new InetSocketAddress("127.0.0.1", 0)));
            }
        }
    }

    /** The project's Live C-style server alone, on 127.0.0.1, configured by the scenario's fields. */
    private CBenchPrograms.Count measureProject(CBenchPrograms programs, double limit, LiveOptions options)
            throws IOException {
        ScenarioCodec codec = new ScenarioCodec();
        Scenario scenario = codec.withOverrides(new Presets(codec).load("backpressure"), List.of(
                "server.overflowPolicy=BLOCK", "server.messageSize=" + messageSize, "server.sendGapUs=0",
                "server.readReplies=false", "sockets.serverSndBuf=" + sndBuf, "run.durationS=" + limit));
        LiveRun run = new LiveRun(scenario, List.of(), options, codec);
        run.start();
        try {
            if (run.listenPort() <= 0) {
                throw new IOException("the Live server did not start: " + run.failure());
            }
            return programs.drain(run.listenPort(), messageSize, warmup, seconds);
        } finally {
            run.stop();
            try {
                run.awaitThreads(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void report(PrintWriter out, double c, double project, double nio) {
        out.printf(Locale.ROOT, "median: C sender %,.0f msg/s, project Live server %,.0f msg/s, bare NIO loop %,.0f msg/s%n",
                c, project, nio);
        double ofC = c > 0 ? project / c : 0;
        double ofNio = nio > 0 ? project / nio : 0;
        boolean met = ofC >= TARGET_OF_C;
        out.printf(Locale.ROOT, "project / C        %.2fx  (target >= %.2fx): %s%n", ofC, TARGET_OF_C, met ? "met" : "NOT met");
        out.printf(Locale.ROOT, "project / bare NIO %.2fx  (if the C target is not met: >= %.2fx)%s%n", ofNio, TARGET_OF_NIO,
                met ? "" : ": " + (ofNio >= TARGET_OF_NIO ? "met" : "NOT met"));
        out.printf(Locale.ROOT, "bare NIO / C       %.2fx  (the JVM's socket path against C)%n", c > 0 ? nio / c : 0);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? 0 : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
