package tcpflowlab.live.host;

import tcpflowlab.sim.SimEvent;
import tcpflowlab.sim.app.AppClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One side's real-time event loop, as a C program's poll() loop: one thread, a selector for
 * socket readiness and a heap of timers on the run's {@link RunClock}. Applications run on it
 * as they run on the Model's simulator: every callback runs on this thread, one at a time.
 * While the run is paused the loop holds between callbacks; the kernel goes on.
 */
public final class EventLoop implements AppClock {
    /** Calls a send loop makes inline before the loop looks at its timers and sockets again. */
    static final int INLINE_CALLS = 64;
    /** Timers fired in one turn before the sockets get a look. */
    private static final int TIMERS_PER_TURN = 64;
    private static final long LONGEST_WAIT_MS = 100;
    /**
     * How late a timer may fire and still give its callback its due time as "now": an app that
     * paces itself (next = now + gap) then keeps its rate although the thread wakes late (a busy
     * machine); later than this, it reads the real time and does not burst to catch up.
     */
    private static final long CATCH_UP_NANOS = 100_000_000L;

    /** What a registered channel does when the selector reports it ready. */
    public interface Ready {
        void ready(SelectionKey key);
    }

    private record Timer(long at, long order, SimEvent event) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private final String name;
    private final RunClock clock;
    private final Selector selector;
    private final Consumer<RuntimeException> onFailure;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final java.util.Queue<SimEvent> posted = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<Runnable> turnHooks = new ArrayList<>();
    private final List<Runnable> exitHooks = new ArrayList<>();
    private volatile boolean running = true;
    private Thread thread;
    private long order;
    private long nextDue = Long.MAX_VALUE;
    /** The current callback's time: a timer's due time, a readiness report's arrival, an inline call's. */
    private long callbackNow;
    private int inlineCalls;
    private volatile long callbacks;
    /** Sends continued inline: plain, so the fast path stays free of a volatile write; published per callback. */
    private long inlineEvents;
    private volatile long inlineEventsSeen;

    /**
     * @param onFailure gets what an application callback threw; the loop then ends
     */
    public EventLoop(String name, RunClock clock, Consumer<RuntimeException> onFailure) {
        this.name = name;
        this.clock = clock;
        this.onFailure = onFailure;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ clock and timers

    /**
     * The time of the callback running now (loop thread): as on the Model's clock, a loop of
     * calls sees the time each call was made at, so pacing adds up without drift. Never ahead
     * of the run's clock.
     */
    @Override
    public long now() {
        return callbackNow;
    }

    /** Loop thread only (or before {@link #start}). */
    @Override
    public void schedule(long at, SimEvent event) {
        timers.add(new Timer(at, order++, event));
        if (at < nextDue) {
            nextDue = at;
        }
    }

    /**
     * The send loop's fast path: true while nothing is due (no timer, no pause, and the
     * sockets had a look within the last {@link #INLINE_CALLS} calls), so a loop of send()
     * calls pays neither a selector call nor a timer operation per message (nor a clock read,
     * when it has no gap to keep).
     */
    public boolean continueInline(long next) {
        if (++inlineCalls >= INLINE_CALLS) {
            inlineCalls = 0;
            return false;
        }
        if (clock.isPaused() || !running) {
            return false;
        }
        if (next <= callbackNow && nextDue > callbackNow) {
            inlineEvents++;
            return true; // no gap: the clock need not be read; a timer due meanwhile waits at most N calls
        }
        long now = clock.now();
        if (next <= now && nextDue > now) {
            callbackNow = Math.max(callbackNow, next);
            inlineEvents++;
            return true;
        }
        return false;
    }

    /** Runs the event on the loop thread as soon as it can (any thread). */
    public void post(SimEvent event) {
        posted.add(event);
        wakeup();
    }

    /** Runs {@code hook} once per turn of the loop (a durable queue's group commit). */
    public void everyTurn(Runnable hook) {
        turnHooks.add(hook);
    }

    /** Runs {@code hook} on the loop thread after the loop has ended. */
    public void atExit(Runnable hook) {
        exitHooks.add(hook);
    }

    // ------------------------------------------------------------------ sockets

    /** Registers a channel (made non-blocking) with no interest yet. */
    public SelectionKey register(SelectableChannel ch, Ready handler) throws IOException {
        ch.configureBlocking(false);
        return ch.register(selector, 0, handler);
    }

    // ------------------------------------------------------------------ running

    public void start() {
        callbackNow = clock.now();
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the loop (any thread); it closes its channels on the way out. */
    public void stop() {
        running = false;
        wakeup();
    }

    /** Makes the loop look at the clock now (a pause, a stop): any thread. */
    public void wakeup() {
        try {
            selector.wakeup();
        } catch (ClosedSelectorException e) {
            // the loop has ended
        }
    }

    public boolean join(long millis) throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            return true;
        }
        t.join(Math.max(1, millis));
        return !t.isAlive();
    }

