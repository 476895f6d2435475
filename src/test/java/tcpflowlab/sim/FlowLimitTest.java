package tcpflowlab.sim;

import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.sweep.CellMeter;
import tcpflowlab.sweep.CellResult;
import tcpflowlab.sweep.SweepMetric;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.FlowLimit;
import tcpflowlab.telemetry.FlowLimitShares;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What held the Model's sender back, in scenarios whose answer is known. */
class FlowLimitTest {

    private static Map<FlowLimit, Integer> tally(List<Sample> samples) {
        Map<FlowLimit, Integer> m = new EnumMap<>(FlowLimit.class);
        for (Sample s : samples) {
            m.merge(s.flowLimit(), 1, Integer::sum);
        }
        return m;
    }

    private static FlowLimit mostPeriods(Scenario s) {
        Map<FlowLimit, Integer> m = tally(Scenarios.run(s).samples);
        return m.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Test
    void everyModelSampleSaysWhatLimitedTheFlow() {
        RecordingSink r = Scenarios.run(Scenarios.preset("seed-buggy", "run.durationS=2"));
        assertFalse(r.samples.isEmpty());
        assertTrue(r.samples.stream().noneMatch(s -> s.flowLimit() == FlowLimit.UNKNOWN));
    }

    @Test
    void aServerThatWritesEvery5msIsLimitedByItsApp() {
        assertEquals(FlowLimit.APP, mostPeriods(Scenarios.defaults("server.sendGapUs=5000", "client.strategy=DRAIN",
                "client.processingDelayMs=0", "run.durationS=2")));
    }

    @Test
    void aLinkJustFastEnoughForTheAppIsTheLimit() {
        // 1,000 B messages every 8.6 ms; at 1 Mbit/s one takes 8.4 ms to serialise with its headers
        assertEquals(FlowLimit.LINK, mostPeriods(Scenarios.defaults("link.bandwidthMbps=1", "server.messageSize=1000",
                "server.sendGapUs=8600", "client.strategy=DRAIN", "client.readSize=65536",
                "client.processingDelayMs=0", "run.durationS=2")));
    }

    @Test
    void aFastServerBlockingOnASmallSendBufferWithAFastReaderIsLimitedByTheSendBuffer() {
        assertEquals(FlowLimit.SEND_BUFFER, mostPeriods(Scenarios.defaults("server.overflowPolicy=BLOCK",
                "sockets.serverSndBuf=4096", "link.bandwidthMbps=10", "server.messageSize=1000",
                "client.strategy=DRAIN", "client.readSize=65536", "client.processingDelayMs=0", "run.durationS=2")));
    }

    @Test
    void seedBuggyIsLimitedByTheReceiversWindowFromTheZeroWindowToTheEagain() {
        RecordingSink r = Scenarios.run(Scenarios.preset("seed-buggy", "run.durationS=30"));
        long zero = r.events(e -> e.kind() == EventKind.ZERO_WINDOW && e.side() == Side.CLIENT).get(0).timeNanos();
        long eagain = r.events(e -> e.kind() == EventKind.EAGAIN && e.side() == Side.SERVER).get(0).timeNanos();
        long period = Math.round(Scenarios.preset("seed-buggy").run().samplePeriodMs() * 1e6);
        List<Sample> between = r.samples.stream()
                .filter(s -> s.timeNanos() - period >= zero && s.timeNanos() <= eagain).toList();
        assertTrue(between.size() > 1000, "periods wholly between the zero window and EAGAIN: " + between.size());
        assertTrue(between.stream().allMatch(s -> s.flowLimit() == FlowLimit.RECEIVE_WINDOW), tally(between)::toString);
        // the server closed on EAGAIN: until the client reconnects (100 ms later) it has nothing to send
        List<Sample> closed = r.samples.stream()
                .filter(s -> s.timeNanos() - period > eagain && s.timeNanos() < eagain + 50_000_000L).toList();
        assertTrue(closed.size() > 40);
        assertTrue(closed.stream().allMatch(s -> s.flowLimit() == FlowLimit.APP), tally(closed)::toString);
    }

    @Test
    void theFirstCauseInOrderWinsWhereSeveralHold() {
        assertEquals(FlowLimit.RECEIVE_WINDOW, SenderLimit.of(true, true, true));
        assertEquals(FlowLimit.RECEIVE_WINDOW, SenderLimit.of(true, false, false));
        assertEquals(FlowLimit.SEND_BUFFER, SenderLimit.of(false, true, true));
        assertEquals(FlowLimit.SEND_BUFFER, SenderLimit.of(false, true, false));
        assertEquals(FlowLimit.LINK, SenderLimit.of(false, false, true));
        assertEquals(FlowLimit.APP, SenderLimit.of(false, false, false));
    }

    @Test
    void aPeriodReportsTheCauseThatHeldLongestAndTheFirstInOrderOnATie() {
        FlowLimit[] now = {FlowLimit.APP};
        FlowLimitMeter meter = new FlowLimitMeter(() -> now[0]);
        assertEquals(FlowLimit.APP, meter.endPeriod(), "no time passed: the state at that instant");
        meter.advancing(0, 300);
        now[0] = FlowLimit.LINK;
        meter.advancing(300, 700);
        assertEquals(FlowLimit.LINK, meter.endPeriod());
        now[0] = FlowLimit.APP;
        meter.advancing(700, 900);
        now[0] = FlowLimit.SEND_BUFFER;
        meter.advancing(900, 1100);
        assertEquals(FlowLimit.SEND_BUFFER, meter.endPeriod(), "200 ns each: the send buffer comes first");
        assertEquals(400, meter.runNanos(FlowLimit.APP) - 100);
    }

    @Test
    void sharesOfTimeAddToOneAndMatchTheSweepMetrics() {
        FlowLimitShares shares = new FlowLimitShares();
        CellMeter cell = new CellMeter();
        ModelEngine engine = new ModelEngine(Scenarios.preset("seed-buggy", "run.durationS=10"),
                List.<TelemetrySink>of(shares, cell), Scenarios.CODEC);
        engine.runToEnd();
        double sum = shares.shares().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, sum, 1e-9);
        assertEquals(4, shares.shares().size());
        assertEquals(0, shares.unknownNanos());
        CellResult result = cell.result(0, List.of(), engine.summary());
        assertEquals(shares.share(FlowLimit.RECEIVE_WINDOW), result.metrics().get(SweepMetric.LIMIT_RECEIVE_WINDOW), 1e-12);
        assertEquals(shares.share(FlowLimit.APP), result.metrics().get(SweepMetric.LIMIT_APP), 1e-12);
        assertTrue(shares.share(FlowLimit.RECEIVE_WINDOW) > 0.1, shares.shares()::toString);
        assertTrue(shares.share(FlowLimit.APP) > 0.1, shares.shares()::toString);
    }

    @Test
    void sharesWeighEachCauseByItsPeriodAndAreEmptyWhenNothingIsKnown() {
        FlowLimitShares shares = new FlowLimitShares();
        shares.onSample(sample(0, FlowLimit.LINK));
        shares.onSample(sample(1_000, FlowLimit.APP));
        shares.onSample(sample(4_000, FlowLimit.RECEIVE_WINDOW));
        shares.onSample(sample(4_000, FlowLimit.LINK));
        assertEquals(0.25, shares.share(FlowLimit.APP), 1e-12);
        assertEquals(0.75, shares.share(FlowLimit.RECEIVE_WINDOW), 1e-12);
        assertEquals(0.0, shares.share(FlowLimit.LINK), 1e-12);
        FlowLimitShares none = new FlowLimitShares();
        none.onSample(sample(0, FlowLimit.UNKNOWN));
        none.onSample(sample(5, FlowLimit.UNKNOWN));
        assertTrue(none.shares().isEmpty());
        assertTrue(Double.isNaN(none.share(FlowLimit.APP)));
    }

    private static Sample sample(long t, FlowLimit f) {
        return new Sample(t, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, f);
    }
}
