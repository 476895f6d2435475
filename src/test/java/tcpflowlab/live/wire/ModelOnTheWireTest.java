package tcpflowlab.live.wire;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tcpflowlab.export.PcapWriter;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TcpFlags;
import tcpflowlab.telemetry.TelemetrySink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Model's own segments, written as packets (the export's pcap writer), wrapped in a pcapng
 * stream as dumpcap would write it, and read back by the wire path: every segment comes back
 * as the Model recorded it, and the events derived from the wire are the ones the Model
 * reported about its segments (zero window, window update, probe, RST, FIN), per side and
 * connection, at the same instants.
 */
class ModelOnTheWireTest {
    private static final ScenarioCodec CODEC = new ScenarioCodec();
    private static final Set<EventKind> WIRE_KINDS = EnumSet.of(EventKind.ZERO_WINDOW, EventKind.WINDOW_UPDATE,
            EventKind.ZERO_WINDOW_PROBE, EventKind.RST_SENT, EventKind.RST_RECEIVED, EventKind.FIN_SENT,
            EventKind.FIN_RECEIVED);

    private static final class Recorded implements TelemetrySink {
        final List<SegmentRecord> segments = new ArrayList<>();
        final List<TcpEvent> events = new ArrayList<>();

        @Override
        public void onSegment(SegmentRecord s) {
            segments.add(s);
        }

        @Override
        public void onEvent(TcpEvent e) {
            events.add(e);
        }

        @Override
        public boolean wantsPayloads() {
            return true;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-buggy", "seed-fixed", "backpressure", "small-buffers-classroom"})
    void theWireGivesBackTheModelsSegmentsAndEvents(String preset, @TempDir Path dir) throws Exception {
        double seconds = preset.equals("small-buffers-classroom") ? 16 : 3;
        Scenario s = CODEC.withOverrides(new Presets(CODEC).load(preset), List.of("run.durationS=" + seconds));
        Recorded model = new Recorded();
        Path pcap = dir.resolve("model.pcap");
        try (PcapWriter w = new PcapWriter(pcap)) {
            new ModelEngine(s, List.of(w, model), CODEC).runToEnd();
        }
        byte[] stream = asPcapng(Files.readAllBytes(pcap));
        int serverPort = model.segments.get(0).dstPort(); // the first SYN goes to the server

        Recorded wire = new Recorded();
        WireSegments segments = new WireSegments(Set.of(serverPort), 0);
        WireEvents events = new WireEvents();
        PcapngStream reader = new PcapngStream((lt, t, d, off, len) -> {
            SegmentRecord r = segments.place(PacketDecoder.decode(lt, t, d, off, len, true));
            wire.segments.add(r);
            wire.events.addAll(events.observe(r).events());
        });
        for (int at = 0; at < stream.length; at += 1000) { // as a pipe delivers it
            reader.feed(stream, at, Math.min(1000, stream.length - at));
        }

        assertEquals(model.segments.size(), wire.segments.size(), preset);
        int[] scale = new int[2];
        for (int i = 0; i < model.segments.size(); i++) {
            SegmentRecord m = model.segments.get(i);
            SegmentRecord w = wire.segments.get(i);
            String at = preset + " segment " + i + " " + m;
            if (m.has(TcpFlags.SYN)) {
                scale[m.from().ordinal()] = Math.max(0, m.windowScaleOption());
            }
            assertEquals(m.timeNanos(), w.timeNanos(), at);
            assertEquals(m.connection(), w.connection(), at);
            assertEquals(m.from(), w.from(), at);
            assertEquals(m.srcPort(), w.srcPort(), at);
            assertEquals(m.seq(), w.seq(), at);
            assertEquals(m.ack(), w.ack(), at);
            assertEquals(m.flags(), w.flags(), at);
            assertEquals(m.payloadLength(), w.payloadLength(), at);
            assertArrayEquals(m.payload(), w.payload(), at);
            int shift = m.has(TcpFlags.SYN) ? 0 : scale[m.from().ordinal()];
            long field = m.has(TcpFlags.SYN) ? Math.min(65_535, m.window()) : Math.min(65_535, m.window() >> shift);
            assertEquals(field << shift, w.window(), "the window as the 16-bit field and the scale carry it: " + at);
        }
        assertEquals(wireKinds(model.events, false), wireKinds(wire.events, false), preset);
        // A capture sees a segment once; the Model's receiver gets it one link delay later.
        assertEquals(wireKinds(model.events, true).size(), wireKinds(wire.events, true).size(), preset);
        List<TcpEvent> modelReceived = received(model.events);
        List<TcpEvent> wireReceived = received(wire.events);
        for (int i = 0; i < modelReceived.size(); i++) {
            TcpEvent m = modelReceived.get(i);
            TcpEvent w = wireReceived.get(i);
            assertEquals(m.side() + " " + m.kind() + " #" + m.connection(), w.side() + " " + w.kind() + " #" + w.connection());
            assertTrue(w.timeNanos() <= m.timeNanos() && w.timeNanos() > m.timeNanos() - 1_000_000, m + " vs " + w);
        }
        if (preset.equals("seed-buggy") || preset.equals("small-buffers-classroom")) {
            assertTrue(wire.events.stream().anyMatch(e -> e.kind() == EventKind.ZERO_WINDOW)
                    && wire.events.stream().anyMatch(e -> e.kind() == EventKind.RST_SENT), "the story is there: " + preset);
        }
        if (preset.equals("small-buffers-classroom")) {
            assertTrue(wire.events.stream().filter(e -> e.kind() == EventKind.ZERO_WINDOW_PROBE).count() >= 3, preset);
        }
    }

    private static boolean isReceived(TcpEvent e) {
        return e.kind() == EventKind.RST_RECEIVED || e.kind() == EventKind.FIN_RECEIVED;
    }

    private static List<TcpEvent> received(List<TcpEvent> events) {
        return events.stream().filter(ModelOnTheWireTest::isReceived).toList();
    }

    /** The events both can know (sent or received ones), as "time side kind #connection", in order. */
    private static List<String> wireKinds(List<TcpEvent> events, boolean received) {
        TreeMap<Long, List<String>> byTime = new TreeMap<>();
        for (TcpEvent e : events) {
            if (WIRE_KINDS.contains(e.kind()) && isReceived(e) == received) {
                byTime.computeIfAbsent(e.timeNanos(), k -> new ArrayList<>())
                        .add(e.timeNanos() + " " + e.side() + " " + e.kind() + " #" + e.connection());
            }
        }
        List<String> out = new ArrayList<>();
        byTime.values().forEach(l -> {
            l.sort(null);
            out.addAll(l);
        });
        return out;
    }

    /** A classic nanosecond pcap of raw IPv4 packets, as a pcapng stream of Ethernet frames. */
    static byte[] asPcapng(byte[] pcap) {
        ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        PcapngBytes out = new PcapngBytes(ByteOrder.LITTLE_ENDIAN).section().iface(PacketDecoder.LINKTYPE_ETHERNET, 9);
        int at = 24;
        while (at < pcap.length) {
            long nanos = in.getInt(at) * 1_000_000_000L + in.getInt(at + 4);
            int length = in.getInt(at + 8);
            out.packet(0, nanos, TestFrames.ethernet(Arrays.copyOfRange(pcap, at + 16, at + 16 + length)));
            at += 16 + length;
        }
        return out.bytes();
    }
}
