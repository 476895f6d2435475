package tcpflowlab.engine;

import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.sim.Scenarios;
import tcpflowlab.sim.tcp.TcpEndpoint;
import tcpflowlab.telemetry.ErrnoCount;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outcome classes of known presets in the Model, and the rules that make them. */
class OutcomeTest {
    private static ModelEngine run(String preset, String... overrides) {
        Scenario s = Scenarios.preset(preset, overrides);
        ModelEngine engine = new Engines(Scenarios.CODEC).model(s, List.of());
        engine.runToEnd();
        return engine;
    }

    @Test
    void theStoryResets() {
        RunSummary s = run("seed-buggy", "run.durationS=10").summary();
        assertEquals(Outcome.RESET, s.outcome());
        assertTrue(s.messagesLost() > 0 && s.bytesLost() > 0, "each reset discards what the client had not read: " + s);
    }

    @Test
    void dropLosesMessagesWithoutAReset() {
        RunSummary s = run("drop", "run.durationS=10").summary();
        assertEquals(Outcome.LOSSY, s.outcome());
        assertTrue(s.messagesDropped() > 0);
        assertEquals(0, s.messagesLost(), "dropped messages were never written");
    }

    @Test
    void backpressureStallsAndLosesNothing() {
        RunSummary s = run("backpressure", "run.durationS=10").summary();
        assertEquals(Outcome.STALLED, s.outcome());
        assertEquals(0, s.messagesLost());
        assertEquals(0, s.messagesDropped());
    }

    @Test
    void theCureIsClean() {
        RunSummary s = run("seed-fixed", "run.durationS=10").summary();
        assertEquals(Outcome.CLEAN, s.outcome());
    }

    /**
     * What the server wrote is either read, lost on a connection that ended, or still on its way
     * on the connection open at the end: nothing is counted twice or missed.
     */
    @Test
    void lostBytesAreWhatEndedConnectionsNeverDelivered() {
        for (String preset : List.of("seed-buggy", "backpressure", "seed-fixed")) {
            ModelEngine engine = run(preset, "run.durationS=10");
            RunSummary s = engine.summary();
            TcpEndpoint server = engine.serverEndpoint();
            TcpEndpoint client = engine.clientEndpoint();
            boolean lastOpen = !client.closedByApp() && client.state() != tcpflowlab.sim.tcp.TcpState.CLOSED;
            long inTransit = lastOpen && server.connection() == client.connection()
                    ? server.sendBuffer().end() - client.receiveBuffer().readOffset() : 0;
            assertEquals(s.bytesWritten(), s.bytesRead() + s.bytesLost() + inTransit, preset + ": " + s);
        }
    }

    @Test
    void theWorstClassWins() {
        RunSummary clean = run("seed-fixed", "run.durationS=1").summary();
        assertEquals(Outcome.STALLED, with(clean, 5, 0, 0, List.of()).outcome());
        assertEquals(Outcome.LOSSY, with(clean, 5, 0, 3, List.of()).outcome());
        assertEquals(Outcome.RESET, with(clean, 5, 1, 3, List.of()).outcome());
        assertEquals(Outcome.CLEAN, with(clean, -1, 0, 0, List.of()).outcome());
        assertEquals(Outcome.RESET, with(clean, -1, 0, 0, List.of(new ErrnoCount(
                tcpflowlab.telemetry.Errno.ECONNRESET, 1, 7))).outcome(), "an application that saw ECONNRESET");
    }

    private static RunSummary with(RunSummary s, long firstZeroWindow, long resets, long lost, List<ErrnoCount> client) {
        return new RunSummary(s.scenario(), s.engine(), s.seed(), s.durationNanos(), firstZeroWindow, s.firstEagainNanos(),
                -1, s.firstClientErrorNanos(), s.serverErrnos(), client, s.bytesWritten(), s.bytesRead(),
                s.messagesSent(), s.messagesDropped(), s.connections(), s.zeroWindowEvents(), s.zeroWindowSegments(),
                s.zeroWindowProbes(), resets, s.segments(), s.events(), s.engineEvents(), s.peakServerSendQueue(),
                s.peakClientReceiveQueue(), lost, lost);
    }
}
