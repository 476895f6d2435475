package tcpflowlab.cli;

import tcpflowlab.engine.Engines;
import tcpflowlab.live.LiveOptions;
import tcpflowlab.live.LiveRun;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.engine.RunState;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Runs the Live engine from the command line: in-process both sides, or one side facing a real peer. */
final class LiveCommands {
    private LiveCommands() {
    }

    /** What a Live run came to, and why its client never connected, if it did not. */
    record Result(RunSummary summary, Optional<String> clientNeverConnected) {
    }

    static RunSummary runLive(Scenario scenario, List<TelemetrySink> sinks, LiveOptions options, ScenarioCodec codec,
                              PrintWriter err, boolean quiet, StopSignals signals, BooleanSupplier outputFailed) {
        return run(scenario, sinks, options, codec, err, quiet, signals, outputFailed).summary();
    }

    static Result run(Scenario scenario, List<TelemetrySink> sinks, LiveOptions options, ScenarioCodec codec,
                       PrintWriter err, boolean quiet, StopSignals signals, BooleanSupplier outputFailed) {
        LiveRun run = new Engines(codec).live(scenario, sinks, options);
        signals.onStop(() -> signals.received().ifPresent(k -> run.stop("the run was interrupted by " + k.label())));
        run.start();
        if (run.state() == RunState.FAILED) {
            throw failed(run);
        }
        if (options.runsServer() && !quiet) {
            err.println("listening on port " + run.listenPort());
            err.flush();
        }
        long durationMs = Math.round(scenario.run().durationS() * 1000);
        try {
            long waited = 0;
            while (!run.awaitEnd(1000)) {
                if (outputFailed.getAsBoolean()) {
                    run.stop("the run stopped: its output could not be written");
                }
                waited += 1000;
                if (!quiet) {
                    err.printf("\r%.0f / %.0f s", waited / 1000.0, durationMs / 1000.0);
                    err.flush();
                }
            }
            // The threads finish their own cleanup (a temporary spill directory) before the files are closed.
            run.awaitThreads(StopSignals.GRACE_SECONDS * 1000L / 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop();
        }
        if (!quiet) {
            err.println();
        }
        if (run.state() == RunState.FAILED) {
            throw failed(run);
        }
        return new Result(run.summary(), run.clientNeverConnected());
    }

    /** A socket that could not be used (a port in use, a privileged port ...) is a failure, exit 1, not bad input. */
    private static UncheckedIOException failed(LiveRun run) {
        return new UncheckedIOException(new IOException(run.failure()));
    }
}
