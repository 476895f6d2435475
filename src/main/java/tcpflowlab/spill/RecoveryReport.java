package tcpflowlab.spill;

import java.util.ArrayList;
import java.util.List;

/** What opening a queue found: records scanned, bytes cut from a torn tail, corrupt segments set aside. */
public record RecoveryReport(long recordsScanned, long bytesTruncated, List<String> notes) {

    public boolean clean() {
        return bytesTruncated == 0 && notes.isEmpty();
    }

    static final class Builder {
        private long records;
        private long truncated;
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

        RecoveryReport build() {
            return new RecoveryReport(records, truncated, List.copyOf(notes));
        }
    }
}
