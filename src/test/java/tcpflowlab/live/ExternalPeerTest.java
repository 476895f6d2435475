package tcpflowlab.live;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.TcpEvent;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each side of the Live engine against a real C program built by the test (gcc), on loopback. */
class ExternalPeerTest {
    private static final ScenarioCodec CODEC = new ScenarioCodec();

    private static Path compile(Path dir, String name) throws Exception {
        Path src = dir.resolve(name + ".c");
        try (InputStream in = ExternalPeerTest.class.getResourceAsStream("/c/" + name + ".c")) {
            Files.write(src, in.readAllBytes());
        }
        Path bin = dir.resolve(name);
        Process p;
        try {
            p = new ProcessBuilder("gcc", "-O2", "-o", bin.toString(), src.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("gcc is not installed: " + e.getMessage());
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc failed: " + out);
        return bin;
    }

    @Test
    @Timeout(60)
    void theClientFacesARealCServerLikeServerAAndSeesTheReset(@TempDir Path dir) throws Exception {
        Path server = compile(dir, "server_a");
        Process p = new ProcessBuilder(server.toString(), "16384", "125").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("PORT "), "server said: " + first);
            int port = Integer.parseInt(first.substring(5).trim());
            Scenario s = CODEC.withOverrides(new Presets(CODEC).load("seed-buggy"),
                    List.of("run.durationS=4", "client.reconnect=false"));
            LiveEngineTest.Recorded rec = new LiveEngineTest.Recorded();
            LiveRun run = new LiveRun(s, List.of(rec), LiveOptions.clientOnly(new InetSocketAddress("127.0.0.1", port)), CODEC);
            run.start();
            assertTrue(run.awaitEnd(20_000));
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the C server exits after closing");
            String said = out.readLine();
            assertTrue(said != null && said.startsWith("send buffer full"), "C server: " + said);
            // The reset may land between a send and the logging getpeername() (ENOTCONN first):
            // the kernel's order is about the data calls, where ECONNRESET comes first.
            List<TcpEvent> dataCalls = rec.of(EventKind.SOCKET_ERROR).stream()
                    .filter(e -> e.detail().startsWith("send()") || e.detail().startsWith("recv()")).toList();
            assertEquals(Errno.ECONNRESET, dataCalls.get(0).errno(), "" + dataCalls);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    @Timeout(60)
    void theServerServesAPlainBlockingCClient(@TempDir Path dir) throws Exception {
        Path client = compile(dir, "plain_client");
        Scenario s = CODEC.withOverrides(new Presets(CODEC).load("backpressure"), List.of("run.durationS=6"));
        LiveEngineTest.Recorded rec = new LiveEngineTest.Recorded();
        LiveRun run = new LiveRun(s, List.of(rec), LiveOptions.serverOnly(new InetSocketAddress("127.0.0.1", 0)), CODEC);
        run.start();
        try {
            Process p = new ProcessBuilder(client.toString(), Integer.toString(run.listenPort()), "4096")
                    .redirectErrorStream(true).start();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), said);
            assertTrue(said.startsWith("read 4096 bytes, starting \"Hello World!\""), said);
            assertTrue(rec.of(EventKind.CONNECT).stream().anyMatch(e -> e.detail().startsWith("accepted 127.0.0.1:")));
        } finally {
            run.stop();
            run.awaitEnd(10_000);
        }
    }
}
