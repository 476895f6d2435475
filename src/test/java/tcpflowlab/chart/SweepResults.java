package tcpflowlab.chart;

import tcpflowlab.engine.Outcome;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepAxis;
import tcpflowlab.sweep.SweepMetric;
import tcpflowlab.sweep.SweepResult;
import tcpflowlab.sweep.SweepSpec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Sweep results made by hand: a seed-buggy spec and cells with made-up outcomes and metrics. */
public final class SweepResults {
    private SweepResults() {
    }

    public static SweepSpec spec(String... vary) {
        return new SweepSpec(new Presets(new ScenarioCodec()).load("seed-buggy"),
                java.util.Arrays.stream(vary).map(SweepAxis::parse).toList());
    }

    /** Cell {@code i}: outcome {@code outcome.apply(i)}; every metric i (goodput 1000 * i), first RST never on even cells. */
    public static CellResult cell(SweepSpec spec, int i, Outcome outcome) {
        Map<SweepMetric, Double> m = new EnumMap<>(SweepMetric.class);
        for (SweepMetric metric : SweepMetric.values()) {
            m.put(metric, (double) i);
        }
        m.put(SweepMetric.GOODPUT, 1000.0 * i);
        m.put(SweepMetric.FIRST_RST, i % 2 == 0 ? Double.NaN : i / 10.0);
        return new CellResult(i, spec.valuesOf(i), outcome, m);
    }

    /** The cells {@code from} .. {@code to - 1}, outcome by {@code outcome}. */
    public static SweepResult result(SweepSpec spec, int from, int to, IntFunction<Outcome> outcome) {
        List<CellResult> cells = new ArrayList<>();
        for (int i = from; i < to; i++) {
            cells.add(cell(spec, i, outcome.apply(i)));
        }
        return new SweepResult(spec, cells);
    }

    /** Every cell, classes in turn RESET, LOSSY, STALLED, CLEAN. */
    public static SweepResult complete(SweepSpec spec) {
        return result(spec, 0, spec.cellCount(), i -> Outcome.values()[i % 4]);
    }
}
