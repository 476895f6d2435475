package tcpflowlab.sim;

import org.junit.jupiter.api.Test;
import tcpflowlab.run.ModelRun;
import tcpflowlab.scenario.AckMode;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.engine.RunState;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Knobs turned while a run goes: validated at once, applied at the next app call, recorded. */
class RunKnobsTest {

    @Test
    void raisingTheReadSizeMidRunEndsTheZeroWindows() throws Exception {
        RecordingSink rec = new RecordingSink();
        ModelEngine engine = new ModelEngine(Scenarios.preset("backpressure", "run.durationS=40"), List.of(rec));
        engine.runUntil(10_000_000_000L);
        long zeroWindowsBefore = rec.events(EventKind.ZERO_WINDOW).size();
        assertTrue(zeroWindowsBefore > 0, "the slow reader closes the window");

        Thread other = new Thread(() -> engine.knobs().setReadSize(65_536));
        other.start();
        other.join();
        assertEquals(65_536, engine.knobs().projected().client().readSize());
        engine.runToEnd();

        TcpEvent change = rec.events(EventKind.KNOB_CHANGED).get(0);
        assertEquals(Side.CLIENT, change.side());
        assertEquals("read size 10 B -> 65536 B", change.detail());
        assertTrue(change.timeNanos() >= 10_000_000_000L);
        long settled = change.timeNanos() + 2_000_000_000L;
        assertTrue(rec.events(e -> e.kind() == EventKind.ZERO_WINDOW && e.timeNanos() > settled).isEmpty(),
                "no zero window once the client reads 64 KiB per loop");
        assertEquals(65_536, engine.currentScenario().client().readSize());
    }

    /**
     * Server data segments in the 200 ms before a socket knob turned at 0.5 s and in the 200 ms
     * starting 0.2 s after it: small writes (100 B a millisecond) whose delayed ACKs hold Nagle
     * back send one data segment per 40 ms until the change.
     */
    private static long[] dataSegmentsAroundChange(ScenarioField field, Object value) {
        RecordingSink rec = new RecordingSink();
        ModelEngine engine = new ModelEngine(Scenarios.defaults("server.messageSize=100", "server.sendGapUs=1000",
                "server.overflowPolicy=BLOCK", "client.strategy=DRAIN", "client.readSize=4096", "client.replySize=0",
                "sockets.ackMode=DELAYED", "run.durationS=1"), List.of(rec), Scenarios.CODEC);
        engine.runUntil(500_000_000L);
        engine.knobs().set(field, value);
        engine.runToEnd();
        long[] counts = new long[2];
        for (SegmentRecord g : rec.segments) {
            if (g.from() == Side.SERVER && g.payloadLength() > 0) {
                long t = g.timeNanos();
                counts[0] += t >= 300_000_000L && t < 500_000_000L ? 1 : 0;
                counts[1] += t >= 700_000_000L && t < 900_000_000L ? 1 : 0;
            }
        }
        return counts;
    }

    @Test
    void socketKnobsChangedMidRunReachTheOpenConnection() {
        long[] nagleOff = dataSegmentsAroundChange(ScenarioField.SOCKETS_NAGLE, false);
        assertTrue(nagleOff[0] > 0 && nagleOff[1] >= 20 * nagleOff[0], "Nagle off on the open connection: every 100 B"
                + " write goes at once (" + nagleOff[0] + " data segments in 200 ms before, " + nagleOff[1] + " after)");
        long[] immediate = dataSegmentsAroundChange(ScenarioField.SOCKETS_ACK_MODE, AckMode.IMMEDIATE);
        assertTrue(immediate[0] > 0 && immediate[1] >= 20 * immediate[0], "immediate ACKs on the open connection"
                + " release Nagle at once (" + immediate[0] + " data segments in 200 ms before, " + immediate[1] + " after)");
    }

