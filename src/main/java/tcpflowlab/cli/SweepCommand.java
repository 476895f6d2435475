package tcpflowlab.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tcpflowlab.engine.Engines;
import tcpflowlab.engine.Outcome;
import tcpflowlab.export.SweepCsv;
import tcpflowlab.export.SweepJson;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sweep.SweepAxis;
import tcpflowlab.sweep.SweepManifest;
import tcpflowlab.sweep.SweepPlot;
import tcpflowlab.sweep.SweepResult;
import tcpflowlab.sweep.SweepRunner;
import tcpflowlab.sweep.SweepShard;
import tcpflowlab.sweep.SweepSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true, subcommands = SweepMergeCommand.class,
        description = {"Runs a scenario over a grid of field values on the Model and writes one row per cell "
                + "(sweep.csv: the varied values, the outcome class and the metrics) and sweep.json (the spec and "
                + "the base scenario, to run it again with --from).",
                "SPEC: a list 10,100,4096 | a linear range 0..50:11 (11 values) | a log range 10..65536:log:12; "
                        + "enums and booleans as lists (DRAIN,FIXED_READ). Fields: see 'fields'."})
final class SweepCommand implements Callable<Integer> {
    static final int MAX_JOBS = 1024;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    /** A scenario (preset or file) with --vary, or a sweep.json to run again. */
    static final class Source {
        @ArgGroup(exclusive = true, multiplicity = "1")
        ScenarioSource.Choice scenario;

        @Option(names = "--from", paramLabel = "SWEEP_JSON",
                description = "run the sweep a sweep.json records again (its base scenario and --vary)")
        Path from;
    }

    @Option(names = "--vary", paramLabel = "FIELD=SPEC", description = "a field and its values; repeatable, first slowest")
    List<String> vary = new ArrayList<>();

    @Option(names = {"-d", "--duration"}, paramLabel = "SECONDS", description = "seconds of virtual time per cell")
    Double duration;

    @Option(names = "--seed", paramLabel = "SEED", description = "random seed (overrides the scenario)")
    Long seed;

    @Option(names = {"-s", "--set"}, paramLabel = "FIELD=VALUE", description = "override a field of the base scenario; repeatable")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--jobs", paramLabel = "N", description = "cells run at once (default: the number of cores)")
    Integer jobs;

    @Option(names = "--plot", paramLabel = "METRIC", defaultValue = "outcome",
            description = "what the map colours cells by: outcome (default) or a sweep.csv metric column")
    String plot;

    @Option(names = "--max-cells", paramLabel = "N", description = "refuse sweeps of more cells (default 10000)")
    Long maxCells;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only shard I of N (every N-th cell); join with 'sweep merge'")
    String shard;

