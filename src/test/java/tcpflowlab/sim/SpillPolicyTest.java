package tcpflowlab.sim;

import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.OverflowPolicy;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.sim.app.ClientApp;
import tcpflowlab.sim.app.SpillServerApp;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Sample;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SPILL policy in the Model: nothing lost, FIFO replay, effectively-once at the client. */
class SpillPolicyTest {

    @Test
    void everyMessageReachesTheClientExactlyOnceInOrderDespiteHangUps() {
        RecordingSink rec = new RecordingSink();
        ModelEngine engine = new ModelEngine(Scenarios.preset("spill-and-replay"), List.of(rec));
        engine.runToEnd();
        ClientApp client = engine.client();
        SpillServerApp server = (SpillServerApp) engine.server();
        assertTrue(client.hangUps() >= 5, "the client left " + client.hangUps() + " times");
        assertEquals(0, client.gaps(), "no sequence was skipped");
        assertEquals(client.lastSeen(), client.delivered(), "1 .. N each delivered once");
        assertTrue(client.delivered() > 100_000, "delivered " + client.delivered());
        // This client acknowledges all it read before hanging up, so a replay sends only what it
        // never received; duplicates arise when an acknowledgement is lost (FramesTest).
        assertEquals(server.produced(), server.queue().lastSequence());
        assertTrue(server.produced() - client.delivered() < 5_000,
                "at the end, only the last moments are still waiting: " + (server.produced() - client.delivered()));
        assertTrue(rec.events(EventKind.REPLAY).size() >= 10, "a replay and its completion per return");
        assertTrue(rec.events(EventKind.SPILL).size() >= 5, "each absence spills");
        assertTrue(rec.events(EventKind.DROP).isEmpty());
        long peak = rec.samples.stream().mapToLong(Sample::spillDepthBytes).max().orElseThrow();
        assertTrue(peak > 100_000, "the queue grew while the client was away: " + peak);
        Sample last = rec.samples.get(rec.samples.size() - 1);
        assertTrue(last.spillDepthBytes() < peak / 10, "and drained when it came back");
    }

    @Test
    void aFullQueueMeansBackpressureNeverADrop() {
        RecordingSink rec = new RecordingSink();
        ModelEngine engine = new ModelEngine(Scenarios.preset("spill-and-replay", "server.spillCapacityBytes=65536",
                "client.reconnectBackoffMs=3000", "run.durationS=12"), List.of(rec));
        engine.runToEnd();
        assertTrue(rec.events(e -> e.kind() == EventKind.EAGAIN && e.detail().contains("spill queue is full")).size() > 0);
        assertTrue(rec.events(EventKind.DROP).isEmpty());
        ClientApp client = engine.client();
        assertEquals(0, client.gaps());
        assertEquals(client.lastSeen(), client.delivered());
        assertTrue(rec.samples.stream().allMatch(s -> s.spillDepthBytes() <= 65_536));
    }

    @Test
    void spillCannotBeSwitchedOnOrOffDuringARun() {
        ModelEngine engine = new ModelEngine(Scenarios.preset("seed-buggy"), List.of());
        assertThrows(InvalidScenarioException.class,
                () -> engine.knobs().set(ScenarioField.SERVER_OVERFLOW_POLICY, OverflowPolicy.SPILL));
        ModelEngine spill = new ModelEngine(Scenarios.preset("spill-and-replay"), List.of());
        assertThrows(InvalidScenarioException.class,
                () -> spill.knobs().set(ScenarioField.SERVER_OVERFLOW_POLICY, OverflowPolicy.BLOCK));
        engine.knobs().set(ScenarioField.SERVER_OVERFLOW_POLICY, OverflowPolicy.BLOCK); // between the others, fine
        assertEquals(OverflowPolicy.BLOCK, engine.knobs().projected().server().overflowPolicy());
    }
}
