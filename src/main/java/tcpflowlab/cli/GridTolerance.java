package tcpflowlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When the Model agrees with the kernel in a grid cell (issue 16): goodput within 15 % of the
 * kernel's, and zero-window segment counts in the same class: both few (at most 10 per 5 s,
 * scaled to the run's length), or within a factor of 3 of each other. A count of -1 means the
 * kernel's wire was not seen (no capture), which cannot agree.
 */
final class GridTolerance {
    static final double GOODPUT_TOLERANCE = 0.15;
    /** "Few" zero windows: at most this many per {@link #FEW_PER_SECONDS} seconds. */
    static final double FEW_ZERO_WINDOWS = 10;
    static final double FEW_PER_SECONDS = 5;
    static final double ZERO_WINDOW_FACTOR = 3;

    /** A cell's verdict; {@code differences} says what differs, in words, empty when both agree. */
    record Verdict(boolean goodputAgrees, boolean zeroWindowsAgree, List<String> differences) {
        Verdict {
            differences = List.copyOf(differences);
        }

        boolean agrees() {
            return goodputAgrees && zeroWindowsAgree;
        }
    }

    private GridTolerance() {
    }

    static Verdict judge(double modelGoodput, double kernelGoodput, long modelZeroWindows, long kernelZeroWindows,
                         double seconds) {
        boolean goodput = goodputAgrees(modelGoodput, kernelGoodput);
        boolean zero = zeroWindowsAgree(modelZeroWindows, kernelZeroWindows, seconds);
        List<String> why = new ArrayList<>();
        if (!goodput) {
            why.add(kernelGoodput > 0
                    ? String.format(Locale.ROOT, "goodput %+.0f %%", (modelGoodput / kernelGoodput - 1) * 100)
                    : String.format(Locale.ROOT, "goodput %.0f vs 0 KiB/s", modelGoodput));
        }
        if (!zero) {
            why.add(kernelZeroWindows < 0 ? "no capture of the kernel's wire"
                    : "zero windows " + modelZeroWindows + " vs " + kernelZeroWindows);
        }
        return new Verdict(goodput, zero, why);
    }

    /** Within 15 % of the kernel's (a kernel that read nothing agrees only with a Model that read nothing). */
    static boolean goodputAgrees(double model, double kernel) {
        return Math.abs(model - kernel) <= GOODPUT_TOLERANCE * kernel;
    }

    /** The most zero-window segments that still count as few in a run of {@code seconds}. */
    static double few(double seconds) {
        return FEW_ZERO_WINDOWS * seconds / FEW_PER_SECONDS;
    }

    static boolean zeroWindowsAgree(long model, long kernel, double seconds) {
        if (model < 0 || kernel < 0) {
            return false;
        }
        if (model <= few(seconds) && kernel <= few(seconds)) {
            return true;
        }
        long low = Math.min(model, kernel);
        long high = Math.max(model, kernel);
        return high <= ZERO_WINDOW_FACTOR * low;
    }
}
