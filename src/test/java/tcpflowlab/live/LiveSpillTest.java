package tcpflowlab.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.spill.SpillConfig;
import tcpflowlab.spill.SpillQueue;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.engine.RunState;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SPILL policy end to end on loopback and a real disk. */
class LiveSpillTest {
    private static final ScenarioCodec CODEC = new ScenarioCodec();

    @Test
    @Timeout(90)
    void thirtySecondsOfHangUpsAndEveryMessageArrivesOnceInOrder(@TempDir Path dir) throws Exception {
        Scenario s = CODEC.withOverrides(new Presets(CODEC).load("spill-and-replay"), List.of("run.durationS=30"));
        LiveEngineTest.Recorded rec = new LiveEngineTest.Recorded();
        LiveRun run = new LiveRun(s, List.of(rec), LiveOptions.both().withSpillDir(dir), CODEC);
        run.start();
        assertTrue(run.awaitEnd(60_000));
        assertEquals(RunState.FINISHED, run.state(), "" + run.failure());
        tcpflowlab.sim.app.ClientApp client = run.client();
        assertTrue(client.hangUps() >= 5, "the client dropped the connection " + client.hangUps() + " times");
        assertEquals(0, client.gaps(), "no sequence skipped");
        assertEquals(client.lastSeen(), client.delivered(), "every sequence 1 .. N exactly once, in order");
        assertTrue(client.delivered() > 100_000, "delivered " + client.delivered());
        assertTrue(rec.of(EventKind.REPLAY).size() >= 10, "a replay and its completion per return");
        assertTrue(rec.of(EventKind.SOCKET_ERROR).stream().noneMatch(e -> e.side() == tcpflowlab.telemetry.Side.SERVER
                && e.detail().contains("dropped")));
        synchronized (rec.samples) {
            long peakMessages = rec.samples.stream().mapToLong(x -> x.spillDepthMessages()).max().orElse(0);
            assertTrue(peakMessages > 5_000, "the queue's depth in messages is sampled: " + peakMessages);
            assertTrue(rec.samples.stream().anyMatch(x -> x.spillDepthBytes() > 100_000), "and in bytes");
            assertTrue(rec.samples.stream().anyMatch(x -> x.spillFsyncNanos() > 0), "and the fsync latency");
        }
        long produced = ((tcpflowlab.sim.app.SpillServerApp) run.server()).produced();
        // What the client has not acknowledged is still on disk, durable, for its next return.
        try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir))) {
            assertEquals(produced, q.lastSequence(), "every produced message was kept");
            assertTrue(q.committedSequence() >= client.lastSeen() - 1_000 && q.committedSequence() <= client.lastSeen(),
                    "the committed position follows the client's acknowledgements");
        }
    }

    @Test
    @Timeout(60)
    void everyRangeRecoveryFoundLostIsAnEvent(@TempDir Path dir) throws Exception {
        byte[] hello = "Hello World!\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir).withPolicy(tcpflowlab.spill.FsyncPolicy.OS))) {
            for (int i = 0; i < 100; i++) {
                q.append(hello);
            }
        }
        Path seg = java.nio.file.Files.list(dir).filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        byte[] b = java.nio.file.Files.readAllBytes(seg);
        b[49 * (16 + hello.length) + 20] ^= 0x40; // a payload byte of record 50
        java.nio.file.Files.write(seg, b);
        Scenario s = CODEC.withOverrides(new Presets(CODEC).load("spill-and-replay"), List.of("run.durationS=2"));
        LiveEngineTest.Recorded rec = new LiveEngineTest.Recorded();
        LiveRun run = new LiveRun(s, List.of(rec), LiveOptions.both().withSpillDir(dir), CODEC);
        run.start();
        assertTrue(run.awaitEnd(30_000));
        assertTrue(rec.of(EventKind.SPILL).stream().anyMatch(e -> e.detail().contains("sequence 50 lost")),
                "the lost record is an event: " + rec.of(EventKind.SPILL));
    }
}
