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
        // (in a compact constructor the fields are not assigned yet: name the parameters)
        check("segmentBytes", segmentBytes, 1024, Long.MAX_VALUE);
        check("maxRecordBytes", maxRecordBytes, 1, 1 << 26);
        check("capacityBytes", capacityBytes, segmentBytes, Long.MAX_VALUE);
        check("groupRecords", groupRecords, 1, Integer.MAX_VALUE);
        check("groupMillis", groupMillis, 0, Long.MAX_VALUE);
    }

    private static void check(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("spill configuration: " + field + " = " + value + " is outside "
                    + min + " .. " + (max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? "(no limit)" : max)
                    + (field.equals("capacityBytes") ? " (at least one segment)" : ""));
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