    public boolean isRunning() {
        return running;
    }

    /** Application callbacks run so far (timers and readiness): a test's view of activity. */
    public long callbacks() {
        return callbacks;
    }

    /**
     * Application events run so far: callbacks and the send loop's inline continuations (each a
     * timer the Model would have scheduled), counted as the Model counts its events.
     */
    public long events() {
        return callbacks + inlineEventsSeen;
    }

    private void run() {
        try {
            while (running) {
                if (clock.isPaused()) {
                    clock.hold(() -> !running);
                    continue;
                }
                SimEvent p;
                while ((p = posted.poll()) != null) {
                    callbackNow = Math.max(callbackNow, clock.now());
                    fire(p);
                }
                int fired = fireDueTimers();
                for (Runnable hook : turnHooks) {
                    hook.run();
                }
                if (!running) {
                    break;
                }
                select(fired < TIMERS_PER_TURN ? nextDue - clock.now() : 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            running = false;
            onFailure.accept(e);
        } finally {
            running = false;
            closeAll();
            clock.loopEnded();
        }
    }

    private int fireDueTimers() {
        long now = clock.now();
        int fired = 0;
        while (nextDue <= now && fired < TIMERS_PER_TURN && running && !clock.isPaused()) {
            Timer t = timers.poll();
            Timer head = timers.peek();
            nextDue = head == null ? Long.MAX_VALUE : head.at();
            fired++;
            callbackNow = Math.max(callbackNow, Math.max(t.at(), now - CATCH_UP_NANOS));
            fire(t.event());
        }
        return fired;
    }

    private void fire(SimEvent e) {
        callbacks++;
        inlineEventsSeen = inlineEvents;
        inlineCalls = 0;
        e.fire();
    }

    private void select(long waitNanos) {
        try {
            int n;
            if (waitNanos <= 0) {
                n = selector.selectNow();
            } else if (waitNanos >= 1_000_000L) {
                n = selector.select(Math.min(LONGEST_WAIT_MS, waitNanos / 1_000_000L));
            } else {
                // select() counts in milliseconds: a sub-millisecond timer parks instead
                n = selector.selectNow();
                if (n == 0) {
                    LockSupport.parkNanos(waitNanos);
                }
            }
            if (n == 0) {
                return;
            }
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext() && running && !clock.isPaused()) {
                SelectionKey key = it.next();
                it.remove();
                if (key.isValid()) {
                    callbackNow = clock.now();
                    callbacks++;
                    inlineCalls = 0;
                    ((Ready) key.attachment()).ready(key);
                }
            }
            // Keys left over (a pause came in between) are reported again by the next select.
            selector.selectedKeys().clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeAll() {
        try {
            for (SelectionKey key : List.copyOf(selector.keys())) {
                try {
                    key.channel().close();
                } catch (IOException e) {
                    // the run is over: closing is all we want
                }
            }
            selector.close();
        } catch (IOException | ClosedSelectorException e) {
            // already closed
        }
        for (Runnable hook : exitHooks) {
            hook.run();
        }
    }
}
