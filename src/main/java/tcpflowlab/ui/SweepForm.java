package tcpflowlab.ui;

import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.sweep.SweepAxis;
import tcpflowlab.sweep.SweepSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Sweep view's form: up to two knob rows and the duration of each cell. {@link #check}
 * turns it into a {@link SweepSpec} over the main view's scenario, or says what is wrong where
 * the user typed it: each knob row's own problem, and the problems of the whole (the duration,
 * a repeated knob, too many cells, a combination the scenario rules forbid).
 */
record SweepForm(List<SweepAxisForm> axes, String durationSeconds) {
    /** More knobs would not fit on one map. */
    static final int MAX_AXES = 2;
    /** The app refuses bigger sweeps: the CLI runs them ({@code --max-cells}). */
    static final long MAX_CELLS = SweepSpec.DEFAULT_MAX_CELLS;

    SweepForm {
        axes = List.copyOf(axes);
    }

    /**
     * What the form comes to.
     *
     * @param spec the sweep, when everything is allowed
     * @param axisProblems one entry per knob row: its problem, or "" when the row is fine
     * @param problem what is wrong with the whole, or ""
     * @param cells the cell count of the rows that are fine (0 when none is)
     */
    record Check(Optional<SweepSpec> spec, List<String> axisProblems, String problem, long cells) {
    }

    Check check(Scenario base, ScenarioCodec codec) {
        List<SweepAxis> parsed = new ArrayList<>();
        List<String> axisProblems = new ArrayList<>();
        long cells = 1;
        for (SweepAxisForm a : axes) {
            try {
                SweepAxis axis = a.axis();
                parsed.add(axis);
                cells = Math.multiplyExact(cells, (long) axis.size());
                axisProblems.add("");
            } catch (InvalidScenarioException e) {
                axisProblems.add(e.getMessage());
            }
        }
        if (parsed.isEmpty()) {
            cells = 0;
        }
        boolean rowsFine = axisProblems.stream().allMatch(String::isEmpty);
        String problem = wholeProblem(base, codec, parsed, rowsFine, cells);
        if (!problem.isEmpty() || !rowsFine) {
            return new Check(Optional.empty(), axisProblems, problem, cells);
        }
        Scenario timed = codec.with(base, ScenarioField.RUN_DURATION, ScenarioField.RUN_DURATION.parse(durationSeconds));
        return new Check(Optional.of(new SweepSpec(timed, parsed)), axisProblems, "", cells);
    }

    private String wholeProblem(Scenario base, ScenarioCodec codec, List<SweepAxis> parsed, boolean rowsFine, long cells) {
        if (axes.isEmpty()) {
            return "pick a knob to sweep";
        }
        if (axes.size() > MAX_AXES) {
            return "a map shows at most " + MAX_AXES + " knobs; " + axes.size() + " were picked";
        }
        try {
            Scenario timed = codec.with(base, ScenarioField.RUN_DURATION, ScenarioField.RUN_DURATION.parse(durationSeconds));
            if (!rowsFine) {
                return "";
            }
            // Each cell's scenario is built on the sweep's thread before the first runs (SweepSpec#validateCells):
            // for 10,000 cells that takes too long to do on every key the user types.
            new SweepSpec(timed, parsed); // a knob picked twice is refused here
            if (cells > MAX_CELLS) {
                // the app's own words: the CLI's message points at an option the app does not have
                return "the sweep has " + cells + " cells, more than the app's limit of " + MAX_CELLS
                        + " (the command line's sweep --max-cells runs bigger ones)";
            }
            return "";
        } catch (InvalidScenarioException e) {
            return e.getMessage();
        }
    }
}
