package tcpflowlab.spill;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The queue's segments in sequence order, the newest one active: their names, where each
 * sequence is (segments may have holes and gaps after recovery), and the bytes they take.
 */
final class SegmentLog {
    private final SpillConfig config;
    private final Storage storage;
    // for direct segments, allocated on first use; a roll reuses the sealed segment's buffers
    private final AlignedBuffers directBuffers = new AlignedBuffers(
            DirectAppendFile.BUFFER_BYTES + 2 * AlignedBuffers.ALIGNMENT, 2 * DirectAppendFile.BUFFERS);
    final List<LogSegment> segments = new ArrayList<>();
    long diskBytes;
    boolean hasGaps; // recovery found sequences missing in or between segments

    SegmentLog(SpillConfig config, Storage storage) {
        this.config = config;
        this.storage = storage;
    }

    /** The first sequence a name of the queue's scheme stands for ({@code 20 digits}.seg), or -1. */
    static long segmentName(String name) {
        if (name.length() != 20 + SpillQueue.SUFFIX.length() || !name.endsWith(SpillQueue.SUFFIX)) {
            return -1;
        }
        for (int i = 0; i < 20; i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(name.substring(0, 20));
        } catch (NumberFormatException e) {
            return -1; // beyond a long: not a name this queue gives
        }
    }

    /** The segment name a set-aside file had ({@code NAME.seg.set-aside} or {@code ...-N}), or -1. */
    static long setAsideName(String name) {
        int at = name.indexOf(SpillQueue.SET_ASIDE);
        if (at < 0) {
            return -1;
        }
        String rest = name.substring(at + SpillQueue.SET_ASIDE.length());
        if (!rest.isEmpty() && !rest.matches("-[0-9]{1,9}")) {
            return -1;
        }
        return segmentName(name.substring(0, at));
    }

    static String segmentFileName(long first) {
        return String.format(Locale.ROOT, "%020d%s", first, SpillQueue.SUFFIX);
    }

    LogSegment active() {
        return segments.get(segments.size() - 1);
    }

    LogSegment createSegment(long first) throws IOException {
        Path p = config.dir().resolve(segmentFileName(first));
        LogSegment s = new LogSegment(first, p);
        s.file = openSegment(p, true);
        segments.add(s);
        return s;
    }

    /**
     * GROUP appends in big batches, so its segments bypass the page cache where the storage
     * can; OS must survive a killed process at each append and ALWAYS forces each record, so
     * both write through the page cache.
     */
    SegmentFile openSegment(Path p, boolean create) throws IOException {
        return config.policy() == FsyncPolicy.GROUP ? storage.openAppender(p, create, directBuffers) : storage.open(p, create);
    }

    /** Whether sequences are missing in or between segments (or before the first, above {@code committed}). */
    void findGaps(long committed) {
        hasGaps = segments.get(0).first > committed + 1;
        for (int i = 0; i < segments.size(); i++) {
            LogSegment s = segments.get(i);
            if (!s.solid() || i > 0 && s.first != segments.get(i - 1).last + 1) {
                hasGaps = true;
            }
        }
    }

    /** The first sequence from {@code seq} on that is a record in the queue, or Long.MAX_VALUE. */
    long present(long seq) {
        if (!hasGaps) {
            return seq;
        }
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo < hi) { // the first segment whose last is at or above seq
            int mid = (lo + hi) >>> 1;
            if (segments.get(mid).last < seq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < segments.size(); i++) {
            long at = segments.get(i).presentFrom(seq);
            if (at >= 0) {
                return at;
            }
        }
        return Long.MAX_VALUE;
    }

    LogSegment find(long seq) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            LogSegment s = segments.get(mid);
            if (seq < s.first) {
                hi = mid - 1;
            } else if (seq > s.last) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }

    /** Records in the queue with a sequence above {@code sequence}: gaps do not count. */
    long recordsAfter(long sequence, long lastSequence) {
        if (!hasGaps) {
            return lastSequence - sequence;
        }
        long n = 0;
        for (LogSegment s : segments) {
            for (SegmentScan.Run r : s.runs) {
                n += Math.max(0, r.last - Math.max(r.first, sequence + 1) + 1);
            }
        }
        return n;
    }

    /** Direct write buffers ever allocated (reused across segments, so this stays small). */
    int directBuffersAllocated() {
        return directBuffers.allocated();
    }
}
