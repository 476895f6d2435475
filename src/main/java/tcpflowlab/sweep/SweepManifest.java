package tcpflowlab.sweep;

import tcpflowlab.scenario.Scenario;

import java.util.List;
import java.util.Optional;

/**
 * What sweep.json records: enough to run the sweep again ({@code vary} and {@code base}), to
 * tell the shards of one sweep from those of another, and how much of it this directory holds.
 *
 * @param vary        the {@code --vary} assignments as given, FIELD=SPEC, in axis order
 * @param base        the scenario every cell starts from (presets, files, --set and -d applied)
 * @param maxCells    the cell limit the sweep was run with
 * @param shard       the shard this directory holds, empty for the whole sweep
 * @param finished    how many cells sweep.csv holds; -1 when a sweep.json written by hand does not say
 * @param interrupted the signal that stopped the sweep early ("SIGINT"), if one did
 */
public record SweepManifest(List<String> vary, Scenario base, long maxCells, Optional<SweepShard> shard,
                            int cells, int finished, Optional<String> interrupted) {
    public SweepManifest {
        vary = List.copyOf(vary);
    }

    /** The manifest of {@code result}, run with {@code maxCells} as {@code shard}. */
    public static SweepManifest of(SweepResult result, long maxCells, Optional<SweepShard> shard,
                                   Optional<String> interrupted) {
        List<String> vary = result.spec().axes().stream().map(a -> a.field().path() + "=" + a.spec()).toList();
        return new SweepManifest(vary, result.spec().base(), maxCells, shard, result.spec().cellCount(),
                result.cells().size(), interrupted);
    }

    /** The sweep again, its values parsed and checked as on the command line. */
    public SweepSpec spec() {
        return new SweepSpec(base, vary.stream().map(SweepAxis::parse).toList());
    }
}
