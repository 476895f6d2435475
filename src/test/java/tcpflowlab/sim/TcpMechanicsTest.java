package tcpflowlab.sim;

import org.junit.jupiter.api.Test;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpFlags;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TCP details behind the story, one at a time. */
class TcpMechanicsTest {

    @Test
    void segmentsNeverExceedTheMssAndTheHandshakeCarriesItsOptions() {
        RecordingSink rec = Scenarios.run(Scenarios.defaults("sockets.mss=1460", "server.messageSize=65536",
                "server.overflowPolicy=BLOCK", "client.strategy=DRAIN", "client.readSize=65536",
                "client.processingDelayMs=0", "run.durationS=0.05"));
        assertTrue(rec.segments.stream().allMatch(s -> s.payloadLength() <= 1460));
        assertTrue(rec.segments.stream().filter(s -> s.payloadLength() == 1460).count() > 100);
        SegmentRecord syn = rec.segments.get(0);
        assertEquals(TcpFlags.SYN, syn.flags());
        assertEquals(Side.CLIENT, syn.from());
        assertEquals(TcpFlags.SYN | TcpFlags.ACK, rec.segments.get(1).flags());
        assertEquals((syn.seq() + 1) & 0xFFFF_FFFFL, rec.segments.get(1).ack());
    }

    @Test
    void theHandshakeTakesOneRoundTripOfTheLink() {
        RecordingSink rec = Scenarios.run(Scenarios.defaults("link.delayUs=5000", "run.durationS=0.1"));
        long connect = rec.events(EventKind.CONNECT).get(0).timeNanos();
        // SYN out and SYN-ACK back: two one-way delays plus two 52-byte serializations at 10 Gbit/s.
        assertEquals(10_000_000L + 2 * 42, connect, 2);
    }

    @Test
    void delayedAcksWaitFortyMillisecondsForALoneSegment() {
        RecordingSink rec = Scenarios.run(Scenarios.defaults("sockets.ackMode=DELAYED", "server.sendGapUs=200000",
                "client.replySize=0", "client.logPeer=false", "run.durationS=0.5"));
        SegmentRecord data = rec.segments.stream().filter(s -> s.from() == Side.SERVER && s.payloadLength() > 0)
                .skip(1).findFirst().orElseThrow();
        SegmentRecord ack = rec.segments.stream().filter(s -> s.from() == Side.CLIENT && s.timeNanos() > data.timeNanos()
                && s.ack() == ((data.seq() + data.payloadLength()) & 0xFFFF_FFFFL)).findFirst().orElseThrow();
        assertEquals(40_000_000L, ack.timeNanos() - data.timeNanos(), 100_000, "ACK after the 40 ms delayed-ACK timer");
    }

    @Test
    void nagleKeepsAtMostOneSmallSegmentInFlight() {
        String[] common = {"server.sendGapUs=0", "server.callCostNs=1000", "server.overflowPolicy=BLOCK",
                "client.strategy=DRAIN", "client.processingDelayMs=0", "client.readSize=65536", "link.delayUs=1000",
                "sockets.clientRcvBuf=1048576", "run.durationS=0.05"};
        RecordingSink withNagle = Scenarios.run(Scenarios.defaults(concat(common, "sockets.nagle=true")));
        RecordingSink noDelay = Scenarios.run(Scenarios.defaults(concat(common, "sockets.nagle=false")));
        long dataWithNagle = count(withNagle.segments);
        long dataNoDelay = count(noDelay.segments);
        // 1 µs per 13-byte write and a 2 ms round trip: Nagle sends about one segment per round
        // trip, TCP_NODELAY one per write.
        assertTrue(dataWithNagle < 100, "with Nagle: " + dataWithNagle);
        assertTrue(dataNoDelay > 10_000, "with TCP_NODELAY: " + dataNoDelay);
    }

    private static long count(List<SegmentRecord> segments) {
        return segments.stream().filter(s -> s.from() == Side.SERVER && s.payloadLength() > 0).count();
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }

    @Test
    void readingTenBytesDoesNotReopenAClosedWindow() {
        // Receiver silly-window avoidance: the window reopens only once a whole segment's worth of
        // memory is free again, and Linux frees a packet only when it has been read to its end.
        RecordingSink rec = Scenarios.run(Scenarios.preset("backpressure", "run.durationS=10"));
        long firstZero = rec.events(EventKind.ZERO_WINDOW).get(0).timeNanos();
        long reopened = rec.events(EventKind.WINDOW_UPDATE).stream().mapToLong(e -> e.timeNanos())
                .filter(t -> t > firstZero).min().orElseThrow();
        // The client reads 10 B every 5 ms: 4096 B take about 2 s (the kernel, too, stayed shut for
        // more than 4 s in a loopback run of this preset).
        assertTrue(reopened - firstZero > 1_500_000_000L, "window reopened after " + (reopened - firstZero) + " ns");
        long update = rec.events(EventKind.WINDOW_UPDATE).stream().filter(e -> e.timeNanos() == reopened)
                .findFirst().orElseThrow().bytes();
        assertTrue(update >= 4096, "a worthwhile window: " + update);
    }

    @Test
    void autotuningLetsASlowReadersKernelAcceptFarMoreThanTheRequestedBuffer() {
        String[] story = {"server.sendGapUs=125", "client.processingDelayMs=5", "run.durationS=20"};
        RecordingSink pinned = Scenarios.run(Scenarios.defaults(story));
        RecordingSink tuned = Scenarios.run(Scenarios.defaults(concat(story, "sockets.autotune=true")));
        long pinnedPeak = pinned.samples.stream().mapToLong(s -> s.clientReceiveQueue()).max().orElseThrow();
        long tunedPeak = tuned.samples.stream().mapToLong(s -> s.clientReceiveQueue()).max().orElseThrow();
        long tunedSendPeak = tuned.samples.stream().mapToLong(s -> s.serverSendCapacity()).max().orElseThrow();
        assertTrue(pinnedPeak <= 2 * 131_072, "pinned: at most the doubled buffer: " + pinnedPeak);
        assertTrue(tunedPeak > 2 * 131_072, "autotuned receive queue grew to " + tunedPeak);
        assertTrue(tunedSendPeak > 16_384, "autotuned send buffer grew to " + tunedSendPeak);
        // Measured on Linux: time to failure depends heavily on autotuning.
        long pinnedReset = pinned.events(EventKind.RST_SENT).get(0).timeNanos();
        long tunedReset = tuned.events(EventKind.RST_SENT).stream().mapToLong(e -> e.timeNanos()).min().orElse(Long.MAX_VALUE);
        assertTrue(tunedReset > 3 * pinnedReset, "pinned reset at " + pinnedReset + ", autotuned at " + tunedReset);
    }
}
