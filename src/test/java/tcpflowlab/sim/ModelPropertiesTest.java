package tcpflowlab.sim;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.sim.app.StreamTap;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpFlags;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of the model over random scenarios. */
class ModelPropertiesTest {

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<String>> server = Combinators.combine(
                Arbitraries.integers().between(1, 3000),
                Arbitraries.of("0", "5", "50", "125", "1000"),
                Arbitraries.of("CLOSE", "BLOCK", "DROP"),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false)
        ).as((size, gap, policy, readReplies, linger) -> List.of("server.messageSize=" + size, "server.sendGapUs=" + gap,
                "server.overflowPolicy=" + policy, "server.readReplies=" + readReplies, "server.lingerZero=" + linger));
        Arbitrary<List<String>> client = Combinators.combine(
                Arbitraries.of(1, 10, 100, 1000, 65536),
                Arbitraries.of("0", "0.1", "1", "5", "50"),
                Arbitraries.of("0", "2"),
                Arbitraries.of(0, 17, 500),
                Arbitraries.of("FIXED_READ", "DRAIN"),
                Arbitraries.of(true, false)
        ).as((read, delay, jitter, reply, strategy, reconnect) -> List.of("client.readSize=" + read,
                "client.processingDelayMs=" + delay, "client.processingJitterMs=" + jitter, "client.replySize=" + reply,
                "client.strategy=" + strategy, "client.reconnect=" + reconnect, "client.reconnectBackoffMs=20"));
        Arbitrary<List<String>> sockets = Combinators.combine(
                Arbitraries.of(2048, 4096, 16384, 131072),
                Arbitraries.of(2048, 4096, 8192, 131072),
                Arbitraries.of(1024, 8192, 65536),
                Arbitraries.of(true, false),
                Arbitraries.of(1460, 65483, 536),
                Arbitraries.of(true, false),
                Arbitraries.of("LINUX", "IMMEDIATE", "DELAYED"),
                Arbitraries.of(true, false)
        ).as((snd, rcv, srvRcv, doubling, mss, nagle, ack, autotune) -> List.of("sockets.serverSndBuf=" + snd,
                "sockets.clientRcvBuf=" + rcv, "sockets.serverRcvBuf=" + srvRcv, "sockets.linuxDoubling=" + doubling,
                "sockets.mss=" + mss, "sockets.nagle=" + nagle, "sockets.ackMode=" + ack, "sockets.autotune=" + autotune,
                "sockets.tcpWmemMax=262144", "sockets.tcpRmemMax=524288"));
        Arbitrary<List<String>> link = Combinators.combine(
                Arbitraries.of("0", "30", "5000"),
                Arbitraries.of("10", "1000", "10000")
        ).as((delay, bw) -> List.of("link.delayUs=" + delay, "link.bandwidthMbps=" + bw));
        Arbitrary<Long> seed = Arbitraries.longs().between(0, 1_000_000);
        return Combinators.combine(server, client, sockets, link, seed).as((a, b, c, d, s) -> {
            List<String> all = new java.util.ArrayList<>();
            all.addAll(a);
            all.addAll(b);
            all.addAll(c);
            all.addAll(d);
            all.add("run.seed=" + s);
            all.add("run.durationS=1.5");
            all.add("run.samplePeriodMs=0.1");
            return Scenarios.defaults(all.toArray(String[]::new));
        });
    }

    /** Records what the server wrote and the client read, per connection. */
    static final class Streams implements StreamTap {
        final Map<Integer, ByteArrayOutputStream> written = new HashMap<>();
        final Map<Integer, ByteArrayOutputStream> read = new HashMap<>();

        @Override
        public void written(int connection, byte[] buf, int off, int len) {
            written.computeIfAbsent(connection, k -> new ByteArrayOutputStream()).write(buf, off, len);
        }

        @Override
        public void read(int connection, byte[] buf, int off, int len) {
            read.computeIfAbsent(connection, k -> new ByteArrayOutputStream()).write(buf, off, len);
        }
    }

    @Property(tries = 60)
    void queuesStayWithinCapacityAndReadsArePrefixesAndWindowsNeverShrink(@ForAll("scenarios") Scenario scenario) {
        RecordingSink rec = new RecordingSink();
        ModelEngine engine = new ModelEngine(scenario, List.of(rec));
        Streams streams = new Streams();
        engine.setStreamTap(streams);
        engine.runToEnd();

        long segmentAllowance = scenario.sockets().mss(); // Linux's one-segment overshoot
        long unit = 1L << tcpflowlab.sim.tcp.EndpointSettings.of(scenario.sockets(), Side.CLIENT,
                scenario::sockets).windowScale();
        long[] clientTimes = rec.segments.stream().filter(g -> g.from() == Side.CLIENT)
                .mapToLong(g -> g.timeNanos()).toArray();
        for (Sample s : rec.samples) {
            assertTrue(s.serverSendQueue() >= 0 && s.clientReceiveQueue() >= 0 && s.bytesInFlight() >= 0, s.toString());
            assertTrue(s.serverSendQueue() < s.serverSendCapacity() + segmentAllowance, "send queue " + s);
            // Linux rounds a window it keeps open up to the scale unit at every ACK (tcp_select_window()),
            // so a sender that fills it exactly can pass the buffer by less than a unit per segment the
            // receiver sent; Linux would prune or drop that, the Model (which never loses a segment) keeps it.
            long offers = java.util.Arrays.stream(clientTimes).filter(t -> t <= s.timeNanos()).count();
            long drift = Math.max(segmentAllowance, (unit - 1) * offers);
            assertTrue(s.clientReceiveQueue() <= s.clientReceiveCapacity() + drift, "receive queue " + s);
            assertTrue(s.bytesInFlight() <= s.serverSendQueue(), s.toString());
            assertTrue(s.appBytesRead() <= s.appBytesWritten(), s.toString());
        }

        for (Map.Entry<Integer, ByteArrayOutputStream> e : streams.read.entrySet()) {
            byte[] read = e.getValue().toByteArray();
            byte[] written = streams.written.getOrDefault(e.getKey(), new ByteArrayOutputStream()).toByteArray();
            assertTrue(read.length <= written.length, "connection " + e.getKey() + " read more than was written");
            assertArrayEquals(java.util.Arrays.copyOf(written, read.length), read,
                    "connection " + e.getKey() + ": the client read exactly a prefix of what the server wrote");
        }

        // The right edge (ack + window) a side offers never moves back (RST carries no window).
        Map<String, Long> rightEdge = new HashMap<>();
        for (SegmentRecord s : rec.segments) {
            if (!s.has(TcpFlags.ACK) || s.has(TcpFlags.RST) || s.has(TcpFlags.SYN)) {
                continue;
            }
            String key = s.connection() + "/" + s.from();
            long edge = unwrap(rightEdge.get(key), s.ack() + s.window());
            Long before = rightEdge.get(key);
            assertTrue(before == null || edge >= before,
                    key + ": offered window shrank at " + s.timeNanos() + " (" + before + " -> " + edge + ")");
            rightEdge.put(key, edge);
        }
    }

    /** Sequence space is 32-bit; compare edges relative to the previous one. */
    private static long unwrap(Long previous, long value) {
        if (previous == null) {
            return value;
        }
        long delta = (value - previous) & 0xFFFF_FFFFL;
        if (delta >= 0x8000_0000L) {
            delta -= 0x1_0000_0000L;
        }
        return previous + delta;
    }

    @Property(tries = 12)
    void sameScenarioAndSeedGiveIdenticalEvents(@ForAll("scenarios") Scenario scenario) {
        RecordingSink a = new RecordingSink();
        RecordingSink b = new RecordingSink();
        new ModelEngine(scenario, List.of(a)).runToEnd();
        new ModelEngine(scenario, List.of(b)).runToEnd();
        assertEquals(a.eventLines(), b.eventLines());
        assertEquals(a.segments.size(), b.segments.size());
        assertEquals(a.samples, b.samples);
    }

    @Property(tries = 20)
    void everySegmentTheClientAdvertisesFitsItsBuffer(@ForAll("scenarios") Scenario scenario) {
        RecordingSink rec = new RecordingSink();
        new ModelEngine(scenario, List.of(rec)).runToEnd();
        for (SegmentRecord s : rec.segments) {
            if (s.from() == Side.CLIENT && !s.has(TcpFlags.SYN)) {
                assertTrue(s.window() <= Math.max(scenario.sockets().clientRcvBuf(), scenario.sockets().tcpRmemMax()),
                        "window " + s.window());
            }
        }
    }
}
