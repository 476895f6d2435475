package tcpflowlab.export;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.live.LiveOptions;
import tcpflowlab.live.LiveRun;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model versus kernel on the wire: the same scenario captured from the Model (our pcap) and
 * from the Live engine on loopback (dumpcap), both read by tshark; the sequence of Wireshark's
 * TCP analysis flags must tell the same story: a stall (zero window, window full or probes)
 * and a reset for the story, no reset for the cures. Prints both sequences for the docs.
 * Skips itself where dumpcap/tshark are missing or capturing is not permitted.
 */
class WireComparisonTest {
    private static final ScenarioCodec CODEC = new ScenarioCodec();

    /** Wireshark's flags in order of first appearance, e.g. [window_full, zero_window, keep_alive, reset]. */
    static List<String> flags(Path pcap, double untilSeconds) throws Exception {
        // Only frames before the cut-off: the Live run's teardown (closing a socket with unread
        // data at the end of the run resets it) is not part of the scenario.
        Process p = new ProcessBuilder("tshark", "-n", "-r", pcap.toString(), "-Y", "frame.time_relative < " + untilSeconds,
                "-T", "fields", "-E", "separator=|",
                "-e", "tcp.analysis.window_full", "-e", "tcp.analysis.zero_window", "-e", "tcp.analysis.keep_alive",
                "-e", "tcp.analysis.window_update", "-e", "tcp.flags.reset").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        String[] names = {"window_full", "zero_window", "keep_alive", "window_update", "reset"};
        Set<String> seen = new LinkedHashSet<>();
        for (String line : out.split("\n")) {
            String[] v = line.split("\\|", -1);
            for (int i = 0; i < names.length && i < v.length; i++) {
                boolean set = i == 4 ? v[i].equals("1") || v[i].equals("True") : !v[i].isEmpty();
                if (set) {
                    seen.add(names[i]);
                }
            }
        }
        return new ArrayList<>(seen);
    }

    private static boolean runs(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    @Timeout(180)
    void modelAndKernelTellTheSameStoryOnTheWire(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(runs("tshark", "--version") && runs("dumpcap", "--version"),
                "tshark/dumpcap not installed: skipping the wire comparison");
        StringBuilder report = new StringBuilder();
        for (String preset : List.of("seed-buggy", "seed-fixed", "backpressure")) {
            Scenario s = CODEC.withOverrides(new Presets(CODEC).load(preset), List.of("run.durationS=4", "client.reconnect=false"));
            Path model = dir.resolve(preset + "-model.pcap");
            try (PcapWriter w = new PcapWriter(model)) {
                new ModelEngine(s, List.of(w), CODEC).runToEnd();
            }
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            Path kernel = dir.resolve(preset + "-kernel.pcapng");
            Process capture = new ProcessBuilder("dumpcap", "-q", "-i", "lo", "-f", "tcp port " + port, "-w", kernel.toString())
                    .redirectErrorStream(true).start();
            BufferedReader err = new BufferedReader(new InputStreamReader(capture.getInputStream(), StandardCharsets.UTF_8));
            String first = err.readLine();
            Assumptions.assumeTrue(first != null && first.contains("Capturing"),
                    "capturing on loopback is not permitted here: " + first);
            LiveRun run = new LiveRun(s, List.of(), LiveOptions.both(port), CODEC);
            run.start();
            assertTrue(run.awaitEnd(30_000));
            Thread.sleep(500); // let the last segments reach the capture
            capture.destroy();
            capture.waitFor(10, TimeUnit.SECONDS);
            assertTrue(Files.size(kernel) > 0);
            List<String> m = flags(model, s.run().durationS());
            List<String> k = flags(kernel, s.run().durationS() - 0.2);
            report.append(String.format("%-14s model %-50s kernel %s%n", preset, m, k));
            boolean modelStall = m.contains("zero_window") || m.contains("window_full") || m.contains("keep_alive");
            boolean kernelStall = k.contains("zero_window") || k.contains("window_full") || k.contains("keep_alive");
            assertEquals(m.contains("reset"), k.contains("reset"), "reset on the wire:\n" + report);
            if (!preset.equals("seed-fixed")) {
                assertTrue(modelStall && kernelStall, "a stall before it on the wire:\n" + report);
            }
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "wire-comparison.txt"), report.toString());
    }
}
