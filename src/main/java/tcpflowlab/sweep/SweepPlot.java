package tcpflowlab.sweep;

import tcpflowlab.scenario.InvalidScenarioException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a sweep's map colours its cells by: the outcome class, or one {@link SweepMetric}.
 *
 * @param metric the metric, or empty for the outcome class
 */
public record SweepPlot(Optional<SweepMetric> metric) {
    /** The outcome class (RESET, LOSSY, STALLED, CLEAN): the default. */
    public static final SweepPlot OUTCOME = new SweepPlot(Optional.empty());

    public static SweepPlot of(SweepMetric metric) {
        return new SweepPlot(Optional.of(metric));
    }

    /** "outcome" or a metric's column name (as in sweep.csv); the error lists every allowed name. */
    public static SweepPlot parse(String name) {
        if (name == null || name.isBlank() || name.trim().equalsIgnoreCase("outcome")) {
            return OUTCOME;
        }
        return SweepMetric.byName(name).map(SweepPlot::of).orElseThrow(() -> new InvalidScenarioException(
                "--plot " + name + " is not a sweep metric; one of " + String.join(", ", names())));
    }

    /** Every name {@link #parse} accepts, outcome first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of("outcome"));
        for (SweepMetric m : SweepMetric.values()) {
            names.add(m.column());
        }
        return names;
    }

    /** The name as {@link #parse} takes it. */
    public String name() {
        return metric.map(SweepMetric::column).orElse("outcome");
    }

    /** For a title or legend: "outcome" or the metric's label with its unit. */
    public String label() {
        return metric.map(m -> m.label() + (m.unit().isEmpty() ? "" : " (" + m.unit() + ")")).orElse("outcome");
    }
}
