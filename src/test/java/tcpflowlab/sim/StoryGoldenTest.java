package tcpflowlab.sim;

import org.junit.jupiter.api.Test;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TcpFlags;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's story, and its cures, as the model must tell them. */
class StoryGoldenTest {

    @Test
    void seedBuggyGoesZeroWindowThenEagainThenRstThenTheLinuxErrnoOrder() {
        RecordingSink rec = Scenarios.run(Scenarios.preset("seed-buggy", "run.durationS=8"));
        TcpEvent zeroWindow = rec.first(1, Side.CLIENT, EventKind.ZERO_WINDOW);
        TcpEvent eagain = rec.first(1, Side.SERVER, EventKind.EAGAIN);
        TcpEvent rstSent = rec.first(1, Side.SERVER, EventKind.RST_SENT);
        TcpEvent rstReceived = rec.first(1, Side.CLIENT, EventKind.RST_RECEIVED);
        assertTrue(zeroWindow.timeNanos() < eagain.timeNanos(), "zero window before EAGAIN");
        assertTrue(eagain.timeNanos() <= rstSent.timeNanos(), "EAGAIN, then the close sends RST");
        assertTrue(rstSent.detail().contains("unread"), "RST because the replies were never read: " + rstSent.detail());
        assertTrue(rstReceived.timeNanos() > rstSent.timeNanos());

        List<TcpEvent> clientErrors = rec.events(e -> e.connection() == 1 && e.side() == Side.CLIENT
                && e.kind() == EventKind.SOCKET_ERROR);
        assertEquals(List.of("send ECONNRESET", "getpeername ENOTCONN", "send EPIPE"),
                clientErrors.stream().map(e -> e.detail().substring(0, e.detail().indexOf('(')) + " " + e.errno().name()).toList(),
                "first ECONNRESET on send, ENOTCONN from the logging getpeername, then EPIPE");
        assertEquals(104, clientErrors.get(0).errno().number());
        assertEquals(107, clientErrors.get(1).errno().number());
        assertEquals(32, clientErrors.get(2).errno().number());

        // recv drained what was queued, then end of stream (the reset was already reported by send).
        TcpEvent eof = rec.first(1, Side.CLIENT, EventKind.END_OF_STREAM);
        assertTrue(eof.timeNanos() > clientErrors.get(2).timeNanos());
        Sample atEof = rec.samples.stream().filter(s -> s.timeNanos() >= eof.timeNanos()).findFirst().orElseThrow();
        assertEquals(0, atEof.clientReceiveQueue(), "all queued data was read before recv returned 0");
        long queuedAtReset = rstReceived.detail().contains(" B still readable")
                ? Long.parseLong(rstReceived.detail().replaceAll(".*reset by peer; (\\d+) B still readable.*", "$1")) : -1;
        assertTrue(queuedAtReset > 0, "the client still had data to read when the reset came");

        // Exactly one RST on the wire for connection 1 from the server, and the client reconnects.
        assertEquals(1, rec.segments.stream().filter(s -> s.connection() == 1 && s.from() == Side.SERVER
                && s.has(TcpFlags.RST)).count());
        assertTrue(rec.events(EventKind.CONNECT).size() >= 2, "the client reconnected");
        // Repeats are counted once per connection, not logged one by one.
        TcpEvent repeats = rec.events(e -> e.connection() == 1 && e.kind() == EventKind.ERRORS_REPEATED
                && e.errno() == Errno.EPIPE).get(0);
        assertTrue(repeats.bytes() > 100, "hundreds of EPIPE while draining: " + repeats.detail());
    }

    @Test
    void seedFixedRuns120SecondsWithoutAReset() {
        RecordingSink rec = Scenarios.run(Scenarios.preset("seed-fixed"));
        assertEquals(120_000_000_000L, rec.samples.get(rec.samples.size() - 1).timeNanos());
        assertTrue(rec.events(EventKind.RST_SENT).isEmpty());
        assertTrue(rec.events(EventKind.RST_RECEIVED).isEmpty());
        assertTrue(rec.events(EventKind.SOCKET_ERROR).isEmpty());
        assertTrue(rec.events(EventKind.ZERO_WINDOW).isEmpty());
        assertEquals(1, rec.events(EventKind.CONNECT).size());
        Sample last = rec.samples.get(rec.samples.size() - 1);
        assertTrue(last.appBytesRead() > 12_000_000, "the drain client kept up: " + last.appBytesRead());
    }

