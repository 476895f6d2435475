package tcpflowlab.cli;

import tcpflowlab.scenario.InvalidScenarioException;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The regimes {@code compare --grid} runs: read size (10 B .. 16 KiB) x processing delay (1, 5 ms)
 * x SO_RCVBUF (4, 16, 64 KiB) x send rate (1, 5 MiB/s), not the full product but a set that
 * touches every value of every dimension, led by the five cells measured on Linux in issue 16.
 */
final class FidelityGrid {
    /** Seconds per cell and engine: the length of the measurements. */
    static final double DEFAULT_SECONDS = 5;
    static final int KIB = 1024;
    static final long MIB = GridCell.MIB;

    static final List<GridCell> CELLS = List.of(
            // the measurements (SO_RCVBUF 16 KiB): with large reads Linux's window fills
            // (window full) but hardly ever reaches zero; with 100 B reads it closes
            new GridCell(5 * MIB, 4096, 1, 16 * KIB),
            new GridCell(5 * MIB, 1024, 1, 16 * KIB),
            new GridCell(5 * MIB, 16384, 5, 16 * KIB),
            new GridCell(1 * MIB, 4096, 5, 16 * KIB),
            new GridCell(5 * MIB, 100, 1, 16 * KIB),
            // tiny reads, the presets' regime
            new GridCell(5 * MIB, 10, 1, 16 * KIB),
            new GridCell(1 * MIB, 10, 5, 4 * KIB),
            new GridCell(5 * MIB, 10, 1, 64 * KIB),
            // small buffers
            new GridCell(1 * MIB, 100, 5, 4 * KIB),
            new GridCell(5 * MIB, 1024, 5, 4 * KIB),
            new GridCell(5 * MIB, 4096, 1, 4 * KIB),
            new GridCell(1 * MIB, 16384, 1, 4 * KIB),
            // large buffers
            new GridCell(5 * MIB, 100, 5, 64 * KIB),
            new GridCell(1 * MIB, 1024, 1, 64 * KIB),
            new GridCell(5 * MIB, 4096, 5, 64 * KIB),
            new GridCell(5 * MIB, 16384, 1, 64 * KIB),
            // the slow sender on the middle buffer
            new GridCell(1 * MIB, 16384, 5, 16 * KIB),
            new GridCell(1 * MIB, 100, 1, 16 * KIB));

    /** For help texts, which need a constant. */
    static final int CELL_COUNT = 18;

    private FidelityGrid() {
    }

    /** A cell with its number in the grid (1-based, as {@code --cells} takes it). */
    record Numbered(int number, GridCell cell) {
    }

    static List<Numbered> all() {
        return select(null);
    }

    /**
     * The cells a {@code --cells} list names ("1,4,7"), in grid order; null: all of them.
     *
     * @throws InvalidScenarioException for anything that is not a list of cell numbers
     */
    static List<Numbered> select(String list) {
        TreeSet<Integer> numbers = new TreeSet<>();
        if (list == null) {
            for (int i = 1; i <= CELLS.size(); i++) {
                numbers.add(i);
            }
        } else {
            for (String part : list.split(",", -1)) {
                numbers.add(number(part.trim(), list));
            }
        }
        List<Numbered> out = new ArrayList<>();
        for (int n : numbers) {
            out.add(new Numbered(n, CELLS.get(n - 1)));
        }
        return out;
    }

    private static int number(String part, String list) {
        String range = "1 .. " + CELLS.size();
        int n;
        try {
            n = Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw new InvalidScenarioException("--cells " + list + ": '" + part + "' is not a cell number ("
                    + range + ", comma-separated, e.g. 1,4,7)");
        }
        if (n < 1 || n > CELLS.size()) {
            throw new InvalidScenarioException("--cells " + list + ": there is no cell " + n + " (" + range + ")");
        }
        return n;
    }
}
