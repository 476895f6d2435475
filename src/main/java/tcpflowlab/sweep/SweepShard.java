package tcpflowlab.sweep;

import tcpflowlab.scenario.InvalidScenarioException;

import java.util.List;

/**
 * One shard of a sweep split over several machines: shard {@code index} of {@code count}
 * (1-based) runs every {@code count}-th cell, starting at cell {@code index - 1}, so the shards
 * of a sweep cover each cell exactly once and take about the same time.
 */
public record SweepShard(int index, int count) {
    /** The most shards a sweep splits into: more than its largest cell count would leave shards empty. */
    public static final int MAX_COUNT = (int) SweepSpec.MAX_CELLS;

    public SweepShard {
        if (count < 1 || count > MAX_COUNT || index < 1 || index > count) {
            throw new InvalidScenarioException("--shard " + index + "/" + count
                    + " is not allowed: write I/N with 1 <= I <= N <= " + MAX_COUNT + " (e.g. --shard 2/8)");
        }
    }

    /** Parses "I/N" as typed after {@code --shard}. */
    public static SweepShard parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        try {
            if (slash > 0) {
                return new SweepShard(Integer.parseInt(t.substring(0, slash).trim()),
                        Integer.parseInt(t.substring(slash + 1).trim()));
            }
        } catch (NumberFormatException e) {
            // reported below with the form expected
        }
        throw new InvalidScenarioException("--shard '" + text + "' is not of the form I/N with 1 <= I <= N <= "
                + MAX_COUNT + " (e.g. --shard 2/8 runs the second of eight shards)");
    }

    /** The cells of {@code spec} this shard runs, in cell order. */
    public List<Integer> cells(SweepRunner runner) {
        return runner.shard(index, count);
    }

    /** "2/8", as {@link #parse} takes it. */
    public String text() {
        return index + "/" + count;
    }
}
