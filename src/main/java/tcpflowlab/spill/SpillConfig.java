package tcpflowlab.spill;

import java.nio.file.Path;

/**
 * How a spill queue is laid out and how hard it tries to be durable.
 *
 * @param dir the queue's own directory (segments and the commit position live here)
 * @param segmentBytes a segment is sealed and a new one started past this size
 * @param maxRecordBytes the largest payload accepted; also checked before allocating on read
 * @param capacityBytes the most bytes of segment files allowed; appends beyond fail with QueueFullException
 * @param groupRecords GROUP: fsync after this many records ...
 * @param groupMillis GROUP: ... or once this many milliseconds passed since the first unsynced one
 */
public record SpillConfig(Path dir, long segmentBytes, int maxRecordBytes, long capacityBytes, FsyncPolicy policy,
                          int groupRecords, long groupMillis) {

    public SpillConfig {
        if (segmentBytes < 1024 || maxRecordBytes < 1 || maxRecordBytes > (1 << 26) || capacityBytes < segmentBytes
                || groupRecords < 1 || groupMillis < 0) {
            throw new IllegalArgumentException("spill configuration out of range: " + this);
        }
    }

    public static SpillConfig defaults(Path dir) {
        return new SpillConfig(dir, 64L << 20, 1 << 20, 1L << 30, FsyncPolicy.GROUP, 8192, 5);
    }

    public SpillConfig withPolicy(FsyncPolicy p) {
        return new SpillConfig(dir, segmentBytes, maxRecordBytes, capacityBytes, p, groupRecords, groupMillis);
    }

    public SpillConfig withSegmentBytes(long bytes) {
        return new SpillConfig(dir, bytes, maxRecordBytes, Math.max(capacityBytes, bytes), policy, groupRecords, groupMillis);
    }

    public SpillConfig withCapacityBytes(long bytes) {
        return new SpillConfig(dir, segmentBytes, maxRecordBytes, bytes, policy, groupRecords, groupMillis);
    }
}
