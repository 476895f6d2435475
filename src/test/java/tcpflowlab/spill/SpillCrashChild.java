package tcpflowlab.spill;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process the kill -9 test kills: appends records as fast as it can and prints
 * "DURABLE n" each time the durable sequence advances (after the fsync, or for OS after the
 * write), flushing stdout, so the parent knows what must survive.
 */
public final class SpillCrashChild {
    private SpillCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        FsyncPolicy policy = FsyncPolicy.valueOf(args[1]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
        SpillConfig cfg = SpillConfig.defaults(dir).withSegmentBytes(64 * 1024).withPolicy(policy);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            out.println("OPEN " + q.lastSequence());
            out.flush();
            long reported = q.durableSequence();
            while (true) {
                long seq = q.lastSequence() + 1;
                q.append(SpillQueueTest.payload(seq));
                if (q.durableSequence() > reported) {
                    reported = q.durableSequence();
                    out.println("DURABLE " + reported);
                    out.flush();
                }
            }
        }
    }
}
