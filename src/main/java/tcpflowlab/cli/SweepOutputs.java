package tcpflowlab.cli;

import tcpflowlab.chart.OutcomeMap;
import tcpflowlab.export.SweepCsv;
import tcpflowlab.export.SweepJson;
import tcpflowlab.export.SweepMapFiles;
import tcpflowlab.sweep.SweepPlot;
import tcpflowlab.sweep.SweepResult;
import tcpflowlab.sweep.SweepSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files 'sweep' and 'sweep merge' write: the table, the manifest and, where it can be drawn, the map. */
final class SweepOutputs {
    private SweepOutputs() {
    }

    /** Whether {@code spec}'s map can be drawn: a map shows at most {@link OutcomeMap#MAX_FIELDS} varied fields. */
    static boolean hasMap(SweepSpec spec) {
        return spec.axes().size() <= OutcomeMap.MAX_FIELDS;
    }

    /** Every file written for {@code spec}, for the overwrite check before anything runs. */
    static List<String> names(SweepSpec spec) {
        List<String> names = new ArrayList<>(List.of(SweepCsv.NAME, SweepJson.NAME));
        if (hasMap(spec)) {
            names.addAll(List.of(SweepMapFiles.PNG, SweepMapFiles.SVG));
        }
        return names;
    }

    /** Draws the map coloured by {@code plot}; says why when the sweep has too many fields for one. */
    static void map(Path dir, SweepResult result, SweepPlot plot, PrintWriter stdout) throws IOException {
        if (hasMap(result.spec())) {
            SweepMapFiles.write(dir, result, plot);
        } else {
            stdout.println("  no map: a map shows at most " + OutcomeMap.MAX_FIELDS + " varied fields, this sweep varies "
                    + result.spec().axes().size() + " (sweep.csv has every cell)");
        }
    }
}
