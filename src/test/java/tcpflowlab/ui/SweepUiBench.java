package tcpflowlab.ui;

import javafx.application.Platform;
import tcpflowlab.scenario.ScenarioField;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Is the app still responsive while a sweep runs (issue 13: FX-thread time per frame unchanged
 * within 20 %)? The real main window under Monocle runs seed-buggy at 1x; the FX thread's CPU
 * and wall time per frame are measured alone, with the benchmark's 20 x 20 sweep running on 1
 * job, on 2 jobs, and alone again. Run with scripts/bench-sweep-ui.sh.
 */
public final class SweepUiBench {
    static final int PHASE_SECONDS = Integer.getInteger("sweepbench.seconds", 15);

    private SweepUiBench() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        MainController m = UiBench.openWindow(1600, 1000);
        System.out.printf(Locale.ROOT, "TCP Flow Lab sweep responsiveness bench: java %s, %d cores, %d s per phase%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), PHASE_SECONDS);
        UiBench.onFx(() -> {
            m.loadPreset("seed-buggy");
            m.model().edit(ScenarioField.RUN_DURATION, 3600.0);
            m.runs().setSpeed(1.0);
            m.onRun();
        });
        Thread.sleep(5_000); // the window fills, the JIT warms up
        phase(m, "main window alone", 0);
        phase(m, "main window + 20x20 sweep, 1 job", 1);
        phase(m, "main window + 20x20 sweep, 1 job, Sweep window hidden (the sweep's threads alone)", -1);
        phase(m, "main window + 20x20 sweep, 2 jobs", 2);
        busyPhase(m);
        phase(m, "main window alone, again", 0);
        UiBench.onFx(m::shutdown);
        Platform.exit();
        System.exit(0);
    }

    /**
     * The same with one thread spinning instead of a sweep: how much of a change comes from any
     * busy thread sharing the machine's cores with the FX thread, not from the Sweep view.
     */
    private static void busyPhase(MainController m) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread busy = new Thread(() -> {
            long x = 0;
            while (!stop.get()) {
                x += System.nanoTime() % 7;
            }
            if (x == 42) {
                System.out.print("");
            }
        }, "busy");
        busy.setDaemon(true);
        busy.start();
        phase(m, "main window + 1 busy thread, no sweep", 0);
        stop.set(true);
        busy.join();
    }

    /**
     * Measures frames for PHASE_SECONDS, with a sweep on {@code jobs} jobs running (none for 0;
     * -1: one job with the Sweep window hidden, so only its threads compete with the FX thread).
     */
    private static void phase(MainController m, String title, int jobsOrHidden) throws Exception {
        SweepController[] sweep = new SweepController[1];
        int jobs = Math.abs(jobsOrHidden);
        if (jobs > 0) {
            UiBench.onFx(() -> {
                SweepController s = m.sweepWindow().controller();
                m.sweepWindow().show();
                s.axis1().select(ScenarioField.CLIENT_READ_SIZE);
                s.axis1().from().setText("10");
                s.axis1().to().setText("65536");
                s.axis1().count().setText("20");
                s.axis1().scale().setValue(SweepAxisRow.LOG);
                s.secondKnob().setSelected(true);
                s.axis2().select(ScenarioField.CLIENT_PROCESSING_DELAY);
                s.axis2().from().setText("0");
                s.axis2().to().setText("50");
                s.axis2().count().setText("20");
                s.durationField().setText("60");
                s.jobsSpinner().getValueFactory().setValue(jobs);
                s.onRun();
                if (jobsOrHidden < 0) {
                    m.sweepWindow().stage().hide();
                }
                sweep[0] = s;
            });
            Thread.sleep(2_000);
        }
        long[] wall = new long[1 << 14];
        long[] cpu = new long[1 << 14];
        int[] n = new int[2];
        int[] cells = new int[2];
        long[] maps = new long[2];
        UiBench.onFx(() -> {
            m.frames().resetStats();
            m.frames().setFrameObserver(t -> {
                if (n[0] < wall.length) {
                    wall[n[0]++] = t;
                }
            });
            m.frames().setCpuObserver(t -> {
                if (n[1] < cpu.length) {
                    cpu[n[1]++] = t;
                }
            });
            if (sweep[0] != null) {
                cells[0] = sweep[0].job().doneCount();
                maps[0] = sweep[0].map().renders();
            }
        });
        long t0 = System.nanoTime();
        Thread.sleep(PHASE_SECONDS * 1000L);
        double seconds = (System.nanoTime() - t0) / 1e9;
        UiBench.onFx(() -> {
            m.frames().setFrameObserver(t -> { });
            m.frames().setCpuObserver(t -> { });
            if (sweep[0] != null) {
                cells[1] = sweep[0].job().doneCount();
                maps[1] = sweep[0].map().renders();
                sweep[0].onCancel();
            }
        });
        UiBench.report(title + " (wall time)", wall, n[0], seconds, new long[] {m.frames().droppedFrames(), 0});
        UiBench.report("  same frames, FX-thread CPU time", cpu, Math.min(n[0], n[1]), Double.NaN, null);
        if (sweep[0] != null) {
            System.out.printf(Locale.ROOT, "  sweep: %.2f cells/s, map drawn %.1f times/s%n",
                    (cells[1] - cells[0]) / seconds, (maps[1] - maps[0]) / seconds);
            long deadline = System.nanoTime() + 60_000_000_000L;
            boolean[] ended = new boolean[1];
            while (!ended[0] && System.nanoTime() < deadline) {
                UiBench.onFx(() -> ended[0] = sweep[0].result() != null);
                Thread.sleep(100);
            }
        }
    }
}
