package tcpflowlab.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A packet capture of a Live run, where the system allows it: dumpcap on the loopback
 * interface with a filter for the run's port, written beside the run. Where dumpcap is missing
 * or capturing is not permitted, {@link #start} says why instead.
 */
public final class LoopbackCapture implements AutoCloseable {
    private final Process process;
    private final Path file;

    private LoopbackCapture(Process process, Path file) {
        this.process = process;
        this.file = file;
    }

    /** The outcome of trying: a capture, or the reason there is none. */
    public record Attempt(LoopbackCapture capture, String whyNot) {
    }

    public static Attempt start(int port, Path file) {
        Process p;
        try {
            p = new ProcessBuilder("dumpcap", "-q", "-i", "lo", "-f", "tcp port " + port, "-w", file.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Attempt(null, "dumpcap is not installed (apt-get install tshark brings it)");
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = first.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            line = null;
        }
        if (line == null || !line.contains("Capturing")) {
            p.destroyForcibly();
            return new Attempt(null, "capturing on the loopback interface is not permitted here"
                    + (line == null ? "" : " (dumpcap: " + line.trim() + ")"));
        }
        // Keep draining dumpcap's output so it never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "dumpcap-output");
        drain.setDaemon(true);
        drain.start();
        return new Attempt(new LoopbackCapture(p, file), null);
    }

    public Path file() {
        return file;
    }

    /** Stops dumpcap (SIGTERM lets it finish the file) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
