package tcpflowlab.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.TcpEvent;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Live run reports only its own connection: while other connections on this host reset and
 * stall, a seed-fixed run (a draining client: it neither resets nor stalls) must show no reset
 * and no zero window. Host-wide kernel counters would report the neighbours' as its own.
 */
class BusyNeighboursTest {
    private static final ScenarioCodec CODEC = new ScenarioCodec();
    private static final Set<EventKind> NOT_OURS = Set.of(EventKind.RST_SENT, EventKind.RST_RECEIVED,
            EventKind.ZERO_WINDOW, EventKind.ZERO_WINDOW_PROBE);

    @Test
    @Timeout(60)
    void withACaptureWherePermitted() throws Exception {
        neighboursResettingAndStallingAreNotThisRunsEvents(LiveOptions.both());
    }

    @Test
    @Timeout(60)
    void withCaptureForcedOff() throws Exception {
        neighboursResettingAndStallingAreNotThisRunsEvents(LiveOptions.both().withCapture(false));
    }

    private static void neighboursResettingAndStallingAreNotThisRunsEvents(LiveOptions options) throws Exception {
        Scenario s = CODEC.withOverrides(new Presets(CODEC).load("seed-fixed"), List.of("run.durationS=4"));
        LiveEngineTest.Recorded rec = new LiveEngineTest.Recorded();
        try (NoisyNeighbours neighbours = new NoisyNeighbours(20_000)) {
            LiveRun run = new LiveRun(s, List.of(rec), options, CODEC);
            run.start();
            assertTrue(run.awaitEnd(20_000), "the run ends by itself");
            assertTrue(neighbours.resets.get() > 0, "the neighbours did reset meanwhile");
            if (!options.captureAllowed()) {
                assertTrue(!run.captured(), "capture was forced off: " + run.telemetrySource());
            }
        }
        List<TcpEvent> wrong;
        synchronized (rec.events) {
            wrong = rec.events.stream().filter(e -> NOT_OURS.contains(e.kind())).toList();
        }
        assertEquals(List.of(), wrong, "events of other connections reported as this run's");
    }
}
