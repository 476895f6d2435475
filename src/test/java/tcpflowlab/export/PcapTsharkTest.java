package tcpflowlab.export;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wireshark's own TCP analysis (tshark) on the Model's captures, for every preset: it must see
 * the zero windows, window updates, window-full segments, keep-alives (Linux's probe form) and
 * resets we count, no loss, no reordering, no bad checksum, and the same bytes per direction.
 * Skips itself, saying why, where tshark is not installed; CI installs it.
 */
class PcapTsharkTest {
    private static final ScenarioCodec CODEC = new ScenarioCodec();
    private static final String[] FIELDS = {"tcp.srcport", "frame.len", "tcp.analysis.zero_window",
            "tcp.analysis.window_full", "tcp.analysis.window_update", "tcp.analysis.keep_alive", "tcp.flags.reset",
            "tcp.analysis.lost_segment", "tcp.analysis.ack_lost_segment", "tcp.analysis.out_of_order",
            "tcp.checksum.status", "ip.checksum.status"};

    @BeforeAll
    static void needsTshark() {
        boolean present;
        try {
            Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        Assumptions.assumeTrue(present, "tshark is not installed (apt-get install tshark): skipping the Wireshark checks");
    }

    /** Keeps the segments, with payloads, beside the pcap writer. */
    static final class Segments implements TelemetrySink {
        final List<SegmentRecord> list = new ArrayList<>();

        @Override
        public void onSegment(SegmentRecord s) {
            list.add(s);
        }

        @Override
        public boolean wantsPayloads() {
            return true;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-buggy", "seed-fixed", "backpressure", "drop", "small-buffers-classroom", "spill-and-replay"})
    void wiresharkAgreesWithOurSegmentStream(String preset, @TempDir Path dir) throws Exception {
        double seconds = preset.equals("small-buffers-classroom") ? 16 : preset.equals("spill-and-replay") ? 9 : 3;
        Scenario s = CODEC.withOverrides(new Presets(CODEC).load(preset), List.of("run.durationS=" + seconds));
        Path file = dir.resolve(preset + ".pcap");
        Segments ours = new Segments();
        try (PcapWriter pcap = new PcapWriter(file)) {
            new ModelEngine(s, List.of(pcap, ours), CODEC).runToEnd();
        }
        WireAnalysis expected = WireAnalysis.of(ours.list);
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(), "-o", "tcp.check_checksum:TRUE",
                "-o", "ip.check_checksum:TRUE", "-o", "tcp.relative_sequence_numbers:FALSE", "-T", "fields",
                "-E", "separator=|", "-E", "occurrence=f"));
        for (String f : FIELDS) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "tshark failed on " + file);
        long packets = 0;
        long[] flagged = new long[FIELDS.length];
        long badChecksums = 0;
        Map<Integer, Long> bytes = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] v = line.split("\\|", -1);
            packets++;
            bytes.merge(Integer.parseInt(v[0]), Long.parseLong(v[1]), Long::sum);
            for (int i = 2; i <= 9; i++) {
                if (!v[i].isEmpty() && !v[i].equals("0") && !v[i].equals("False")) {
                    flagged[i]++;
                }
            }
            if (v[10].equals("0") || v[11].equals("0")) { // 0 = bad, 1 = good, 2 = unverified
                badChecksums++;
            }
        }
        String ctx = preset + ": ours " + expected + ", tshark zero_window " + flagged[2] + " window_full " + flagged[3]
                + " window_update " + flagged[4] + " keep_alive " + flagged[5] + " reset " + flagged[6];
        assertEquals(expected.packets(), packets, ctx);
        assertEquals(expected.zeroWindow(), flagged[2], "zero windows: " + ctx);
        assertEquals(expected.windowFull(), flagged[3], "window full: " + ctx);
        assertEquals(expected.windowUpdate(), flagged[4], "window updates: " + ctx);
        assertEquals(expected.keepAlive(), flagged[5], "keep-alives: " + ctx);
        long probes = ours.list.stream().filter(x -> "zero-window probe".equals(x.note())).count();
        assertEquals(probes, flagged[5], "our zero-window probes are Wireshark's keep-alives: " + ctx);
        assertEquals(expected.resets(), flagged[6], "resets: " + ctx);
        assertEquals(0, flagged[7], "lost segments: " + ctx);
        assertEquals(0, flagged[8], "ACKed unseen segments: " + ctx);
        assertEquals(0, flagged[9], "out of order: " + ctx);
        assertEquals(0, badChecksums, "bad checksums: " + ctx);
        assertEquals(expected.frameBytesBySourcePort(), bytes, "bytes per direction: " + ctx);
        // The stories must be there to be agreed on: no empty agreement.
        if (preset.equals("seed-buggy") || preset.equals("small-buffers-classroom")) {
            assertTrue(flagged[2] > 0 && flagged[6] > 0, "zero windows and a reset on the wire: " + ctx);
        }
        if (preset.equals("small-buffers-classroom")) {
            assertTrue(flagged[5] >= 3, "the persist timer's probes on the wire: " + ctx);
        }
        if (preset.equals("seed-fixed")) {
            assertEquals(0, flagged[2] + flagged[6], "the cure: no zero window, no reset: " + ctx);
        }
    }
}