    @Test
    void invalidAndNotLiveValuesAreRefusedWithFieldValueAndRange() {
        ModelEngine engine = new ModelEngine(Scenarios.preset("seed-buggy"), List.of());
        InvalidScenarioException tooBig = assertThrows(InvalidScenarioException.class,
                () -> engine.knobs().setReadSize(2_000_000));
        assertTrue(tooBig.getMessage().contains("client.readSize"), tooBig.getMessage());
        assertTrue(tooBig.getMessage().contains("2000000"), tooBig.getMessage());
        assertTrue(tooBig.getMessage().contains("1 .. 1048576 B"), tooBig.getMessage());
        InvalidScenarioException negative = assertThrows(InvalidScenarioException.class,
                () -> engine.knobs().setProcessingDelayMs(-1));
        assertTrue(negative.getMessage().contains("0 .. 2000 ms"), negative.getMessage());
        assertThrows(InvalidScenarioException.class, () -> engine.knobs().set(ScenarioField.RUN_DURATION, 10.0));
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> engine.knobs().set(ScenarioField.CLIENT_READ_SIZE, "4096"));
        assertTrue(wrongType.getMessage().contains("client.readSize"), wrongType.getMessage());
        assertEquals(10, engine.knobs().projected().client().readSize(), "refused values change nothing");
    }

    @Test
    void aValueAlreadySetIsNoChangeAndQueuedChangesApplyInOrder() {
        RecordingSink rec = new RecordingSink();
        ModelEngine engine = new ModelEngine(Scenarios.preset("seed-buggy", "run.durationS=1"), List.of(rec));
        engine.knobs().setReadSize(10); // the preset's value
        engine.knobs().setReadSize(100);
        engine.knobs().setReadSize(4096);
        engine.runToEnd();
        assertEquals(List.of("read size 10 B -> 100 B", "read size 100 B -> 4096 B"),
                rec.events(EventKind.KNOB_CHANGED).stream().map(TcpEvent::detail).toList());
        assertEquals(4096, engine.currentScenario().client().readSize());
    }

    @Test
    void modelRunPausesStepsResumesAndFinishesOnItsOwnThread() throws Exception {
        RecordingSink rec = new RecordingSink();
        ModelEngine engine = new ModelEngine(Scenarios.preset("seed-buggy", "run.durationS=2"), List.of(rec));
        AtomicLong fakeWall = new AtomicLong();
        // A fake wall clock that advances 1 ms per sleep: paced mode runs without real waiting.
        ModelRun run = new ModelRun(engine, fakeWall::get, nanos -> {
            fakeWall.addAndGet(nanos);
            Thread.yield();
        });
        run.pause();
        assertEquals(RunState.PAUSED, run.state());
        assertTrue(run.step());
        assertTrue(run.step());
        long afterSteps = run.timeNanos();
        assertTrue(afterSteps >= 0);
        run.setSpeed(10.0);
        // Changed while paused, so it is applied at the first socket call after the resume: set
        // after resume() it raced the run thread, which on the fake clock can finish first.
        run.knobs().setProcessingDelayMs(1.0);
        run.resume();
        assertTrue(run.state() == RunState.RUNNING || run.state() == RunState.FINISHED, run.state()::toString);
        assertTrue(run.awaitEnd(60_000), "paced run at 10x on the fake clock finishes");
        assertEquals(RunState.FINISHED, run.state());
        assertEquals(2_000_000_000L, run.timeNanos());
        assertFalse(rec.events(EventKind.KNOB_CHANGED).isEmpty());
        assertFalse(run.step(), "nothing to step after the end");
    }

    @Test
    void steppingBeforeStartThenResumingRunsToTheEnd() throws Exception {
        ModelEngine engine = new ModelEngine(Scenarios.preset("seed-buggy", "run.durationS=1"), List.of());
        ModelRun run = ModelRun.withSystemClock(engine);
        assertEquals(RunState.READY, run.state());
        assertTrue(run.step());
        assertEquals(RunState.PAUSED, run.state());
        run.setSpeed(Double.POSITIVE_INFINITY);
        run.resume();
        assertTrue(run.awaitEnd(30_000), "resumed at max speed, the run finishes");
        assertEquals(RunState.FINISHED, run.state());
    }

    @Test
    void stopEndsARunningRun() throws Exception {
        ModelEngine engine = new ModelEngine(Scenarios.preset("seed-fixed", "run.durationS=3600"), List.of());
        ModelRun run = ModelRun.withSystemClock(engine);
        run.setSpeed(1.0);
        run.start();
        assertEquals(RunState.RUNNING, run.state());
        run.stop();
        assertTrue(run.awaitEnd(10_000));
        assertEquals(RunState.STOPPED, run.state());
        assertThrows(IllegalArgumentException.class, () -> run.setSpeed(0));
    }
}
