package tcpflowlab.chart;

import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepResult;
import tcpflowlab.sweep.SweepSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A sweep's cells laid out for a map: the first varied field across, the second up, the third
 * one panel per value. Holds the cells finished so far (null where a cell has not run yet), so
 * a map filling in as cells finish only swaps this array.
 */
final class MapGrid {
    private final SweepSpec spec;
    private final List<MapAxis> axes;
    private final int[] strides;
    private CellResult[] cells;

    MapGrid(SweepSpec spec) {
        this.spec = spec;
        this.axes = spec.axes().stream().map(MapAxis::of).toList();
        this.strides = new int[axes.size()];
        int stride = 1;
        for (int a = axes.size() - 1; a >= 0; a--) {
            strides[a] = stride;
            stride *= axes.get(a).size();
        }
        this.cells = new CellResult[spec.cellCount()];
    }

    SweepSpec spec() {
        return spec;
    }

    void set(SweepResult result) {
        if (!result.spec().equals(spec)) {
            throw new IllegalArgumentException("the map was drawn for another sweep");
        }
        CellResult[] next = new CellResult[cells.length];
        for (CellResult c : result.cells()) {
            next[c.index()] = c;
        }
        cells = next;
    }

    int fields() {
        return axes.size();
    }

    MapAxis across() {
        return axes.get(0);
    }

    /** The second field's axis, or null when only one field is varied. */
    MapAxis up() {
        return axes.size() > 1 ? axes.get(1) : null;
    }

    /** The third field's axis, or null for a single panel. */
    MapAxis panelAxis() {
        return axes.size() > 2 ? axes.get(2) : null;
    }

    int rows() {
        return axes.size() > 1 ? axes.get(1).size() : 1;
    }

    int panels() {
        return axes.size() > 2 ? axes.get(2).size() : 1;
    }

    /** The cell number at column {@code x}, row {@code y} of panel {@code panel}. */
    int index(int x, int y, int panel) {
        int i = x * strides[0];
        if (axes.size() > 1) {
            i += y * strides[1];
        }
        if (axes.size() > 2) {
            i += panel * strides[2];
        }
        return i;
    }

    /** The finished cell there, or null. */
    CellResult cell(int x, int y, int panel) {
        return cells[index(x, y, panel)];
    }

    /** Every finished cell, in cell order. */
    List<CellResult> finished() {
        return Arrays.stream(cells).filter(Objects::nonNull).toList();
    }

    int cellCount() {
        return cells.length;
    }
}
