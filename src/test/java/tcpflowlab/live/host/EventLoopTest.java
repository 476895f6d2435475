package tcpflowlab.live.host;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.tcp.SimSocket;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real-time event loop: timers in order, one-shot readiness, pause, connect's outcome. */
class EventLoopTest {
    private final RunClock clock = new RunClock(1);
    private final List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
    private final EventLoop loop = new EventLoop("test-loop", clock, failures::add);

    @AfterEach
    void stop() throws InterruptedException {
        loop.stop();
        assertTrue(loop.join(5_000), "the loop ends when stopped");
        assertEquals(List.of(), failures);
    }

    @Test
    @Timeout(20)
    void timersFireInTimeOrderTiesInSchedulingOrderNeverEarly() throws Exception {
        List<String> fired = Collections.synchronizedList(new ArrayList<>());
        List<Long> early = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(5);
        long base = clock.now();
        long[] at = {30_000_000L, 10_000_000L, 20_000_000L, 10_000_000L, 0};
        String[] names = {"c", "a1", "b", "a2", "first"};
        for (int i = 0; i < at.length; i++) {
            long due = base + at[i];
            String name = names[i];
            loop.schedule(due, () -> {
                fired.add(name);
                if (clock.now() < due) {
                    early.add(due - clock.now());
                }
                done.countDown();
            });
        }
        loop.start();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("first", "a1", "a2", "b", "c"), fired);
        assertEquals(List.of(), early, "no timer fires before its time");
    }

    @Test
    @Timeout(20)
    void readinessIsOneShotUntilAskedAgain() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel ours = SocketChannel.open(listener.getLocalAddress());
            try (SocketChannel peer = listener.accept()) {
                LiveSocket socket = new LiveSocket(ours, loop, 1, LiveSocketTest.PROC);
                AtomicInteger readable = new AtomicInteger();
                CountDownLatch first = new CountDownLatch(1);
                CountDownLatch second = new CountDownLatch(1);
                loop.schedule(0, () -> socket.onReadable(() -> {
                    readable.incrementAndGet();
                    first.countDown();
                }));
                loop.start();
                peer.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
                assertTrue(first.await(5, TimeUnit.SECONDS));
                // The data stays unread: a level-triggered interest left on would fire again and again.
                Thread.sleep(200);
                assertEquals(1, readable.get(), "one registration, one callback");
                CountDownLatch asked = new CountDownLatch(1);
                loop.post(() -> {
                    socket.onReadable(second::countDown);
                    asked.countDown();
                });
                assertTrue(asked.await(5, TimeUnit.SECONDS));
                assertTrue(second.await(5, TimeUnit.SECONDS), "asking again reports the unread data again");
                loop.post(socket::close);
            }
        }
    }

    @Test
    @Timeout(20)
    void pauseHoldsEveryCallbackStopsTheClockAndShiftsTimers() throws Exception {
        AtomicLong ticks = new AtomicLong();
        long[] firedAt = new long[1];
        CountDownLatch late = new CountDownLatch(1);
        // a callback that keeps the loop busy, as an app's loop does
        loop.schedule(0, new tcpflowlab.sim.SimEvent() {
            @Override
            public void fire() {
                ticks.incrementAndGet();
                loop.after(1_000_000L, this);
            }
        });
        long due = clock.now() + 150_000_000L;
        loop.schedule(due, () -> {
            firedAt[0] = clock.now();
            late.countDown();
        });
        loop.start();
        Thread.sleep(50);
        clock.pause();
        loop.wakeup();
        assertTrue(clock.awaitHeld(5_000), "the loop holds");
        long frozen = clock.now();
        long callbacks = loop.callbacks();
        long t = ticks.get();
        Thread.sleep(300); // longer than the 150 ms timer
        assertEquals(frozen, clock.now(), "the run's clock stands still while paused");
        assertEquals(callbacks, loop.callbacks(), "no callback while paused");
        assertEquals(t, ticks.get());
        assertEquals(1, late.getCount(), "a timer due during the pause waits for Resume");
        clock.resume();
        assertTrue(late.await(5, TimeUnit.SECONDS));
        assertTrue(firedAt[0] >= due, "it fires on the run's clock, shifted by the paused time");
        assertTrue(ticks.get() > t, "the loop goes on after Resume");
    }

    @Test
    @Timeout(20)
    void aRefusedConnectIsTheSocketsPendingErrorThenDone() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ScenarioCodec codec = new ScenarioCodec();
        Scenario scenario = new Presets(codec).load("seed-buggy");
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        LiveWorld world = new LiveWorld() {
            private final AtomicInteger ids = new AtomicInteger();

            @Override
            public Scenario scenario() {
                return scenario;
            }

            @Override
            public void applyKnobs() {
            }

            @Override
            public void event(Side side, EventKind kind, Errno errno, long bytes, int connection, String detail) {
                events.add(kind + " " + detail);
            }

            @Override
            public int openConnection() {
                return ids.incrementAndGet();
            }

            @Override
            public int acceptedConnection() {
                return ids.get();
            }

            @Override
            public boolean clientInProcess() {
                return true;
            }

            @Override
            public void connected(Side side, int connection, int localPort, int remotePort, long bufferBytes) {
            }

            @Override
            public void listening(int p) {
            }

            @Override
            public KernelRows rows() {
                return LiveSocketTest.PROC;
            }
        };
        LiveHost host = LiveHost.client(loop, world, new InetSocketAddress("127.0.0.1", port), Duration.ofSeconds(3));
        CountDownLatch done = new CountDownLatch(1);
        int[] error = new int[1];
        SimSocket[] socket = new SimSocket[1];
        loop.schedule(0, () -> socket[0] = host.connect(() -> {
            error[0] = socket[0].takeError();
            done.countDown();
        }));
        loop.start();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(Errno.ECONNREFUSED.asReturn(), error[0]);
        assertEquals("connect() to 127.0.0.1:" + port + " failed: ECONNREFUSED (111) Connection refused",
                host.lastConnectFailure());
        assertTrue(events.isEmpty(), "the app reports the failure, not the host: " + events);
    }
}
