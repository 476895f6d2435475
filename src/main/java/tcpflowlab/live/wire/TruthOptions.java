package tcpflowlab.live.wire;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * What {@link ConnectionTruths#open} needs to know.
 *
 * @param serverPorts the ports of the run's servers (the port its client connects to, in a
 *        client-only run): every connection with one of them as an end is the run's
 * @param capture whether a loopback capture may be used
 * @param captureCopy where to keep the raw capture (pcapng) as well, or {@code null}
 * @param pollPeriod how often the per-connection poller reads /proc and ss without a capture
 * @param procRoot the /proc to read (tests give recorded files)
 */
public record TruthOptions(Set<Integer> serverPorts, CaptureChoice capture, Path captureCopy, Duration pollPeriod,
                           Path procRoot) {
    /** A capture when permitted, or never (for tests, and for users who want no capture). */
    public enum CaptureChoice { WHEN_PERMITTED, OFF }

    /** The poller's default: one ss call costs about 6 ms of CPU (ss and the JVM), so 3 % of one core. */
    public static final Duration DEFAULT_POLL_PERIOD = Duration.ofMillis(200);

    public TruthOptions {
        serverPorts = Set.copyOf(serverPorts);
        for (int p : serverPorts) {
            if (p < 1 || p > 65_535) {
                throw new IllegalArgumentException("server port " + p + " is out of range (1 .. 65535)");
            }
        }
        if (serverPorts.isEmpty()) {
            throw new IllegalArgumentException("server ports: at least one is needed");
        }
        if (pollPeriod.toMillis() < 10 || pollPeriod.toMillis() > 10_000) {
            throw new IllegalArgumentException("poll period " + pollPeriod.toMillis() + " ms is out of range (10 .. 10000 ms)");
        }
    }

    public static TruthOptions forPort(int serverPort) {
        return new TruthOptions(Set.of(serverPort), CaptureChoice.WHEN_PERMITTED, null, DEFAULT_POLL_PERIOD,
                Path.of("/proc"));
    }

    public TruthOptions withCapture(CaptureChoice choice) {
        return new TruthOptions(serverPorts, choice, captureCopy, pollPeriod, procRoot);
    }

    public TruthOptions withCaptureCopy(Path file) {
        return new TruthOptions(serverPorts, capture, file, pollPeriod, procRoot);
    }

    public TruthOptions withPollPeriod(Duration period) {
        return new TruthOptions(serverPorts, capture, captureCopy, period, procRoot);
    }

    public TruthOptions withProcRoot(Path root) {
        return new TruthOptions(serverPorts, capture, captureCopy, pollPeriod, root);
    }

    /** The capture filter for these ports: {@code tcp port 5000 or tcp port 5001}. */
    String captureFilter() {
        StringBuilder b = new StringBuilder();
        for (int p : serverPorts.stream().sorted().toList()) {
            if (b.length() > 0) {
                b.append(" or ");
            }
            b.append("tcp port ").append(p);
        }
        return b.toString();
    }
}
