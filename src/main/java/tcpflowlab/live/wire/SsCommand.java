package tcpflowlab.live.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ss -tinH} for the given ports only (sport or dport), so the kernel filters and
 * the output stays a few lines however busy the host is. Where ss is missing or fails, the
 * answer is empty and the poller falls back to /proc alone.
 */
final class SsCommand {
    private SsCommand() {
    }

    static List<String> command(Set<Integer> ports) {
        StringBuilder filter = new StringBuilder("(");
        for (int p : ports.stream().sorted().toList()) {
            if (filter.length() > 1) {
                filter.append(" or");
            }
            filter.append(" sport = :").append(p).append(" or dport = :").append(p);
        }
        filter.append(" )");
        return new ArrayList<>(List.of("ss", "-tinH", "state", "all", filter.toString()));
    }

    static List<SsTcpInfo> query(Set<Integer> ports) {
        try {
            Process p = new ProcessBuilder(command(ports)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return List.of();
            }
            return SsTcpInfo.parse(out).sockets();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
