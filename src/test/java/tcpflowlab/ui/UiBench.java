package tcpflowlab.ui;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.engine.RunState;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures the desktop app under Monocle (software rendering, no display): the real main
 * window, the model at max speed, frame rate and FX-thread time per frame. Two cases:
 * (1) 4 series x 100k visible points: seed-buggy sampled every 0.1 ms, a 10 s window;
 * (2) a 1-hour virtual run (sampled every 1 ms) in whatever heap the JVM was given
 * (scripts/bench-ui.sh uses -Xmx256m): frame time in the first and last tenth of the run.
 * Run with scripts/bench-ui.sh; prints a report for BENCHMARKS.md.
 */
public final class UiBench {
    /** Speed of the 1-hour run: fast enough to finish in 18 s, slow enough for hundreds of frames. */
    static final double HOUR_SPEED = 200;

    private UiBench() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        MainController m = openWindow(Integer.getInteger("uibench.width", 1600), Integer.getInteger("uibench.height", 1000));
        System.out.printf(Locale.ROOT, "TCP Flow Lab UI bench: window %dx%d, java %s, %d cores, max heap %d MiB, Monocle %s, prism %s%n",
                Integer.getInteger("uibench.width", 1600), Integer.getInteger("uibench.height", 1000),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("monocle.platform"),
                System.getProperty("prism.order"));

        // Case 1: 4 series x 100k visible points at max speed.
        long[] frameTimes = new long[1 << 16];
        long[] cpuTimes = new long[1 << 16];
        int[] n = new int[1];
        int[] nc = new int[1];
        onFx(() -> {
            m.model().loadPreset("seed-buggy");
            m.model().edit(tcpflowlab.scenario.ScenarioField.RUN_SAMPLE_PERIOD, 0.1);
            m.model().edit(tcpflowlab.scenario.ScenarioField.RUN_DURATION, 600.0);
            m.model().timeWindowProperty().set(AppModel.TimeWindow.LAST_10_S);
            m.runs().setSpeed(Double.POSITIVE_INFINITY);
            m.frames().setFrameObserver(t -> {
                if (n[0] < frameTimes.length) {
                    frameTimes[n[0]++] = t;
                }
            });
            m.frames().setCpuObserver(t -> {
                if (nc[0] < cpuTimes.length) {
                    cpuTimes[nc[0]++] = t;
                }
            });
            m.onRun();
        });
        // Let the run reach 10 s of virtual time first, so the window is full.
        waitUntil(m, () -> m.frameData().history().lastTime() >= 10.5, 120);
        long[] renders = new long[2];
        long[] presentNanos = new long[2];
        onFx(() -> {
            n[0] = 0;
            nc[0] = 0;
            m.frames().resetStats();
            renders[0] = m.charts().viewer().renderer().renders();
            presentNanos[0] = m.charts().viewer().renderer().presentNanos();
        });
        long renderCpu0 = renderThreadCpu();
        long wall0 = System.nanoTime();
        Thread.sleep(10_000);
        long renderCpu = renderThreadCpu() - renderCpu0;
        long[] visible = new long[1];
        long[] samplesInWindow = new long[1];
        long[] dropped = new long[2];
        long[] pulses = new long[1];
        onFx(() -> {
            pulses[0] = m.frames().pulses();
            renders[1] = m.charts().viewer().renderer().renders() - renders[0];
            presentNanos[1] = m.charts().viewer().renderer().presentNanos() - presentNanos[0];
            visible[0] = m.charts().flowChart().datasets().get(0).getItemCount(0);
            var hist = m.frameData().history();
            samplesInWindow[0] = Math.round((hist.lastTime() - Math.max(hist.oldestRecentTime(), hist.lastTime() - 10)) / 0.0001);
            dropped[0] = m.frames().droppedFrames();
            dropped[1] = m.runs().recorder() == null ? 0 : m.runs().recorder().dropped();
            m.runs().pause();
        });
        double wall = (System.nanoTime() - wall0) / 1e9;
        int frames = n[0];
        report("case 1: seed-buggy at max speed, 0.1 ms samples, 10 s window (wall time)", frameTimes, frames, wall, dropped);
        report("  same frames, FX-thread CPU time", cpuTimes, Math.min(nc[0], frames), Double.NaN, null);
        System.out.printf(Locale.ROOT, "  JavaFX pulses/s %.1f (frames run on pulses; a pulse waits for the renderer)%n", pulses[0] / wall);
        System.out.printf(Locale.ROOT, "  chart images drawn off the FX thread and shown: %.1f/s, render thread CPU %.2f ms per image, "
                + "FX-thread wall time to copy an image to the screen %.2f ms%n",
                renders[1] / wall, renders[1] == 0 ? 0 : renderCpu / 1e6 / renders[1],
                renders[1] == 0 ? 0 : presentNanos[1] / 1e6 / renders[1]);
        System.out.printf(Locale.ROOT, "  samples in the visible window per series %,d (chart 1 has 4 series); drawn as %,d envelope points%n",
                samplesInWindow[0], visible[0]);

