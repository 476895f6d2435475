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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Measures the durable spill queue on the disk under DIR: appends per policy, replay, reopen. */
@Command(name = "bench-spill", mixinStandardHelpOptions = true,
        description = "Measures the spill queue against dd on the same disk: GROUP and ALWAYS appends and replay for 13, 64 and 1024-byte payloads, reopening 1 GB.")
final class SpillBenchCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true,
            description = "a directory on the disk to measure; the bench works in a new subdirectory of it and removes only that")
    Path dir;

    @Option(names = "--drop-caches", description = "drop the whole machine's page cache before the reopen measurement "
            + "(needs root; without it reopening reads from memory)")
    boolean dropCaches;

    /** Drops the operating system's page cache; a test puts a recorder here. */
    @FunctionalInterface
    interface PageCache {
        void drop() throws IOException;
    }

    private final PageCache pageCache;
    /** The subdirectory of --dir this run created and works in. */
    private Path work;

    SpillBenchCommand() {
        this(() -> Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3"));
    }

    SpillBenchCommand(PageCache pageCache) {
        this.pageCache = pageCache;
    }

    @Option(names = "--seconds", defaultValue = "3", description = "seconds per append measurement (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--reopen-gb", defaultValue = "1", description = "size of the queue for the reopen measurement (default ${DEFAULT-VALUE} GB)")
    double reopenGb;

    @Option(names = "--replay-records", defaultValue = "5000000", description = "records replayed for 13 and 64 B (a fifth of it for 1024 B; default ${DEFAULT-VALUE})")
    long replayRecords;

    @Option(names = "--dd-mib", defaultValue = "2048",
            description = "MiB that the dd fdatasync baseline writes before the GROUP cases; 0 skips both dd baselines (default ${DEFAULT-VALUE})")
    int ddMebibytes;

    @Option(names = "--dd-writes", defaultValue = "5000",
            description = "1 KiB writes of each dd oflag=dsync baseline in the ALWAYS rounds (default ${DEFAULT-VALUE})")
    int ddWrites;

    @Option(names = "--always-rounds", defaultValue = "3",
            description = "rounds in which dd dsync and the ALWAYS cases alternate (default ${DEFAULT-VALUE})")
    int alwaysRounds;

    private static final int[] SIZES = {13, 64, 1024};
    private static final String NO_DD = "  dd baseline: dd not available here; ratios to the disk are not shown";

    @Override
    public Integer call() throws IOException {
        OutputDir.refuseEmpty("--dir", dir);
        positive("--seconds", seconds, 1e-3, 3600);
        positive("--reopen-gb", reopenGb, 1e-3, 64);
        positive("--replay-records", replayRecords, 1, 1e9);
        positive("--dd-mib", ddMebibytes, 0, 1 << 20);
        positive("--dd-writes", ddWrites, 0, 1e7);
        positive("--always-rounds", alwaysRounds, 1, 100);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "spill queue bench in %s, java %s%n", dir.toAbsolutePath(), System.getProperty("java.version"));
        boolean created = Files.notExists(dir);
        Files.createDirectories(dir);
        work = Files.createTempDirectory(dir, "tcpflowlab-bench-");
        try {
            measure(out);
        } finally {
            delete(work);
            if (created) {
                try {
                    Files.deleteIfExists(dir); // only when this run made it and nothing else is in it
                } catch (java.nio.file.DirectoryNotEmptyException e) {
                    // someone put files there meanwhile: they stay
                }
            }
        }
        out.flush();
        return 0;
    }

    private void measure(PrintWriter out) throws IOException {
        groupAppends(out);
        alwaysAppends(out);
        // Replay: read back what was appended, from the page cache as a returning client would
        // (reading cold from the disk is what the reopen case measures).
        for (int size : SIZES) {
            Path d = fresh("replay");
            long records = size == 1024 ? Math.max(1, replayRecords / 5) : replayRecords;
            SpillConfig cfg = SpillConfig.defaults(d).withCapacityBytes(64L << 30);
            try (SpillQueue q = SpillQueue.open(cfg)) {
                byte[] payload = new byte[size];
                for (long i = 0; i < records; i++) {
                    q.append(payload);
                }
            }
            try (SpillQueue q = SpillQueue.open(cfg)) {
                long t0 = System.nanoTime();
                SpillQueue.Cursor c = q.cursor(0);
                long n = 0;
                while (c.next() != null) {
                    n++;
                }
                double s = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "  replay %4d B: %,d records in %.2f s = %,.0f records/s%n", size, n, s, n / s);
                out.printf(Locale.ROOT, "         target >= 1 M records/s: %s%n", n / s >= 1e6 ? "met" : "NOT met");
            }
            out.flush();
        }
        // Reopen: a queue of about reopenGb GB of 1 KiB records.
        Path r = fresh("reopen");
        long bytes = (long) (reopenGb * (1L << 30));
        try (SpillQueue q = SpillQueue.open(reopenConfig(r, bytes))) {
            byte[] payload = new byte[1024];
            while (q.diskBytes() < bytes) {
                q.append(payload);
            }
        }
        dropCaches(out);
        long t0 = System.nanoTime();
        try (SpillQueue q = SpillQueue.open(reopenConfig(r, bytes))) {
            double s = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "  reopen %.2f GB (%,d records, %d segments): %.2f s%n", q.diskBytes() / (double) (1L << 30),
                    q.recoveryReport().recordsScanned(), q.segmentCount(), s);
            out.printf(Locale.ROOT, "         target < 5 s: %s%n", s < 5 ? "met" : "NOT met");
        }
    }

    private void positive(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "%s = %s is outside %s .. %s", option, fmt(value), fmt(min), fmt(max)));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.valueOf(v);
    }

    /** One append measurement. */
    private record Rate(double recordsPerSecond, double megabytesPerSecond, long fsyncs, double meanFsyncMillis) {
    }

    private Rate appendRate(FsyncPolicy policy, int size, double secs) throws IOException {
        Path d = fresh("append");
        try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(d).withPolicy(policy).withCapacityBytes(64L << 30))) {
            byte[] payload = new byte[size];
            int burst = policy == FsyncPolicy.ALWAYS ? 100 : 1000;
            long n = 0;
            long t0 = System.nanoTime();
            long end = t0 + (long) (secs * 1e9);
            do {
                for (int i = 0; i < burst; i++) {
                    q.append(payload);
                }
                n += burst;
            } while (System.nanoTime() < end);
            q.sync();
            double s = (System.nanoTime() - t0) / 1e9;
            return new Rate(n / s, n * (double) (size + 16) / s / 1e6, q.fsyncCount(), q.meanFsyncNanos() / 1e6);
        }
    }

    private void groupAppends(PrintWriter out) throws IOException {
        Optional<DdBaseline.Result> dd = Optional.empty();
        if (ddMebibytes > 0) {
            dd = DdBaseline.sequential(work, ddMebibytes);
            dd.ifPresentOrElse(r -> out.printf(Locale.ROOT, "  dd bs=1M count=%d conv=fdatasync: %.1f MB/s%n",
                    ddMebibytes, r.megabytesPerSecond()), () -> out.println(NO_DD));
        }
        for (int size : SIZES) {
            Rate r = appendRate(FsyncPolicy.GROUP, size, seconds);
            out.printf(Locale.ROOT, "  GROUP  %4d B: %,12.0f records/s  %8.1f MB/s on disk  fsyncs %,d (mean %.3f ms)%n",
                    size, r.recordsPerSecond(), r.megabytesPerSecond(), r.fsyncs(), r.meanFsyncMillis());
            String records = r.recordsPerSecond() >= 1e6 ? "met" : "NOT met";
            if (size == 1024 && dd.isPresent()) {
                double share = r.megabytesPerSecond() / dd.get().megabytesPerSecond();
                out.printf(Locale.ROOT, "         target >= 1 M records/s: %s; >= 50%% of dd MB/s: %.0f%%, %s%n",
                        records, 100 * share, share >= 0.5 ? "met" : "NOT met");
            } else {
                out.printf(Locale.ROOT, "         target >= 1 M records/s: %s%n", records);
            }
            out.flush();
        }
    }

    /**
     * ALWAYS against dd oflag=dsync: both are one device flush per write, and this disk's flush
     * time drifts within seconds, so the two alternate for a few rounds and medians are compared.
     */
    private void alwaysAppends(PrintWriter out) throws IOException {
        List<Double> ddRates = new ArrayList<>();
        Map<Integer, List<Double>> rates = new TreeMap<>();
        double secs = Math.min(seconds, 2) / 2;
        for (int round = 1; round <= alwaysRounds; round++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  ALWAYS round %d:", round));
            if (ddWrites > 0 && ddMebibytes > 0) {
                Optional<DdBaseline.Result> dd = DdBaseline.dsync(work, ddWrites);
                if (dd.isPresent()) {
                    ddRates.add(dd.get().writesPerSecond());
                    line.append(String.format(Locale.ROOT, " dd dsync %,.0f writes/s;", dd.get().writesPerSecond()));
                }
            }
            for (int size : SIZES) {
                Rate r = appendRate(FsyncPolicy.ALWAYS, size, secs);
                rates.computeIfAbsent(size, k -> new ArrayList<>()).add(r.recordsPerSecond());
                line.append(String.format(Locale.ROOT, " %d B %,.0f/s (fsync %.3f ms);", size, r.recordsPerSecond(), r.meanFsyncMillis()));
            }
            out.println(line);
            out.flush();
        }
        if (ddMebibytes > 0 && ddRates.isEmpty()) {
            out.println(NO_DD);
        }
        for (Map.Entry<Integer, List<Double>> e : rates.entrySet()) {
            double median = median(e.getValue());
            out.printf(Locale.ROOT, "  ALWAYS %4d B: %,12.0f records/s (median of %d)%n", e.getKey(), median, e.getValue().size());
            if (!ddRates.isEmpty()) {
                double share = median / median(ddRates);
                out.printf(Locale.ROOT, "         target >= 80%% of dd dsync writes/s (median %,.0f): %.0f%%, %s%n",
                        median(ddRates), 100 * share, share >= 0.8 ? "met" : "NOT met");
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static SpillConfig reopenConfig(Path dir, long bytes) {
        SpillConfig c = SpillConfig.defaults(dir);
        return c.withCapacityBytes(Math.max(bytes * 2, c.segmentBytes()));
    }

    /** The whole machine's page cache, dropped only when asked: it slows every other program down for a while. */
    private void dropCaches(PrintWriter out) {
        if (!dropCaches) {
            out.println("  (page cache not dropped: reopen reads from memory; --drop-caches, as root, measures it cold)");
            return;
        }
        try {
            pageCache.drop();
            out.println("  (page cache dropped before reopening)");
        } catch (IOException | RuntimeException e) {
            out.println("  (page cache not dropped, --drop-caches needs root: reopen reads from memory)");
        }
    }

    private Path fresh(String name) throws IOException {
        Path d = work.resolve(name);
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
