package tcpflowlab.fidelity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How often each advertised window value occurs among a side's ACKs, most frequent first;
 * among equally frequent values the smaller window comes first, so the order (and every
 * criterion built on it) is the same on every run.
 *
 * @param bins one bin per distinct window, in that order
 * @param total the number of ACKs counted
 */
public record WindowHistogram(List<Bin> bins, int total) {

    /** One window value and the number of ACKs that advertised it. */
    public record Bin(long window, int acks) {
    }

    public WindowHistogram {
        bins = List.copyOf(bins);
    }

    public static WindowHistogram of(List<Long> windows) {
        Map<Long, Integer> counts = new HashMap<>();
        for (long w : windows) {
            counts.merge(w, 1, Integer::sum);
        }
        List<Bin> bins = new ArrayList<>();
        counts.forEach((w, n) -> bins.add(new Bin(w, n)));
        bins.sort(Comparator.comparingInt(Bin::acks).reversed().thenComparingLong(Bin::window));
        return new WindowHistogram(bins, windows.size());
    }

    /** How many ACKs advertised one of {@code windows}. */
    public int acksWithin(List<Long> windows) {
        return bins.stream().filter(b -> windows.contains(b.window())).mapToInt(Bin::acks).sum();
    }

    /** The {@code n} most frequent values, e.g. "16384 B x 612 (48 %), 8192 B x 500 (40 %)", for a report. */
    public String top(int n) {
        if (bins.isEmpty()) {
            return "no ACKs";
        }
        String shown = bins.stream().limit(n)
                .map(b -> String.format("%d B x %d (%.0f %%)", b.window(), b.acks(), 100.0 * b.acks() / total))
                .collect(Collectors.joining(", "));
        return bins.size() > n ? shown + ", and " + (bins.size() - n) + " more values" : shown;
    }
}
