package tcpflowlab.live.wire;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TcpFlags;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real loopback sockets, two pairs: the run's, whose client has a tiny receive buffer so its
 * window falls to 0, and an unrelated one on another port that stalls the same way and then
 * resets. The run's source, with a capture and with capture off, reports the run's zero
 * window, its reopening, and its own reset, with the client's window at 0 while stalled,
 * and nothing at all of the other connection.
 */
class OwnConnectionOnlyTest {
    private static final long WAIT_NANOS = 15_000_000_000L;

    private static final class Seen implements TelemetrySink {
        final List<TcpEvent> events = new CopyOnWriteArrayList<>();
        final List<SegmentRecord> segments = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(TcpEvent e) {
            events.add(e);
        }

        @Override
        public void onSegment(SegmentRecord s) {
            segments.add(s);
        }

        boolean has(Predicate<TcpEvent> p) {
            return events.stream().anyMatch(p);
        }
    }

    /** A server and a client connected over loopback; the client's receive buffer is tiny. */
    private record Pair(ServerSocketChannel listener, SocketChannel server, SocketChannel client) implements AutoCloseable {
        static Pair open() throws IOException {
            ServerSocketChannel l = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
            return new Pair(l, null, null);
        }

        int port() {
            return ((InetSocketAddress) listener.socket().getLocalSocketAddress()).getPort();
        }

        Pair connect() throws IOException {
            SocketChannel c = SocketChannel.open();
            c.setOption(StandardSocketOptions.SO_RCVBUF, 2048);
            c.connect(new InetSocketAddress("127.0.0.1", port()));
            SocketChannel s = listener.accept();
            s.configureBlocking(false);
            return new Pair(listener, s, c);
        }

        /** The server writes until its send buffer is full: the client never reads, so its window closes. */
        void fill() throws IOException {
            ByteBuffer b = ByteBuffer.allocate(1 << 16);
            while (server.write(b.clear()) > 0) {
                // until EAGAIN
            }
        }

        void reset() throws IOException {
            client.setOption(StandardSocketOptions.SO_LINGER, 0);
            client.close();
        }

        @Override
        public void close() throws IOException {
            for (var c : new java.nio.channels.Channel[] {client, server, listener}) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TruthOptions.CaptureChoice.class)
    @Timeout(60)
    void onlyTheRunsConnectionIsReported(TruthOptions.CaptureChoice choice, @TempDir Path dir) throws Exception {
        Seen seen = new Seen();
        try (Pair run = Pair.open(); Pair other = Pair.open()) {
            long start = System.nanoTime();
            TruthOptions options = TruthOptions.forPort(run.port()).withCapture(choice).withPollPeriod(Duration.ofMillis(50))
                    .withCaptureCopy(dir.resolve("run.pcapng"));
            try (ConnectionTruth truth = ConnectionTruths.open(options, seen, () -> System.nanoTime() - start)) {
                if (choice == TruthOptions.CaptureChoice.WHEN_PERMITTED) {
                    Assumptions.assumeTrue(truth.source() == ConnectionTruth.Source.CAPTURE,
                            "no loopback capture here: " + truth.description());
                } else {
                    assertEquals(ConnectionTruth.Source.POLLING, truth.source());
                    assertTrue(truth.description().contains("capture turned off"), truth.description());
                }
                try (Pair a = run.connect(); Pair b = other.connect()) {
                    a.fill();
                    b.fill();
                    await(seen, e -> e.kind() == EventKind.ZERO_WINDOW, "the run's zero window (" + truth.description() + ", failure: " + truth.failure() + ", " + seen.segments.size() + " segments)");
                    assertEquals(0, truth.clientWindow(1), "the window line reads 0 inside the zero-window period");
                    b.reset(); // the unrelated connection resets while the run's is stalled

                    ByteBuffer sink = ByteBuffer.allocate(1 << 16);
                    a.client().configureBlocking(false);
                    long deadline = System.nanoTime() + WAIT_NANOS;
                    while (!seen.has(e -> e.kind() == EventKind.WINDOW_UPDATE) && System.nanoTime() < deadline) {
                        a.client().read(sink.clear()); // the reader catches up: the window reopens
                        Thread.sleep(5);
                    }
                    assertTrue(seen.has(e -> e.kind() == EventKind.WINDOW_UPDATE), "the window reopened: " + seen.events);
                    a.fill();
                    a.reset(); // the run's own client resets, with data unread
                    await(seen, e -> e.kind() == EventKind.RST_RECEIVED, "the run's own reset");
                }
            }
            for (TcpEvent e : seen.events) {
                assertEquals(1, e.connection(), "only the run's connection: " + e);
            }
            assertEquals(1, seen.events.stream().filter(e -> e.kind() == EventKind.RST_SENT).count(), seen.events.toString());
            assertTrue(seen.has(e -> e.kind() == EventKind.RST_SENT && e.side() == Side.CLIENT), seen.events.toString());
            assertTrue(seen.has(e -> e.kind() == EventKind.RST_RECEIVED && e.side() == Side.SERVER), seen.events.toString());
            assertTrue(seen.has(e -> e.kind() == EventKind.ZERO_WINDOW && e.side() == Side.CLIENT), seen.events.toString());
            int otherPort = other.port();
            for (SegmentRecord s : seen.segments) {
                assertTrue(s.srcPort() == run.port() || s.dstPort() == run.port(), "a segment of the run: " + s);
                assertTrue(s.srcPort() != otherPort && s.dstPort() != otherPort, s.toString());
            }
            if (choice == TruthOptions.CaptureChoice.WHEN_PERMITTED) {
                assertTrue(seen.segments.stream().anyMatch(s -> s.window() == 0 && s.from() == Side.CLIENT),
                        "the client's zero window on the wire");
                long[] kept = new long[1];
                PcapngStream copy = new PcapngStream((lt, t, d, off, len) -> kept[0] +=
                        PacketDecoder.decode(lt, t, d, off, len, false) == null ? 0 : 1);
                byte[] file = Files.readAllBytes(dir.resolve("run.pcapng"));
                copy.feed(file, 0, file.length);
                assertEquals(seen.segments.size(), kept[0], "the kept copy of the capture holds the run's segments");
                assertEquals(TcpFlags.SYN, seen.segments.get(0).flags(), "the capture is live before open() returns: "
                        + seen.segments.get(0));
            }
        }
    }

    private static void await(Seen seen, Predicate<TcpEvent> p, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!seen.has(p) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(seen.has(p), what + ": " + seen.events);
    }
}
