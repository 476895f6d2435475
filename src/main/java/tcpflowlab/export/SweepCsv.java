package tcpflowlab.export;

import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepAxis;
import tcpflowlab.sweep.SweepMetric;
import tcpflowlab.sweep.SweepResult;

import java.util.ArrayList;
import java.util.List;

/** PLACEHOLDER until branch sweep-cli's SweepCsv is merged (same signatures). */
public final class SweepCsv {
    public static final String NAME = "sweep.csv";

    private SweepCsv() {
    }

    public static String text(SweepResult result) {
        List<String> head = new ArrayList<>();
        result.spec().axes().forEach(a -> head.add(a.field().path()));
        head.add("outcome");
        for (SweepMetric m : SweepMetric.values()) {
            head.add(m.column());
        }
        StringBuilder b = new StringBuilder(String.join(",", head)).append('\n');
        for (CellResult c : result.cells()) {
            List<String> row = new ArrayList<>();
            c.values().forEach(v -> row.add(SweepAxis.text(v)));
            row.add(c.outcome().name());
            for (SweepMetric m : SweepMetric.values()) {
                double v = c.metric(m);
                row.add(Double.isNaN(v) ? "" : Double.toString(v));
            }
            b.append(String.join(",", row)).append('\n');
        }
        return b.toString();
    }
}
