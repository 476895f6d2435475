package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.spill.FsyncPolicy;
import tcpflowlab.spill.SpillConfig;
import tcpflowlab.spill.SpillQueue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** Measures the durable spill queue on the disk under DIR: appends per policy, replay, reopen. */
@Command(name = "bench-spill", mixinStandardHelpOptions = true,
        description = "Measures the spill queue: GROUP and ALWAYS appends for 13, 64 and 1024-byte payloads, replay, reopening 1 GB.")
final class SpillBenchCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, description = "a directory on the disk to measure (its contents are replaced)")
    Path dir;

    @Option(names = "--seconds", defaultValue = "3", description = "seconds per append measurement (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--reopen-gb", defaultValue = "1", description = "size of the queue for the reopen measurement (default ${DEFAULT-VALUE} GB)")
    double reopenGb;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "spill queue bench in %s, java %s%n", dir.toAbsolutePath(), System.getProperty("java.version"));
        for (FsyncPolicy policy : new FsyncPolicy[] {FsyncPolicy.GROUP, FsyncPolicy.ALWAYS}) {
            for (int size : new int[] {13, 64, 1024}) {
                Path d = fresh("append");
                double secs = policy == FsyncPolicy.ALWAYS ? Math.min(seconds, 2) : seconds;
                try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(d).withPolicy(policy).withCapacityBytes(64L << 30))) {
                    byte[] payload = new byte[size];
                    long n = 0;
                    long t0 = System.nanoTime();
                    long end = t0 + (long) (secs * 1e9);
                    while (true) {
                        for (int i = 0; i < 1000; i++) {
                            q.append(payload);
                        }
                        n += 1000;
                        if (policy == FsyncPolicy.ALWAYS || System.nanoTime() > end) {
                            if (System.nanoTime() > end) {
                                break;
                            }
                        }
                    }
                    q.sync();
                    double s = (System.nanoTime() - t0) / 1e9;
                    double mb = n * (double) (size + 16) / s / 1e6;
                    out.printf(Locale.ROOT, "  %-6s %4d B: %,12.0f records/s  %8.1f MB/s on disk  fsyncs %,d (mean %.3f ms)%n",
                            policy, size, n / s, mb, q.fsyncCount(), q.meanFsyncNanos() / 1e6);
                }
                out.flush();
            }
        }
        // Replay: read back a queue of 13-byte records.
        Path d = fresh("replay");
        long records = 5_000_000;
        try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(d).withCapacityBytes(64L << 30))) {
            byte[] payload = new byte[13];
            for (long i = 0; i < records; i++) {
                q.append(payload);
            }
        }
        try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(d).withCapacityBytes(64L << 30))) {
            long t0 = System.nanoTime();
            SpillQueue.Cursor c = q.cursor(0);
            long n = 0;
            while (c.next() != null) {
                n++;
            }
            double s = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "  replay 13 B: %,d records in %.2f s = %,.0f records/s%n", n, s, n / s);
        }
        // Reopen: a queue of about reopenGb GB of 1 KiB records.
        Path r = fresh("reopen");
        long bytes = (long) (reopenGb * (1L << 30));
        try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(r).withCapacityBytes(bytes * 2))) {
            byte[] payload = new byte[1024];
            while (q.diskBytes() < bytes) {
                q.append(payload);
            }
        }
        dropCachesHint(out);
        long t0 = System.nanoTime();
        try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(r).withCapacityBytes(bytes * 2))) {
            double s = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "  reopen %.2f GB (%,d records, %d segments): %.2f s%n", q.diskBytes() / (double) (1L << 30),
                    q.recoveryReport().recordsScanned(), q.segmentCount(), s);
        }
        delete(dir);
        out.flush();
        return 0;
    }

    private static void dropCachesHint(PrintWriter out) {
        try {
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
            out.println("  (page cache dropped before reopening)");
        } catch (IOException | RuntimeException e) {
            out.println("  (page cache not dropped: reopen reads from memory)");
        }
    }

    private Path fresh(String name) throws IOException {
        Path d = dir.resolve(name);
        delete(d);
        Files.createDirectories(d);
        return d;
    }

    private static void delete(Path d) throws IOException {
        if (!Files.exists(d)) {
            return;
        }
        try (Stream<Path> s = Files.walk(d)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
