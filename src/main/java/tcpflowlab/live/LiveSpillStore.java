package tcpflowlab.live;

import tcpflowlab.sim.app.ConnectionSampler;
import tcpflowlab.spill.RecoveryReport;
import tcpflowlab.spill.SpillConfig;
import tcpflowlab.spill.SpillQueue;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The Live SPILL server's durable queue on a real disk: opened (and recovered) before the
 * server listens, its group commits driven once per turn of the server's event loop, its depth
 * and fsync latency published for the sampler's thread, and a temporary directory removed at
 * the end. The queue itself is touched only on the server's loop thread.
 */
final class LiveSpillStore implements ConnectionSampler.SpillGauge {
    private final SpillQueue queue;
    private final Path dir;
    private final boolean temporary;
    private final FsyncWindow fsyncWindow = new FsyncWindow();
    private volatile long depthBytes;
    private volatile long depthMessages;
    private volatile long fsyncNanos;

    private LiveSpillStore(SpillQueue queue, Path dir, boolean temporary) {
        this.queue = queue;
        this.dir = dir;
        this.temporary = temporary;
    }

    /** Opens the queue in {@code dir} (a temporary directory when null) and reports its recovery. */
    static LiveSpillStore open(Path dir, long capacityBytes, LiveTelemetry telemetry) throws IOException {
        boolean temporary = dir == null;
        Path d = temporary ? Files.createTempDirectory("tcpflowlab-spill") : dir;
        SpillQueue queue = SpillQueue.open(SpillConfig.defaults(d).withCapacityBytes(capacityBytes));
        RecoveryReport r = queue.recoveryReport();
        if (!r.clean() || queue.depthMessages() > 0) {
            telemetry.event(Side.SERVER, EventKind.SPILL, null, queue.depthBytes(), 0, "opened the durable queue in " + d
                    + ": " + queue.depthMessages() + " messages waiting" + (r.clean() ? ""
                    : "; recovery: " + String.join("; ", r.notes()) + (r.lost().isEmpty() ? "" : "; "
                    + (r.lostCountKnown() ? "" : "at most ") + r.lostMessages() + " messages lost, in the ranges below")));
        }
        for (RecoveryReport.LostRange lost : r.lost()) {
            telemetry.event(Side.SERVER, EventKind.SPILL, null, queue.depthBytes(), 0, "recovery of " + d + ": " + lost);
        }
        LiveSpillStore store = new LiveSpillStore(queue, d, temporary);
        store.publish();
        return store;
    }

    SpillQueue queue() {
        return queue;
    }

    /** Once per turn of the server's loop: a group commit when due, and fresh gauges. */
    void onLoopTurn() {
        try {
            queue.syncIfDue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        publish();
    }

    private void publish() {
        depthBytes = queue.depthBytes();
        depthMessages = queue.depthMessages();
        fsyncWindow.update(System.nanoTime(), queue.fsyncCount(), queue.fsyncNanosTotal());
        fsyncNanos = fsyncWindow.mean();
    }

    /** On the loop thread after its last turn: closes the queue, removes a temporary directory. */
    void close() {
        try {
            queue.close();
        } catch (IOException e) {
            // the run is over; what was durable stays so
        }
        if (temporary) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is the system's to clean
            }
        }
    }

    @Override
    public long depthBytes() {
        return depthBytes;
    }

    @Override
    public long depthMessages() {
        return depthMessages;
    }

    @Override
    public long fsyncNanos() {
        return fsyncNanos;
    }
}
