package tcpflowlab.live.wire;

import tcpflowlab.telemetry.TelemetrySink;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Opens the best {@link ConnectionTruth} this machine allows: a loopback capture when it is
 * permitted and not turned off, else per-connection polling, which says why there is no
 * capture in its {@link ConnectionTruth#description}.
 */
public final class ConnectionTruths {
    private ConnectionTruths() {
    }

    /**
     * Starts a source for the run's connections; it runs until closed.
     *
     * @param sink receives segments and events, from the source's own thread (serialize it with
     *        the run's other producers)
     * @param runClock nanoseconds since the run started: events and segments are timed on it
     */
    public static ConnectionTruth open(TruthOptions options, TelemetrySink sink, LongSupplier runClock) {
        String whyNot = "capture turned off";
        if (options.capture() == TruthOptions.CaptureChoice.WHEN_PERMITTED) {
            // The wall-clock instant of the run's time 0, asked for each packet: pauses (and the
            // capture's own start-up, during which the run's clock stands still) move it later.
            CaptureTruth.Attempt a = CaptureTruth.start(options, sink, () -> {
                Instant now = Instant.now();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano() - runClock.getAsLong();
            });
            if (a.truth() != null) {
                return a.truth();
            }
            whyNot = a.whyNot();
        }
        PollingTruth polling = new PollingTruth(options, sink, runClock, whyNot);
        polling.start();
        return polling;
    }
}
