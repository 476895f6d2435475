package tcpflowlab.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpflowlab.live.LiveOptions;
import tcpflowlab.live.LiveRun;
import tcpflowlab.run.ModelRun;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.sim.RecordingSink;
import tcpflowlab.sim.Scenarios;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One factory for both engines, and the same Run API (failure, summary, knobs) on each. */
class EnginesTest {
    private final Engines engines = new Engines(Scenarios.CODEC);

    @Test
    @Timeout(60)
    void bothKindsRunTheScenarioAndSummariseTheSameWay() throws Exception {
        for (Engines.Kind kind : Engines.Kind.values()) {
            RecordingSink sink = new RecordingSink();
            tcpflowlab.scenario.Scenario scenario = Scenarios.preset("seed-fixed", "run.durationS=0.5");
            Run run = engines.run(kind, scenario, List.of(sink), LiveOptions.both());
            assertEquals(kind == Engines.Kind.MODEL ? ModelRun.class : LiveRun.class, run.getClass());
            run.setSpeed(Double.POSITIVE_INFINITY);
            run.start();
            assertTrue(run.awaitEnd(30_000), kind + " ends");
            assertEquals(RunState.FINISHED, run.state(), kind + ": " + run.failure());
            assertNull(run.failure());
            RunSummary s = run.summary();
            assertEquals(kind.cliName(), s.engine());
            assertEquals("seed-fixed", s.scenario());
            assertTrue(s.bytesRead() > 0, kind + " read something: " + s);
            assertFalse(sink.samples.isEmpty(), kind + " sent samples to the sink given");
            assertEquals(scenario, run.knobs().projected(), "no knob turned");
        }
    }

    @Test
    @Timeout(30)
    void aFailedRunSaysWhyThroughTheRunInterface() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = engines.run(Engines.Kind.LIVE, Scenarios.preset("seed-buggy"), List.of(),
                    LiveOptions.serverOnly(new InetSocketAddress("127.0.0.1", taken.getLocalPort())));
            run.start();
            assertEquals(RunState.FAILED, run.state());
            assertTrue(run.failure().contains("port is in use"), run.failure());
        }
    }

    @Test
    void engineNamesAreParsedAsTypedAndShownCapitalised() {
        assertEquals(Engines.Kind.MODEL, Engines.Kind.parse("model"));
        assertEquals(Engines.Kind.LIVE, Engines.Kind.parse("live"));
        assertEquals("Live", Engines.Kind.LIVE.toString());
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> Engines.Kind.parse("kernel"));
        assertEquals("--engine kernel is not an engine; engines: model, live", e.getMessage());
    }
}
