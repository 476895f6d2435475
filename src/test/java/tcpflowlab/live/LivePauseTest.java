package tcpflowlab.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpflowlab.live.host.EventLoop;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.app.ServerApp;
import tcpflowlab.engine.RunState;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pause in Live: both apps hold (no socket call, no timer, no event), the clock stops; Resume goes on. */
class LivePauseTest {
    private static final ScenarioCodec CODEC = new ScenarioCodec();

    @Test
    @Timeout(60)
    void pauseHoldsBothAppsAndTheClockWhileTheKernelKeepsWhatItHas() throws Exception {
        Scenario s = CODEC.withOverrides(new Presets(CODEC).load("seed-fixed"), List.of("run.durationS=20"));
        LiveEngineTest.Recorded rec = new LiveEngineTest.Recorded();
        LiveRun run = new LiveRun(s, List.of(rec), LiveOptions.both(), CODEC);
        run.start();
        try {
            waitFor(() -> run.client() != null && run.client().bytesRead() > 10_000);
            run.pause();
            assertEquals(RunState.PAUSED, run.state());
            long time = run.timeNanos();
            long written = run.server().bytesWritten();
            long read = run.client().bytesRead();
            long callbacks = run.loops().stream().mapToLong(EventLoop::callbacks).sum();
            int events = rec.events.size();
            int samples = rec.samples.size();
            LiveRun.Half client = run.clientHalf();
            long queued = receiveQueue(client);
            Thread.sleep(500);
            assertEquals(time, run.timeNanos(), "the run's clock stands still");
            assertEquals(written, run.server().bytesWritten(), "the server made no send() while paused");
            assertEquals(read, run.client().bytesRead(), "the client made no recv() while paused");
            assertEquals(callbacks, run.loops().stream().mapToLong(EventLoop::callbacks).sum(),
                    "no app callback (timer or readiness) ran while paused");
            assertEquals(events, rec.events.size(), "no event while paused: " + rec.events.subList(events, rec.events.size()));
            synchronized (rec.samples) {
                // a probe tick that had already read the kernel when Pause came may still land,
                // stamped no later than the pause; nothing after it
                List<tcpflowlab.telemetry.Sample> late = rec.samples.subList(samples, rec.samples.size());
                assertTrue(late.size() <= 1 && late.stream().allMatch(x -> x.timeNanos() <= time),
                        "no sample at a time that does not move: " + late);
            }
            assertTrue(receiveQueue(client) >= queued, "nobody drains the client's receive queue: the kernel keeps it");
            long resumedAt = System.nanoTime();
            run.resume();
            assertEquals(RunState.RUNNING, run.state());
            waitFor(() -> run.client().bytesRead() > read && run.server().bytesWritten() > written);
            long advanced = run.timeNanos() - time;
            assertTrue(advanced > 0, "the clock goes on after Resume");
            assertTrue(advanced <= System.nanoTime() - resumedAt, "and does not count the pause: " + advanced);
        } finally {
            run.stop();
            run.awaitEnd(10_000);
        }
    }

    @Test
    @Timeout(60)
    void theSendLoopGoesBackToTheEventLoopOnlyOnceInManyMessages() throws Exception {
        Scenario s = CODEC.withOverrides(new Presets(CODEC).load("backpressure"),
                List.of("run.durationS=2", "server.sendGapUs=0", "client.strategy=DRAIN", "client.processingDelayMs=0",
                        "client.readSize=65536", "client.replySize=0"));
        LiveRun run = new LiveRun(s, List.of(), LiveOptions.both(), CODEC);
        run.start();
        assertTrue(run.awaitEnd(30_000));
        assertEquals(RunState.FINISHED, run.state(), "" + run.failure());
        long messages = ((ServerApp) run.server()).messagesSent();
        long callbacks = run.loops().get(0).callbacks();
        assertTrue(messages > 10_000, "sent " + messages);
        assertTrue(messages >= 16L * callbacks, "no timer or selector round per message: " + messages
                + " messages in " + callbacks + " server callbacks");
        // events/s still counts every send, as the Model counts its events: the inline ones too
        long events = run.loops().get(0).events();
        assertTrue(events >= messages / 2, events + " events counted for " + messages + " messages");
        assertTrue(run.eventsProcessed() >= events);
    }

    private static long receiveQueue(LiveRun.Half h) {
        ProcRows rows = new ProcRows(java.nio.file.Path.of("/proc"));
        return rows.row(h.localPort(), h.remotePort()).map(TcpSocketRow::rxQueue).orElse(0L);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1_000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "condition not met within 10 s");
    }
}
