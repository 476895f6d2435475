package tcpflowlab.sweep;

import tcpflowlab.engine.Outcome;

import java.util.List;
import java.util.Map;

/**
 * What one sweep cell came to: its number, its values (one per axis), its outcome class and
 * every {@link SweepMetric} (NaN where the thing never happened).
 */
public record CellResult(int index, List<Object> values, Outcome outcome, Map<SweepMetric, Double> metrics) {
    public CellResult {
        values = List.copyOf(values);
        metrics = Map.copyOf(metrics);
        for (SweepMetric m : SweepMetric.values()) {
            if (!metrics.containsKey(m)) {
                throw new IllegalArgumentException("cell " + index + " lacks " + m.column());
            }
        }
    }

    public double metric(SweepMetric m) {
        return metrics.get(m);
    }
}
