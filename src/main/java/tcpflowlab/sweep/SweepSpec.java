package tcpflowlab.sweep;

import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep: a base scenario and the fields varied over it. Its cells are every combination of
 * the axes' values, numbered in nested-loop order (the first axis changes slowest, the last
 * fastest), which is the row order of sweep.csv however many jobs or shards ran them.
 */
public record SweepSpec(Scenario base, List<SweepAxis> axes) {
    /** The most cells a sweep runs unless the user raises the limit. */
    public static final long DEFAULT_MAX_CELLS = 10_000;
    /**
     * The most cells any sweep runs, whatever --max-cells says: every finished cell is held in
     * memory until sweep.csv is written, and at tens of cells a second a million is days of work
     * (split it into shards). Above it cell numbers would also outgrow an int.
     */
    public static final long MAX_CELLS = 1_000_000;

    public SweepSpec {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) {
            throw new InvalidScenarioException("a sweep needs at least one --vary FIELD=SPEC");
        }
        Set<String> seen = new HashSet<>();
        for (SweepAxis a : axes) {
            if (!seen.add(a.field().path())) {
                throw new InvalidScenarioException("--vary " + a.field().path() + " is given twice; vary each field once");
            }
        }
    }

    /** Checks the cell count against {@code maxCells}, naming both, before anything runs. */
    public SweepSpec requireAtMost(long maxCells) {
        requireCellLimit(maxCells);
        java.math.BigInteger n = java.math.BigInteger.ONE;
        for (SweepAxis a : axes) {
            n = n.multiply(java.math.BigInteger.valueOf(a.size()));
        }
        if (n.compareTo(java.math.BigInteger.valueOf(maxCells)) > 0) {
            throw new InvalidScenarioException("the sweep has " + n + " cells, more than the limit of " + maxCells
                    + (maxCells < MAX_CELLS ? " (raise it with --max-cells N, up to " + MAX_CELLS + ", if you mean it)"
                    : " (a sweep runs at most " + MAX_CELLS + " cells; vary fewer values)"));
        }
        return this;
    }

    /** Refuses a cell limit outside 1 .. {@link #MAX_CELLS}, naming it as --max-cells. */
    public static void requireCellLimit(long maxCells) {
        if (maxCells < 1 || maxCells > MAX_CELLS) {
            throw new InvalidScenarioException("--max-cells " + maxCells + " is not allowed: 1 .. " + MAX_CELLS);
        }
    }

    private long cellCountExact() {
        long n = 1;
        for (SweepAxis a : axes) {
            n = Math.multiplyExact(n, (long) a.size());
            if (n > Integer.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /** How many cells; at most {@link Integer#MAX_VALUE} once {@link #requireAtMost} has passed. */
    public int cellCount() {
        return (int) Math.min(Integer.MAX_VALUE, cellCountExact());
    }

    /** The values of cell {@code index}, one per axis, in axis order. */
    public List<Object> valuesOf(int index) {
        if (index < 0 || index >= cellCount()) {
            throw new IndexOutOfBoundsException("cell " + index + " of " + cellCount());
        }
        Object[] values = new Object[axes.size()];
        int rest = index;
        for (int a = axes.size() - 1; a >= 0; a--) {
            SweepAxis axis = axes.get(a);
            values[a] = axis.values().get(rest % axis.size());
            rest /= axis.size();
        }
        return List.of(values);
    }

    /** The position of cell {@code index} on each axis (0-based), in axis order. */
    public int[] positionOf(int index) {
        int[] pos = new int[axes.size()];
        int rest = index;
        for (int a = axes.size() - 1; a >= 0; a--) {
            pos[a] = rest % axes.get(a).size();
            rest /= axes.get(a).size();
        }
        return pos;
    }

    /** The scenario cell {@code index} runs: the base with the cell's values set. */
    public Scenario scenarioOf(int index, ScenarioCodec codec) {
        List<Object> values = valuesOf(index);
        Map<ScenarioField, Object> cell = new LinkedHashMap<>();
        for (int a = 0; a < axes.size(); a++) {
            cell.put(axes.get(a).field(), values.get(a));
        }
        return codec.with(base, cell);
    }

    /**
     * Builds every cell's scenario once, so a combination the scenario rules forbid (a first
     * reconnect delay above the longest, say) is reported before the first cell runs.
     *
     * @throws InvalidScenarioException naming the first bad cell's values and the rule broken
     */
    public void validateCells(ScenarioCodec codec) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < cellCount() && problems.isEmpty(); i++) {
            try {
                scenarioOf(i, codec);
            } catch (InvalidScenarioException e) {
                problems.add("cell " + (i + 1) + " (" + describe(i) + "): " + String.join("; ", e.problems()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
    }

    /** "client.readSize=10, client.processingDelayMs=5": the cell's values as --set would take them. */
    public String describe(int index) {
        List<Object> values = valuesOf(index);
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            parts.add(axes.get(a).field().path() + "=" + SweepAxis.text(values.get(a)));
        }
        return String.join(", ", parts);
    }
}
