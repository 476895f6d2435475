package tcpflowlab.cli;

import tcpflowlab.sweep.SweepPlot;
import tcpflowlab.sweep.SweepResult;

import java.nio.file.Path;

/** The map beside sweep.csv, written by 'sweep' and 'sweep merge' alike. */
final class SweepOutputs {
    private SweepOutputs() {
    }

    static void map(Path dir, SweepResult result, SweepPlot plot) {
        // the outcome map (map.png, map.svg) is drawn here once its renderer is merged
    }
}