    @Option(names = "--engine", defaultValue = "model", paramLabel = "ENGINE", description = "model (the only engine sweeps run)")
    String engine;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "write sweep.csv, sweep.json and the map (map.png, map.svg) here")
    Path out;

    @Option(names = "--force", description = "overwrite existing output files in --out")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (Engines.Kind.parse(engine) == Engines.Kind.LIVE) {
            throw new InvalidScenarioException("--engine live: sweeps run the Model only. A kernel cell runs in real "
                    + "time (a 60 s cell costs 60 s of wall clock), so a 400-cell sweep would take hours; run single "
                    + "scenarios on the kernel with 'run --engine live' or 'compare'");
        }
        if (source == null) {
            throw new InvalidScenarioException("sweep needs a scenario: -p NAME or -f FILE with --vary FIELD=SPEC, "
                    + "or --from DIR/sweep.json");
        }
        if (out == null) {
            throw new InvalidScenarioException("sweep needs -o DIR, where sweep.csv and sweep.json go");
        }
        OutputDir.refuseEmpty("-o/--out", out);
        int jobCount = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (jobCount < 1 || jobCount > MAX_JOBS) {
            throw new InvalidScenarioException("--jobs " + jobCount + " is not allowed: 1 .. " + MAX_JOBS);
        }
        SweepPlot map = SweepPlot.parse(plot);
        Optional<SweepShard> part = shard == null ? Optional.empty() : Optional.of(SweepShard.parse(shard));
        ScenarioCodec codec = new ScenarioCodec();
        SweepJson json = new SweepJson(codec);
        Optional<SweepManifest> previous = Optional.ofNullable(source.from).map(json::read);
        if (previous.isPresent() && !vary.isEmpty()) {
            throw new InvalidScenarioException("--from takes the varied fields from " + source.from
                    + "; drop --vary, or use -p/-f to vary other fields");
        }
        long limit = maxCells != null ? maxCells : previous.map(SweepManifest::maxCells).orElse(SweepSpec.DEFAULT_MAX_CELLS);
        SweepSpec.requireCellLimit(limit);
        Scenario base = previous.isPresent() ? codec.withOverrides(previous.get().base(), sets()) : load(codec);
        List<SweepAxis> axes = previous.map(m -> m.vary()).orElse(vary).stream().map(SweepAxis::parse).toList();
        SweepSpec sweep = new SweepSpec(base, axes).requireAtMost(limit);
        sweep.validateCells(codec);
        OutputDir.checkOverwrite(out, SweepOutputs.names(sweep), force);
        OutputDir.requireWritable(out, SweepCsv.NAME);

        SweepRunner runner = new SweepRunner(sweep, codec);
        List<Integer> cells = part.map(p -> p.cells(runner)).orElseGet(runner::allCells);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try (StopSignals signals = StopSignals.install(stderr)) {
            long start = System.nanoTime();
            SweepProgress progress = new SweepProgress(stderr, cells.size(), System.console() != null, start);
            SweepResult result = runner.run(cells, jobCount, c -> {
                if (!quiet) {
                    progress.cellDone(System.nanoTime());
                }
            }, signals::stopRequested);
            progress.finish();
            long wall = System.nanoTime() - start;
            Optional<String> interrupted = signals.received().map(StopSignals.Kind::label);
            SweepCsv.write(out, result);
            json.write(out, SweepManifest.of(result, limit, part, interrupted));
            stdout.print(summary(sweep, part, result, cells.size(), jobCount, wall));
            SweepOutputs.map(out, result, map, stdout);
            signals.received().ifPresent(k -> stdout.printf(Locale.ROOT,
                    "  interrupted by %s: %d of %d cells finished and are in %s%n", k.label(), result.cells().size(),
                    cells.size(), SweepCsv.NAME));
            stdout.println("  output in " + out.toAbsolutePath());
            stdout.flush();
            return signals.exitCode(0);
        }
    }

    private Scenario load(ScenarioCodec codec) {
        if (vary.isEmpty()) {
            throw new InvalidScenarioException("sweep needs at least one --vary FIELD=SPEC "
                    + "(e.g. --vary client.readSize=10..65536:log:12)");
        }
        ScenarioOptions options = new ScenarioOptions();
        options.source = source.scenario;
        options.duration = duration;
        options.seed = seed;
        options.overrides = overrides;
        return options.load(codec);
    }

    /** --set, -d and --seed as assignments, for a base read from sweep.json. */
    private List<String> sets() {
        List<String> sets = new ArrayList<>(overrides);
        if (duration != null) {
            sets.add(tcpflowlab.scenario.ScenarioField.RUN_DURATION.path() + "=" + duration);
        }
        if (seed != null) {
            sets.add(tcpflowlab.scenario.ScenarioField.RUN_SEED.path() + "=" + seed);
        }
        return sets;
    }

    static String summary(SweepSpec sweep, Optional<SweepShard> part, SweepResult result, int planned, int jobs,
                          long wallNanos) {
        StringBuilder b = new StringBuilder();
        List<String> shape = sweep.axes().stream().map(a -> a.field().path() + " (" + a.size() + ")").toList();
        b.append(String.format(Locale.ROOT, "Sweep of %s: %d cells, %s, %s s each, model engine%s%n",
                sweep.base().name(), sweep.cellCount(), String.join(" x ", shape),
                tcpflowlab.scenario.ScenarioField.format(sweep.base().run().durationS()),
                part.map(p -> ", shard " + p.text() + " (" + planned + " cells)").orElse("")));
        double seconds = wallNanos / 1e9;
        b.append(String.format(Locale.ROOT, "  finished %d of %d cells in %.1f s (%.1f cells/s, %d jobs)%n",
                result.cells().size(), planned, seconds, seconds > 0 ? result.cells().size() / seconds : 0, jobs));
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        result.cells().forEach(c -> counts.merge(c.outcome(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            parts.add(o.name() + " " + counts.getOrDefault(o, 0));
        }
        b.append("  outcomes: ").append(String.join(", ", parts)).append('\n');
        return b.toString();
    }
}
