package tcpflowlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The disk's own speed, measured with {@code dd} on the same file system right before the
 * queue, so the benchmark can state the queue as a ratio of it: this machine's virtual disk
 * swings by a factor of five between minutes, and only ratios from one run mean anything.
 */
final class DdBaseline {
    /** GNU dd's summary: "2147483648 bytes (2.1 GB, 2.0 GiB) copied, 1.23 s, 1.7 GB/s". */
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) bytes .*copied, ([0-9.,]+) s,", Pattern.MULTILINE);

    /** What one dd run wrote: bytes, seconds and how many blocks of {@code blockBytes}. */
    record Result(long bytes, double seconds, int blockBytes) {
        double megabytesPerSecond() {
            return bytes / seconds / 1e6;
        }

        double writesPerSecond() {
            return bytes / (double) blockBytes / seconds;
        }
    }

    private DdBaseline() {
    }

    /** Sequential 1 MiB writes, then one fdatasync (dd conv=fdatasync). */
    static Optional<Result> sequential(Path dir, int mebibytes) throws IOException {
        return run(dir, 1 << 20, mebibytes, "conv=fdatasync");
    }

    /** 1 KiB writes, each synchronously durable (dd oflag=dsync). */
    static Optional<Result> dsync(Path dir, int writes) throws IOException {
        return run(dir, 1024, writes, "oflag=dsync");
    }

    private static Optional<Result> run(Path dir, int blockBytes, int count, String flag) throws IOException {
        Path target = dir.resolve("dd-baseline.tmp");
        List<String> cmd = List.of("dd", "if=/dev/zero", "of=" + target, "bs=" + blockBytes, "count=" + count, flag);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return parse(out, blockBytes);
        } catch (IOException e) {
            return Optional.empty(); // no dd on this system (Windows): the benchmark says so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            Files.deleteIfExists(target);
        }
    }

    /** The last summary line of dd's output, or empty when there is none (another dd dialect). */
    static Optional<Result> parse(String ddOutput, int blockBytes) {
        Matcher m = SUMMARY.matcher(ddOutput);
        Result last = null;
        while (m.find()) {
            double seconds = Double.parseDouble(m.group(2).replace(',', '.'));
            if (seconds > 0) {
                last = new Result(Long.parseLong(m.group(1)), seconds, blockBytes);
            }
        }
        return Optional.ofNullable(last);
    }
}
