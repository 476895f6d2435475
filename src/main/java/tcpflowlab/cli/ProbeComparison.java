package tcpflowlab.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Model's persist probes against the kernel's, in the first zero-window period: the first
 * {@link #COMPARED} intervals both runs have, each of the Model's within {@link #TOLERANCE} of
 * the kernel's. Neither probing is "n/a"; only one probing at all is a disagreement (one
 * persist timer fired and the other did not); both probing but one of them only once (no
 * interval to compare, e.g. a reset cut the period short) is "n/a" too.
 */
record ProbeComparison(List<Long> modelProbes, List<Long> kernelProbes) {
    /** The documented agreement: |model / kernel - 1| at most this, interval by interval. */
    static final double TOLERANCE = 0.25;
    /** The backoff doubles, so a few intervals already span most of a short run. */
    static final int COMPARED = 3;

    enum Verdict { NOT_APPLICABLE, AGREE, DIFFER }

    ProbeComparison {
        modelProbes = List.copyOf(modelProbes);
        kernelProbes = List.copyOf(kernelProbes);
    }

    List<Long> model() {
        return PersistProbes.intervals(modelProbes);
    }

    List<Long> kernel() {
        return PersistProbes.intervals(kernelProbes);
    }

    /** How many intervals are compared: as many as both have, at most {@link #COMPARED}. */
    int compared() {
        return Math.min(COMPARED, Math.min(model().size(), kernel().size()));
    }

    Verdict verdict() {
        if (modelProbes.isEmpty() != kernelProbes.isEmpty()) {
            return Verdict.DIFFER;
        }
        if (compared() == 0) {
            return Verdict.NOT_APPLICABLE;
        }
        List<Long> m = model();
        List<Long> k = kernel();
        for (int i = 0; i < compared(); i++) {
            if (Math.abs((double) m.get(i) / k.get(i) - 1) > TOLERANCE) {
                return Verdict.DIFFER;
            }
        }
        return Verdict.AGREE;
    }

    /** A run's probes for the table: how many, and the first few intervals in seconds. */
    static String text(List<Long> probes) {
        if (probes.isEmpty()) {
            return "no probe";
        }
        List<Long> intervals = PersistProbes.intervals(probes);
        String shown = intervals.stream().limit(COMPARED + 1L)
                .map(n -> String.format(Locale.ROOT, "%.2f", n / 1e9)).collect(Collectors.joining(", "));
        return probes.size() + (probes.size() == 1 ? " probe" : " probes")
                + (intervals.isEmpty() ? "" : ": " + shown + (intervals.size() > COMPARED + 1 ? ", ..." : "") + " s");
    }

    /** The verdict in the table's words. */
    String verdictText() {
        return switch (verdict()) {
            case NOT_APPLICABLE -> "n/a";
            case AGREE -> "within " + Math.round(TOLERANCE * 100) + " % (" + compared() + " compared)";
            case DIFFER -> modelProbes.isEmpty() || kernelProbes.isEmpty() ? "only one engine probed"
                    : "off by more than " + Math.round(TOLERANCE * 100) + " %";
        };
    }
}
