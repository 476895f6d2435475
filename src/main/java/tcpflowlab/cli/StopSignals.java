package tcpflowlab.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C (SIGINT), a service stop (SIGTERM) or a closed terminal (SIGHUP) while a command
 * runs: the first one asks the run to stop the way it stops at its end, and the command's own
 * completion path then writes whole files and a summary that names the signal, removes its
 * temporary directories and exits 128 + the signal number (130, 143, 129), as shells expect.
 * A second signal, or a command that has not finished within {@link #GRACE_SECONDS}, exits at
 * once.
 *
 * <p>Why {@code sun.misc.Signal} (jdk.unsupported, present in every JDK 17) and not a shutdown
 * hook: a hook cannot tell which signal came, and the summary names it; and a hook runs while
 * the JVM is already exiting, so the main thread could not finish the files and choose the
 * exit code itself (System.exit during shutdown blocks for ever). Where the JVM owns a signal
 * (-Xrs), it is left alone and the JVM's own handling applies.
 */
final class StopSignals implements AutoCloseable {
    /** How long the command may take to write its files after a signal. */
    static final int GRACE_SECONDS = 30;

    /** The signals that stop a run, with their numbers on Linux. */
    enum Kind {
        HUP(1), INT(2), TERM(15);

        final int number;

        Kind(int number) {
            this.number = number;
        }

        String label() {
            return "SIG" + name();
        }

        int exitCode() {
            return 128 + number;
        }
    }

    private record Installed(Signal signal, SignalHandler previous) {
    }

    private final PrintWriter err;
    private final List<Installed> installed = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Kind received;
    private Runnable stop = () -> { };

    private StopSignals(PrintWriter err) {
        this.err = err;
    }

    /** Catches the stop signals until {@link #close()}. */
    static StopSignals install(PrintWriter err) {
        StopSignals s = new StopSignals(err);
        for (Kind k : Kind.values()) {
            try {
                Signal sig = new Signal(k.name());
                s.installed.add(new Installed(sig, Signal.handle(sig, x -> s.onSignal(k))));
            } catch (IllegalArgumentException e) {
                // the JVM or the OS keeps this signal (e.g. -Xrs): its default handling stays
            }
        }
        return s;
    }

    /** What stops the run; runs at once when a signal has already come. */
    void onStop(Runnable action) {
        boolean now;
        synchronized (this) {
            stop = action;
            now = received != null;
        }
        if (now) {
            action.run();
        }
    }

    boolean stopRequested() {
        return received != null;
    }

    /** The signal that stopped the run, if one did. */
    Optional<Kind> received() {
        return Optional.ofNullable(received);
    }

    /** 128 + the signal's number after a signal, else {@code normal}. */
    int exitCode(int normal) {
        Kind k = received;
        return k == null ? normal : k.exitCode();
    }

    private void onSignal(Kind k) {
        Runnable action;
        synchronized (this) {
            if (received != null) {
                err.printf(Locale.ROOT, "%n%s again: exiting without finishing the files%n", k.label());
                err.flush();
                System.exit(received.exitCode());
                return;
            }
            received = k;
            action = stop;
        }
        err.printf(Locale.ROOT, "%n%s: stopping the run and writing its files (%s again to exit at once)%n",
                k.label(), k == Kind.INT ? "Ctrl+C" : k.label());
        err.flush();
        action.run();
        try {
            if (!done.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
                err.printf(Locale.ROOT, "error: the run did not finish writing within %d s after %s; exiting%n",
                        GRACE_SECONDS, k.label());
                err.flush();
                System.exit(k.exitCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command has written what it writes: signals get their usual handling again. */
    @Override
    public void close() {
        done.countDown();
        for (Installed i : installed) {
            try {
                Signal.handle(i.signal(), i.previous());
            } catch (IllegalArgumentException e) {
                // it could be caught, so it can be given back
            }
        }
        installed.clear();
    }
}
