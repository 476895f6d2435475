package tcpflowlab.run;

import tcpflowlab.sim.ModelEngine;

import tcpflowlab.engine.Knobs;
import tcpflowlab.engine.Run;
import tcpflowlab.engine.RunState;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.engine.StopCondition;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Runs a {@link ModelEngine} on its own thread: paced to the wall clock at a speed factor
 * (virtual time = speed x wall time since the last resume), or as fast as possible. The model
 * itself never reads the wall clock; the caller passes one in, which keeps the engine
 * deterministic and lets tests drive pacing with a fake clock.
 */
public final class ModelRun implements Run {
    /** How long the engine thread sleeps between paced slices, and the longest slice at max speed. */
    private static final long SLICE_NANOS = 2_000_000;
    /** Engine events per slice of {@link #runUntil}: about a millisecond of work. */
    static final long STEP_SLICE_EVENTS = 20_000;

    /** Sleeps the calling thread; injected so tests need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final ModelEngine engine;
    private final LongSupplier wallClock;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile RunState state = RunState.READY;
    private volatile double speed = 1.0;
    private volatile long virtualNow;
    private volatile Throwable failure;
    private volatile java.util.function.BooleanSupplier backlogged = () -> false;
    private volatile double maxSpeedShare = 1.0;
    private long wallAtResume;
    private long virtualAtResume;
    private Thread thread;

    public ModelRun(ModelEngine engine, LongSupplier wallClock, Sleeper sleeper) {
        this.engine = engine;
        this.wallClock = wallClock;
        this.sleeper = sleeper;
    }

    /** A run paced by {@link System#nanoTime()} and {@link Thread#sleep}: for the CLI and UI. */
    public static ModelRun withSystemClock(ModelEngine engine) {
        return new ModelRun(engine, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    @Override
    public void start() {
        lock.lock();
        try {
            if (state != RunState.READY && state != RunState.PAUSED) {
                return;
            }
            if (thread == null) {
                markResumed();
                startThread(RunState.RUNNING);
            } else {
                resume();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void pause() {
        lock.lock();
        try {
            if (state == RunState.RUNNING) {
                state = RunState.PAUSED;
                changed.signalAll();
            } else if (state == RunState.READY) {
                // Paused before starting: the thread waits, so step() and resume() both work.
                startThread(RunState.PAUSED);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void resume() {
        lock.lock();
        try {
            if (state == RunState.PAUSED) {
                markResumed();
                state = RunState.RUNNING;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * On the caller's thread, in slices of {@link #STEP_SLICE_EVENTS} engine events with the lock
     * released between them, so pause, stop and the UI's reads stay responsive however far the
     * condition is; a backlogged reader makes it wait, as at max speed.
     */
    @Override
    public boolean runUntil(StopCondition condition) {
        StopCondition target;
        lock.lock();
        try {
            if (state == RunState.READY) {
                startThread(RunState.PAUSED);
            }
            if (state != RunState.PAUSED) {
                return false;
            }
            target = condition.anchoredAt(engine.now());
        } finally {
            lock.unlock();
        }
        while (true) {
            lock.lock();
            try {
                if (state != RunState.PAUSED) {
                    return false; // stopped, or resumed by someone else
                }
                ModelEngine.StopResult r;
                try {
                    r = engine.runUntil(target, STEP_SLICE_EVENTS);
                } catch (RuntimeException | Error e) {
                    failure = e;
                    state = RunState.FAILED;
                    changed.signalAll();
                    return false;
                }
                virtualNow = engine.now();
                if (engine.isFinished()) {
                    state = RunState.FINISHED;
                    changed.signalAll();
                }
                if (r != ModelEngine.StopResult.BUDGET_SPENT) {
                    return r == ModelEngine.StopResult.MET;
                }
            } finally {
                lock.unlock();
            }
            if (backlogged.getAsBoolean()) {
                try {
                    sleeper.sleepNanos(SLICE_NANOS / 2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    @Override
    public void stop() {
        lock.lock();
        try {
            if (state == RunState.READY || state == RunState.RUNNING || state == RunState.PAUSED) {
                state = RunState.STOPPED;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setSpeed(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed must be > 0, got " + factor);
        }
        lock.lock();
        try {
            markResumed();
            speed = factor;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public double speed() {
        return speed;
    }

    @Override
    public RunState state() {
        return state;
    }

    @Override
    public long timeNanos() {
        return virtualNow;
    }

    @Override
    public Knobs knobs() {
        return engine.knobs();
    }

    /**
     * A reader that cannot keep up (the UI's recorder) makes the engine pause between slices
     * at max speed, instead of the hand-off dropping data.
     */
    public void setBackpressure(java.util.function.BooleanSupplier backlogged) {
        this.backlogged = backlogged;
    }

    /**
     * At max speed, the share of wall time the engine thread may compute (0 < share <= 1); it
     * sleeps for the rest. A desktop app on a small machine sets less than 1 so the threads that
     * draw the charts get a core; headless runs keep 1.
     */
    public void setMaxSpeedShare(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("max-speed share must be in (0, 1], got " + share);
        }
        this.maxSpeedShare = share;
    }

    @Override
    public String failure() {
        Throwable t = failure;
        return t == null ? null : "the Model stopped on an internal error: " + t;
    }

    /** The error that ended the run, when {@link #state()} is FAILED: for a report or a test. */
    public Throwable failureCause() {
        return failure;
    }

    /** Taken between slices, so the engine's counters are consistent. */
    @Override
    public RunSummary summary() {
        lock.lock();
        try {
            return engine.summary();
        } finally {
            lock.unlock();
        }
    }

    /** The queues and counters at this instant, taken between slices like {@link #summary()}. */
    public tcpflowlab.telemetry.Sample snapshot() {
        lock.lock();
        try {
            return engine.snapshot();
        } finally {
            lock.unlock();
        }
    }

    public ModelEngine engine() {
        return engine;
    }

    @Override
    public boolean awaitEnd(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        lock.lock();
        try {
            while (!isEnded()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean isEnded() {
        return state == RunState.FINISHED || state == RunState.STOPPED || state == RunState.FAILED;
    }

    /** Starts the engine thread in the given state; call with the lock held. */
    private void startThread(RunState initial) {
        state = initial; // the engine starts (the server listens) at its first slice or step
        thread = new Thread(this::loop, "model-engine");
        thread.setDaemon(true);
        thread.start();
    }

    private void markResumed() {
        wallAtResume = wallClock.getAsLong();
        virtualAtResume = engine.now();
    }

    private void loop() {
        try {
            while (true) {
                long sleepFor = 0;
                lock.lock();
                try {
                    while (state == RunState.PAUSED) {
                        changed.await();
                    }
                    if (isEnded()) {
                        return;
                    }
                    double s = speed;
                    if (Double.isInfinite(s)) {
                        long wallStart = wallClock.getAsLong();
                        // A bounded slice, so pause/stop/step stay responsive at max speed.
                        while (!engine.isFinished() && wallClock.getAsLong() - wallStart < SLICE_NANOS) {
                            if (backlogged.getAsBoolean()) {
                                sleepFor = SLICE_NANOS / 2;
                                break;
                            }
                            long until = engine.now() + 1_000_000;
                            engine.runUntil(until);
                        }
                        double share = maxSpeedShare;
                        if (share < 1 && sleepFor == 0) {
                            sleepFor = (long) ((wallClock.getAsLong() - wallStart) * (1 - share) / share);
                        }
                    } else {
                        long wallElapsed = wallClock.getAsLong() - wallAtResume;
                        long target = virtualAtResume + (long) (wallElapsed * s);
                        engine.runUntil(Math.max(target, engine.now()));
                        sleepFor = SLICE_NANOS;
                    }
                    virtualNow = engine.now();
                    if (engine.isFinished()) {
                        state = RunState.FINISHED;
                        changed.signalAll();
                        return;
                    }
                } finally {
                    lock.unlock();
                }
                if (sleepFor > 0) {
                    sleeper.sleepNanos(sleepFor);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = RunState.STOPPED;
        } catch (RuntimeException | Error e) {
            failure = e;
            lock.lock();
            try {
                state = RunState.FAILED;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