    @Test
    void backpressureNeverResetsAndTheSenderStallsWhileTheWindowIsZero() {
        RecordingSink rec = Scenarios.run(Scenarios.preset("backpressure", "run.durationS=20"));
        assertTrue(rec.segments.stream().noneMatch(s -> s.has(TcpFlags.RST)));
        assertTrue(rec.events(EventKind.SOCKET_ERROR).isEmpty());
        assertFalse(rec.events(EventKind.ZERO_WINDOW).isEmpty());
        assertFalse(rec.events(EventKind.ZERO_WINDOW_PROBE).isEmpty());
        // Find the longest stretch of samples with a zero window; the server wrote nothing
        // beyond what the full send buffer holds during it.
        long longest = 0;
        int i = 0;
        List<Sample> s = rec.samples;
        while (i < s.size()) {
            if (s.get(i).advertisedWindow() == 0 && s.get(i).serverSendQueue() >= s.get(i).serverSendCapacity()) {
                int j = i;
                while (j + 1 < s.size() && s.get(j + 1).advertisedWindow() == 0) {
                    j++;
                }
                assertEquals(s.get(i).appBytesWritten(), s.get(j).appBytesWritten(),
                        "server wrote while blocked between " + s.get(i).timeNanos() + " and " + s.get(j).timeNanos());
                longest = Math.max(longest, s.get(j).timeNanos() - s.get(i).timeNanos());
                i = j + 1;
            } else {
                i++;
            }
        }
        assertTrue(longest > 500_000_000L, "a stall of over 0.5 s with a zero window and a full send buffer: " + longest);
    }

    @Test
    void dropPolicyLosesMessagesButKeepsTheConnection() {
        RecordingSink rec = Scenarios.run(Scenarios.preset("drop", "run.durationS=10"));
        assertTrue(rec.segments.stream().noneMatch(s -> s.has(TcpFlags.RST)));
        assertFalse(rec.events(EventKind.DROP).isEmpty());
        ModelEngine engine = new ModelEngine(Scenarios.preset("drop", "run.durationS=10"), List.of());
        engine.runToEnd();
        RunSummary summary = engine.summary();
        assertTrue(summary.messagesDropped() > 0);
        assertEquals(1, summary.connections());
    }

    @Test
    void persistTimerProbesBackOffByDoublingAndLandNearTheLinuxMeasurement() {
        // The story's small-buffer case on Linux 6.18 over loopback (tcpflowlab run --engine live -p backpressure
        // --set sockets.clientRcvBuf=4096 --set client.processingDelayMs=500, 2026-11-30): client SO_RCVBUF 4096
        // reading 10 B every 0.5 s, server at about 7,900 sends/s. Linux's probes came 0.216, 0.456, 0.864,
        // 1.728, 3.424 s apart, the first counted from the zero window: base x 1, 2, 4, 8, 16.
        RecordingSink rec = Scenarios.run(Scenarios.defaults(
                "server.sendGapUs=125", "server.overflowPolicy=BLOCK", "sockets.serverSndBuf=4194304",
                "sockets.clientRcvBuf=4096", "client.processingDelayMs=500", "run.durationS=20"));
        List<Long> probes = rec.segments.stream().filter(s -> "zero-window probe".equals(s.note()))
                .map(s -> s.timeNanos()).toList();
        assertTrue(probes.size() >= 6, "probes: " + probes);
        TcpEvent armed = rec.events(EventKind.PERSIST_TIMER).get(0);
        double[] linux = {0.216, 0.456, 0.864, 1.728, 3.424};
        long previous = -1;
        for (int k = 0; k < linux.length; k++) {
            long interval = probes.get(k) - (k == 0 ? lastArmingBefore(rec, probes.get(0)) : probes.get(k - 1));
            if (k == 0) {
                // max(RTO, 200 ms); the RTO is a little above 200 ms, as its RTT samples include the
                // client's delayed ACKs
                assertTrue(interval >= 200_000_000L && interval < 240_000_000L,
                        "first probe after max(RTO, 200 ms): " + interval);
            } else {
                assertEquals(2.0 * previous, interval, 2_000_000, "interval " + k + " doubles");
            }
            double ratio = (interval / 1e9) / linux[k];
            assertTrue(ratio > 0.8 && ratio < 1.25, "interval " + k + " within 25% of Linux: " + ratio);
            previous = interval;
        }
        assertTrue(armed.timeNanos() < probes.get(0));
        // Every probe is in Linux's form: zero length, sequence number one below snd_una.
        rec.segments.stream().filter(s -> "zero-window probe".equals(s.note())).forEach(p -> {
            assertEquals(0, p.payloadLength());
            assertEquals(TcpFlags.ACK, p.flags());
        });
    }

    private static long lastArmingBefore(RecordingSink rec, long t) {
        return rec.events(EventKind.PERSIST_TIMER).stream().mapToLong(TcpEvent::timeNanos).filter(x -> x < t).max().orElseThrow();
    }

    @Test
    void theErrnoNumbersAreLinuxs() {
        assertEquals(104, Errno.ECONNRESET.number());
        assertEquals(32, Errno.EPIPE.number());
        assertEquals(107, Errno.ENOTCONN.number());
        assertEquals(11, Errno.EAGAIN.number());
        assertEquals(111, Errno.ECONNREFUSED.number());
    }
}
