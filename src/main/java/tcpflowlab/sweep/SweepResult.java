package tcpflowlab.sweep;

import java.util.Comparator;
import java.util.List;

/**
 * The cells of a sweep that have finished, in cell order. A sweep that was cancelled, or one
 * shard of it, holds fewer than {@link SweepSpec#cellCount()} cells.
 */
public record SweepResult(SweepSpec spec, List<CellResult> cells) {
    public SweepResult {
        cells = cells.stream().sorted(Comparator.comparingInt(CellResult::index)).toList();
        for (int i = 1; i < cells.size(); i++) {
            if (cells.get(i).index() == cells.get(i - 1).index()) {
                throw new IllegalArgumentException("cell " + cells.get(i).index() + " appears twice");
            }
        }
    }

    /** True when every cell of the spec is here. */
    public boolean complete() {
        return cells.size() == spec.cellCount();
    }
}
