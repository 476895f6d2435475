package tcpflowlab.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code --exit-after-first-frame}: the app prints how long it took from process start to its
 * first drawn frame and quits cleanly. The installed image's test uses it to see that the window
 * really appears, and it measures launch time without a stopwatch in front of a screen.
 */
final class FirstFrameExit {
    static final String OPTION = "--exit-after-first-frame";

    private FirstFrameExit() {
    }

    static boolean requested(List<String> args) {
        return args.contains(OPTION);
    }

    /** The options without this one, for the main window (which reports options it does not know). */
    static List<String> without(List<String> args) {
        return args.stream().filter(a -> !OPTION.equals(a)).toList();
    }

    /**
     * Pulses are not started until the previous one's frame has been rendered, so the timer's
     * second tick proves the first frame was drawn.
     */
    static void arm(PrintStream out) {
        new AnimationTimer() {
            private int ticks;

            @Override
            public void handle(long now) {
                if (++ticks < 2) {
                    return;
                }
                stop();
                out.println("first frame after " + sinceProcessStart().toMillis() + " ms");
                out.flush();
                Platform.exit();
            }
        }.start();
    }

    private static Duration sinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()))
                .orElse(Duration.ZERO);
    }
}
