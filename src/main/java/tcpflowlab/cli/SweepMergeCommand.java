package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tcpflowlab.export.SweepCsv;
import tcpflowlab.export.SweepJson;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepManifest;
import tcpflowlab.sweep.SweepPlot;
import tcpflowlab.sweep.SweepResult;
import tcpflowlab.sweep.SweepSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Joins the output directories of a sweep's shards (--shard I/N) into one sweep.csv, byte for byte "
                + "what the sweep run whole writes, with its sweep.json and map.")
final class SweepMergeCommand implements Callable<Integer> {
    /** Missing cells named in the error, beyond which only the count is given. */
    private static final int NAMED_MISSING = 5;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "the shards' output directories (each with sweep.json and sweep.csv)")
    List<Path> dirs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "write the joined sweep.csv and sweep.json here")
    Path out;

    @Option(names = "--plot", paramLabel = "METRIC", defaultValue = "outcome",
            description = "what the map colours cells by: outcome (default) or a sweep.csv metric column")
    String plot;

    @Option(names = "--force", description = "overwrite existing output files in --out")
    boolean force;

    private record Shard(Path dir, SweepManifest manifest, List<SweepCsv.Row> rows) {
    }

    @Override
    public Integer call() throws IOException {
        OutputDir.refuseEmpty("-o/--out", out);
        SweepPlot map = SweepPlot.parse(plot);
        ScenarioCodec codec = new ScenarioCodec();
        SweepJson json = new SweepJson(codec);
        Shard first = null;
        SweepSpec sweep = null;
        TreeMap<Integer, SweepCsv.Row> rows = new TreeMap<>();
        TreeMap<Integer, Path> from = new TreeMap<>();
        for (Path dir : dirs) {
            SweepManifest m = json.read(dir.resolve(SweepJson.NAME));
            if (first == null) {
                sweep = m.spec();
            } else {
                requireSameSweep(codec, first, dir, m);
            }
            Path csv = dir.resolve(SweepCsv.NAME);
            Shard s = new Shard(dir, m, SweepCsv.read(sweep, readCsv(csv), csv.toString()));
            first = first == null ? s : first;
            requireRowsOfItsShard(sweep, csv, m, s.rows());
            for (SweepCsv.Row r : s.rows()) {
                int cell = r.cell().index();
                if (from.containsKey(cell) && from.get(cell).equals(dir)) {
                    throw new InvalidScenarioException(dir + " is given twice; merge each shard once");
                }
                if (from.containsKey(cell)) {
                    throw new InvalidScenarioException("cell " + (cell + 1) + " (" + sweep.describe(cell) + ") is in both "
                            + from.get(cell) + " and " + dir + "; merge each shard once");
                }
                rows.put(cell, r);
                from.put(cell, dir);
            }
        }
        requireEveryCell(sweep, rows, first.manifest());
        OutputDir.checkOverwrite(out, SweepOutputs.names(sweep), force);
        List<CellResult> cells = rows.values().stream().map(SweepCsv.Row::cell).toList();
        SweepResult result = new SweepResult(sweep, cells);
        PrintWriter stdout = spec.commandLine().getOut();
        // Ctrl+C while the files are written lets them finish: the set is whole (table, manifest, map), no temporary files
        try (StopSignals signals = StopSignals.install(spec.commandLine().getErr())) {
            OutputDir.requireWritable(out, SweepCsv.NAME);
            SweepCsv.write(out, sweep, List.copyOf(rows.values()));
            json.write(out, SweepManifest.of(result, first.manifest().maxCells(), Optional.empty(), Optional.empty()));
            stdout.printf("Merged %d directories: %d cells of %s%n", dirs.size(), cells.size(), sweep.base().name());
            SweepOutputs.map(out, result, map, stdout);
            signals.received().ifPresent(k -> stdout.println("  " + k.label() + " came while the files were written; "
                    + "they were finished first"));
            stdout.println("  output in " + out.toAbsolutePath());
            stdout.flush();
            return signals.exitCode(0);
        }
    }

    /**
     * The rows must be the ones sweep.json says the directory holds: as many as it finished, each
     * once, each of its shard. Anything else is a file edited or mixed up by hand.
     */
    private static void requireRowsOfItsShard(SweepSpec sweep, Path csv, SweepManifest m, List<SweepCsv.Row> rows) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (SweepCsv.Row r : rows) {
            int cell = r.cell().index();
            if (!seen.add(cell)) {
                throw new InvalidScenarioException(csv + " holds cell " + (cell + 1) + " (" + sweep.describe(cell)
                        + ") twice; the file was edited, run that shard again");
            }
            if (m.shard().isPresent() && cell % m.shard().get().count() != m.shard().get().index() - 1) {
                throw new InvalidScenarioException(csv + " holds cell " + (cell + 1) + " (" + sweep.describe(cell)
                        + "), which is not in shard " + m.shard().get().text() + " its sweep.json names; the file was edited");
            }
        }
        if (m.finished() >= 0 && rows.size() != m.finished()) {
            throw new InvalidScenarioException(csv + " holds " + rows.size() + " cells, its sweep.json says "
                    + m.finished() + " finished; the two are not from one run, run that shard again");
        }
    }

    private static String readCsv(Path csv) throws IOException {
        if (Files.size(csv) > Integer.MAX_VALUE / 2) {
            throw new InvalidScenarioException(csv + ": too large for a sweep.csv");
        }
        try {
            return Files.readString(csv, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidScenarioException(csv + ": not text (not UTF-8), not a sweep.csv");
        }
    }

    /** Shards of one sweep have the same varied fields, the same base scenario and the same shard count. */
    private static void requireSameSweep(ScenarioCodec codec, Shard first, Path dir, SweepManifest m) {
        SweepManifest a = first.manifest();
        String differs = null;
        if (!a.vary().equals(m.vary())) {
            differs = "--vary " + String.join(" ", a.vary()) + " versus " + String.join(" ", m.vary());
        } else {
            for (ScenarioField f : ScenarioField.values()) {
                String x = codec.getText(a.base(), f);
                String y = codec.getText(m.base(), f);
                if (!x.equals(y)) {
                    differs = "the base scenario's " + f.path() + " is " + x + " versus " + y;
                    break;
                }
            }
            if (differs == null && !codec.write(a.base()).equals(codec.write(m.base()))) {
                differs = "the base scenario's name or description differs";
            }
        }
        if (differs == null && a.shard().isPresent() && m.shard().isPresent()
                && a.shard().get().count() != m.shard().get().count()) {
            differs = "shard " + a.shard().get().text() + " versus " + m.shard().get().text() + " (split differently)";
        }
        if (differs != null) {
            throw new InvalidScenarioException(dir + " holds a different sweep than " + first.dir() + ": " + differs
                    + "; merge only the shards of one sweep");
        }
    }

    private static void requireEveryCell(SweepSpec sweep, TreeMap<Integer, SweepCsv.Row> rows, SweepManifest m) {
        if (rows.size() == sweep.cellCount()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < sweep.cellCount(); i++) {
            if (!rows.containsKey(i)) {
                count++;
                if (missing.size() < NAMED_MISSING) {
                    int cell = i;
                    missing.add("cell " + (i + 1) + " (" + sweep.describe(i) + ")"
                            + m.shard().map(s -> ", shard " + (cell % s.count() + 1) + "/" + s.count()).orElse(""));
                }
            }
        }
        throw new InvalidScenarioException(count + " of " + sweep.cellCount() + " cells are missing: "
                + String.join("; ", missing) + (count > missing.size() ? "; ..." : "")
                + ". Add the missing shards' directories, or run them again (an interrupted shard keeps only its finished cells)");
    }
}
