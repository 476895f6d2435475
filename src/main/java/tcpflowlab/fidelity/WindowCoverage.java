package tcpflowlab.fidelity;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the Model advertises the windows the Linux receiver does, in the regime of a kernel
 * capture: the fewest distinct window values that cover at least 90 % of the kernel's ACKs
 * (most frequent first) must also cover at least 80 % of the Model's ACKs. Comparing value sets
 * rather than sequences keeps timing jitter of a real capture out of the verdict, while still
 * telling 8 KiB/16 KiB windows from a window that closes to zero at every read.
 *
 * @param covering the kernel's covering values, most frequent first
 * @param kernel the kernel's windows
 * @param model the Model's windows
 */
public record WindowCoverage(List<Long> covering, WindowHistogram kernel, WindowHistogram model) {
    /** Share of the kernel's ACKs the covering values must reach, in percent. */
    public static final int KERNEL_PERCENT = 90;
    /** Share of the Model's ACKs that must fall in the covering values, in percent. */
    public static final int MODEL_PERCENT = 80;

    public WindowCoverage {
        covering = List.copyOf(covering);
    }

    /**
     * Judges the Model's ACK windows against the kernel's, both taken from the same regime and
     * the same part of the run.
     *
     * @throws IllegalArgumentException when the kernel list is empty: with nothing to cover the
     *         criterion says nothing, and a golden file without ACKs is a broken recording
     */
    public static WindowCoverage of(List<Long> kernelWindows, List<Long> modelWindows) {
        if (kernelWindows.isEmpty()) {
            throw new IllegalArgumentException("the kernel capture has no ACKs to cover: record it again");
        }
        WindowHistogram kernel = WindowHistogram.of(kernelWindows);
        return new WindowCoverage(coveringValues(kernel), kernel, WindowHistogram.of(modelWindows));
    }

    /** The fewest values, most frequent first, whose ACKs reach {@link #KERNEL_PERCENT} of all. */
    static List<Long> coveringValues(WindowHistogram h) {
        List<Long> values = new ArrayList<>();
        long covered = 0;
        for (WindowHistogram.Bin b : h.bins()) {
            // Whole numbers, so "exactly 90 %" is exact.
            if (covered * 100 >= (long) h.total() * KERNEL_PERCENT) {
                break;
            }
            values.add(b.window());
            covered += b.acks();
        }
        return values;
    }

    /** The Model's ACKs whose window is one of the covering values. */
    public int modelAcksCovered() {
        return model.acksWithin(covering);
    }

    /** In percent of the Model's ACKs; 0 when the Model sent none. */
    public double modelPercent() {
        return model.total() == 0 ? 0 : 100.0 * modelAcksCovered() / model.total();
    }

    /** A Model that sent no ACK does not pass: it advertised nothing to compare. */
    public boolean passes() {
        return model.total() > 0 && (long) modelAcksCovered() * 100 >= (long) model.total() * MODEL_PERCENT;
    }

    /** One paragraph: the verdict, the covering values and both histograms' top values. */
    public String report() {
        return String.format("%.1f %% of the Model's %d ACKs advertise one of %s, the windows on %d %% of the "
                        + "kernel's %d ACKs (needed: %d %%)%n  kernel: %s%n  Model:  %s",
                modelPercent(), model.total(), covering, KERNEL_PERCENT, kernel.total(), MODEL_PERCENT,
                kernel.top(5), model.top(5));
    }
}
