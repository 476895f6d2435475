package tcpflowlab.spill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A segment file of the queue: its first sequence (its name), its size, its last sequence and
 * where its records are: one run from the name, unless recovery found damaged records in it
 * (holes) or a tombstone (sequences reported lost).
 */
final class LogSegment {
    final long first;
    final Path path;
    long size;
    long last;
    final List<SegmentScan.Run> runs = new ArrayList<>(1);
    SegmentFile file; // open for the active segment only

    LogSegment(long first, Path path) {
        this.first = first;
        this.path = path;
        this.last = first - 1;
    }

    /** Whether every sequence from the name to the last is a record. */
    boolean solid() {
        return runs.isEmpty() ? last == first - 1
                : runs.size() == 1 && runs.get(0).first == first && runs.get(0).last == last;
    }

    /** The run holding {@code seq}, or null (a hole). */
    SegmentScan.Run runOf(long seq) {
        for (SegmentScan.Run r : runs) {
            if (seq >= r.first && seq <= r.last) {
                return r;
            }
        }
        return null;
    }

    /** The first record from {@code seq} on in this segment, or -1. */
    long presentFrom(long seq) {
        for (SegmentScan.Run r : runs) {
            if (r.last >= seq) {
                return Math.max(seq, r.first);
            }
        }
        return -1;
    }
}
