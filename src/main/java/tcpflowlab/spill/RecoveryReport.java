package tcpflowlab.spill;

import java.util.ArrayList;
import java.util.List;

/**
 * What opening a queue found: records scanned, bytes cut from a torn tail, every sequence range
 * lost above the acknowledged position, and notes on anything else (files set aside, foreign
 * entries, a damaged or missing position file).
 */
public record RecoveryReport(long recordsScanned, long bytesTruncated, List<LostRange> lost, List<String> notes) {

    /**
     * Sequences {@code first .. last} (above the acknowledged position) that no reader will see.
     *
     * @param cause what took them, in words
     * @param endKnown false when {@code last} is only the most the lost file could have held (a
     *                 removed newest segment): how many were really lost cannot be known
     */
    public record LostRange(long first, long last, String cause, boolean endKnown) {
        public LostRange(long first, long last, String cause) {
            this(first, last, cause, true);
        }

        /** How many sequences, at most when the end is not known. */
        public long count() {
            return last - first + 1;
        }

        @Override
        public String toString() {
            return (!endKnown ? "sequences from " + first + " on" : first == last ? "sequence " + first
                    : "sequences " + first + " .. " + last) + " lost: " + cause;
        }
    }

    public boolean clean() {
        return bytesTruncated == 0 && notes.isEmpty() && lost.isEmpty();
    }

    /** Messages in the lost ranges (at most, unless {@link #lostCountKnown()}). */
    public long lostMessages() {
        return lost.stream().mapToLong(LostRange::count).sum();
    }

    /** Whether {@link #lostMessages()} is exact (no lost range with an unknown end). */
    public boolean lostCountKnown() {
        return lost.stream().allMatch(LostRange::endKnown);
    }

    static final class Builder {
        private long records;
        private long truncated;
        private final List<LostRange> lost = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        void recordsScanned(long n) {
            records += n;
        }

        void truncated(long bytes) {
            truncated += bytes;
        }

        void note(String s) {
            notes.add(s);
        }

        /** Records {@code first .. last} as lost, the part at or below {@code acknowledged} excepted (delivered already). */
        void lost(long first, long last, long acknowledged, String cause) {
            lost(first, last, acknowledged, cause, true);
        }

        void lost(long first, long last, long acknowledged, String cause, boolean endKnown) {
            long from = Math.max(first, acknowledged + 1);
            if (from <= last) {
                lost.add(new LostRange(from, last, cause, endKnown));
            }
        }

        RecoveryReport build() {
            List<LostRange> sorted = new ArrayList<>(lost);
            sorted.sort(java.util.Comparator.comparingLong(LostRange::first));
            return new RecoveryReport(records, truncated, List.copyOf(sorted), List.copyOf(notes));
        }
    }
}
