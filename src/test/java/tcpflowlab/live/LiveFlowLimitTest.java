package tcpflowlab.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpflowlab.engine.RunState;
import tcpflowlab.live.wire.KernelFlowLimit;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.FlowLimit;
import tcpflowlab.telemetry.Sample;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What limits the flow on the real kernel, loopback only, the run bounded by its duration. */
class LiveFlowLimitTest {
    private static final ScenarioCodec CODEC = new ScenarioCodec();

    @Test
    @Timeout(60)
    void aLiveRunSaysWhatLimitedTheFlowOrWhyItCannot() throws Exception {
        // backpressure: the slow client's window closes and the server waits; nothing is reset
        Scenario s = CODEC.withOverrides(new Presets(CODEC).load("backpressure"),
                List.of("run.durationS=4", "client.reconnect=false"));
        LiveEngineTest.Recorded rec = new LiveEngineTest.Recorded();
        LiveRun run = new LiveRun(s, List.of(rec), LiveOptions.both().withCapture(false), CODEC);
        run.start();
        assertTrue(run.awaitEnd(20_000), "the run ends by itself");
        assertEquals(RunState.FINISHED, run.state(), "failure: " + run.failure());
        Set<FlowLimit> causes;
        synchronized (rec.samples) {
            causes = rec.samples.stream().map(Sample::flowLimit).collect(Collectors.toSet());
        }
        Optional<String> why = KernelFlowLimit.unavailable(System.getProperty("os.name"), System.getProperty("os.version"));
        if (why.isPresent()) {
            assertEquals(Set.of(FlowLimit.UNKNOWN), causes);
            assertTrue(rec.of(EventKind.LISTEN).stream().anyMatch(e -> e.detail().equals(why.get())), rec.events::toString);
            return;
        }
        assertTrue(causes.contains(FlowLimit.RECEIVE_WINDOW), "the window closed for seconds, yet: " + causes);
        synchronized (rec.samples) {
            long known = rec.samples.stream().filter(x -> x.flowLimit() != FlowLimit.UNKNOWN).count();
            assertTrue(known > rec.samples.size() / 2, known + " of " + rec.samples.size() + " samples known");
        }
    }
}
