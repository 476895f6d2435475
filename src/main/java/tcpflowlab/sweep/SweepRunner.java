package tcpflowlab.sweep;

import tcpflowlab.engine.Engines;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a sweep's cells on the Model, {@code jobs} at a time. Each cell is its own deterministic
 * run (same scenario, same seed), so a cell's result does not depend on which thread ran it or
 * when: the results, put in cell order, are identical for any number of jobs.
 */
public final class SweepRunner {
    /** Virtual time run between two looks at the cancel flag. */
    private static final long SLICE_NANOS = 1_000_000_000L;

    private final SweepSpec spec;
    private final ScenarioCodec codec;

    public SweepRunner(SweepSpec spec, ScenarioCodec codec) {
        this.spec = spec;
        this.codec = codec;
    }

    /** Runs one cell to its end on the calling thread; null when cancelled first. */
    public CellResult runCell(int index, BooleanSupplier cancelled) {
        CellMeter meter = new CellMeter();
        List<TelemetrySink> sinks = List.of(meter);
        ModelEngine model = new Engines(codec).model(spec.scenarioOf(index, codec), sinks);
        long end = model.endTime();
        for (long t = SLICE_NANOS; !model.isFinished(); t += SLICE_NANOS) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            model.runUntil(Math.min(t, end));
        }
        return meter.result(index, spec.valuesOf(index), model.summary());
    }

    /**
     * Runs {@code cells} (cell numbers) with {@code jobs} threads. {@code onDone} hears each
     * finished cell as it finishes (from a worker thread, in any order); cells not started when
     * {@code cancelled} turns true are skipped and cells running are abandoned.
     *
     * @return the finished cells, in cell order
     */
    public SweepResult run(List<Integer> cells, int jobs, Consumer<CellResult> onDone, BooleanSupplier cancelled)
            throws InterruptedException {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
        }
        List<CellResult> done = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < cells.size() && !cancelled.getAsBoolean(); i = next.getAndIncrement()) {
                CellResult r = runCell(cells.get(i), cancelled);
                if (r != null) {
                    done.add(r);
                    onDone.accept(r);
                }
            }
        };
        int threads = Math.min(jobs, Math.max(1, cells.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-cell");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        synchronized (done) {
            return new SweepResult(spec, new ArrayList<>(done));
        }
    }

    /** Every cell of the spec. */
    public List<Integer> allCells() {
        return java.util.stream.IntStream.range(0, spec.cellCount()).boxed().toList();
    }

    /** Shard {@code shard} of {@code shards} (1-based): every {@code shards}-th cell from cell {@code shard - 1}. */
    public List<Integer> shard(int shard, int shards) {
        if (shards < 1 || shard < 1 || shard > shards) {
            throw new IllegalArgumentException("shard " + shard + "/" + shards + " is not allowed: write I/N with 1 <= I <= N");
        }
        List<Integer> cells = new ArrayList<>();
        for (int i = shard - 1; i < spec.cellCount(); i += shards) {
            cells.add(i);
        }
        return cells;
    }
}