        // Case 2: a 1-hour virtual run.
        long[] hourFrames = new long[1 << 18];
        long[] hourCpu = new long[1 << 18];
        int[] hc = new int[1];
        double[] frameVirtual = new double[1 << 18];
        int[] h = new int[1];
        onFx(() -> {
            m.onReset();
            m.model().loadPreset("seed-buggy");
            m.model().edit(tcpflowlab.scenario.ScenarioField.RUN_DURATION, 3600.0);
            m.model().timeWindowProperty().set(AppModel.TimeWindow.LAST_1_MIN);
            m.runs().setSpeed(HOUR_SPEED);
            m.frames().resetStats();
            m.frames().setFrameObserver(t -> {
                if (h[0] < hourFrames.length) {
                    frameVirtual[h[0]] = m.frameData().history().isEmpty() ? 0 : m.frameData().history().lastTime();
                    hourFrames[h[0]++] = t;
                }
            });
            m.frames().setCpuObserver(t -> {
                if (hc[0] < hourCpu.length) {
                    hourCpu[hc[0]++] = t;
                }
            });
            m.onRun();
        });
        long hourStart = System.nanoTime();
        waitUntil(m, () -> m.runs().state() == RunState.FINISHED || m.runs().state() == RunState.FAILED, 3600);
        double hourWall = (System.nanoTime() - hourStart) / 1e9;
        RunState end = onFxGet(() -> m.runs().state());
        long[] dropped2 = new long[2];
        onFx(() -> {
            dropped2[0] = m.frames().droppedFrames();
            dropped2[1] = m.runs().recorder() == null ? 0 : m.runs().recorder().dropped();
        });
        System.gc();
        long used = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.out.printf(Locale.ROOT, "case 2: 1-hour virtual run at 200x (seed-buggy, 1 ms samples, 1 min window): %s in %.1f s wall, "
                + "heap used after GC %d MiB of %d MiB%n", end, hourWall, used, Runtime.getRuntime().maxMemory() >> 20);
        int frames2 = h[0];
        List<long[]> tenths = List.of(slice(hourFrames, frameVirtual, frames2, 0, 360), slice(hourFrames, frameVirtual, frames2, 3240, 3600));
        report("  first tenth (0-360 s virtual)", tenths.get(0), tenths.get(0).length, Double.NaN, null);
        report("  last tenth (3240-3600 s virtual)", tenths.get(1), tenths.get(1).length, Double.NaN, null);
        long[] cpuFirst = slice(hourCpu, frameVirtual, Math.min(frames2, hc[0]), 0, 360);
        long[] cpuLast = slice(hourCpu, frameVirtual, Math.min(frames2, hc[0]), 3240, 3600);
        report("  first tenth, FX-thread CPU time", cpuFirst, cpuFirst.length, Double.NaN, null);
        report("  last tenth, FX-thread CPU time", cpuLast, cpuLast.length, Double.NaN, null);
        System.out.printf(Locale.ROOT, "  frames %d, %.1f frames/s, dropped frames %d, samples/events dropped at hand-off %d%n",
                frames2, frames2 / hourWall, dropped2[0], dropped2[1]);
        onFx(m::shutdown);
        Platform.exit();
        System.exit(end == RunState.FINISHED ? 0 : 1);
    }

    /** The real main window on a stage of its own, started from a thread other than the FX thread. */
    static MainController openWindow(int width, int height) throws InterruptedException {
        AtomicReference<MainController> main = new AtomicReference<>();
        onFx(() -> {
            try {
                Parent root = TcpFlowLabApp.load(null, new ScenarioCodec(), Files.createTempDirectory("uibench").resolve("r"));
                MainController m = (MainController) root.getProperties().get(MainController.class);
                Stage stage = new Stage();
                Scene scene = new Scene(root, width, height);
                scene.getStylesheets().add(TcpFlowLabApp.resource("/assets/css/app.css").toExternalForm());
                stage.setScene(scene);
                m.attach(stage);
                stage.show();
                main.set(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return main.get();
    }

    /** CPU time of the thread that draws the charts into images, nanoseconds. */
    private static long renderThreadCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("tcpflowlab-chart-render"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
    }

    private static long[] slice(long[] times, double[] virtual, int n, double from, double to) {
        return Arrays.stream(Arrays.copyOf(times, n).length == 0 ? new long[0] : indices(n))
                .filter(i -> virtual[(int) i] >= from && virtual[(int) i] < to).map(i -> times[(int) i]).toArray();
    }

    private static long[] indices(int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    static void report(String title, long[] times, int n, double wallSeconds, long[] dropped) {
        long[] t = Arrays.copyOf(times, n);
        Arrays.sort(t);
        if (n == 0) {
            System.out.println(title + ": no frames");
            return;
        }
        double mean = Arrays.stream(t).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "%s%n    FX-thread time per frame: mean %.2f ms, median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (%d frames)%n",
                title, mean, t[n / 2] / 1e6, t[(int) (n * 0.95)] / 1e6, t[Math.min(n - 1, (int) (n * 0.99))] / 1e6,
                t[n - 1] / 1e6, n);
        if (!Double.isNaN(wallSeconds)) {
            System.out.printf(Locale.ROOT, "    frames/s %.1f over %.1f s; dropped frames %d; samples/events dropped at hand-off %d%n",
                    n / wallSeconds, wallSeconds, dropped[0], dropped[1]);
        }
    }

    private interface Check {
        boolean ok();
    }

    private static void waitUntil(MainController m, Check check, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean[] ok = new boolean[1];
            onFx(() -> ok[0] = check.ok());
            if (ok[0]) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out");
    }

    static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
    }

    private static <T> T onFxGet(java.util.function.Supplier<T> s) throws InterruptedException {
        AtomicReference<T> r = new AtomicReference<>();
        onFx(() -> r.set(s.get()));
        return r.get();
    }
}
