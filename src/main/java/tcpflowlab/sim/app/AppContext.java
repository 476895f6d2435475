package tcpflowlab.sim.app;

import tcpflowlab.scenario.Scenario;
import tcpflowlab.sim.SimEvent;
import tcpflowlab.sim.tcp.SimSocket;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.util.SplittableRandom;

/**
 * What an application in the model may use: the clock, the scenario as it is now (knobs
 * change it during a run), the socket calls of its host, and the telemetry channel. Like
 * INET's application/protocol split, applications never see the TCP internals.
 */
public interface AppContext {
    /** The clock and timers; the apps see no engine behind it. */
    AppClock clock();

    /** The scenario with every applied knob change; read it afresh at each call. */
    Scenario scenario();

    /** Applies knob changes queued from other threads; call before each socket call. */
    void beforeCall();

    SplittableRandom random();

    /** Observer of the application byte streams (tests); {@link StreamTap#NONE} normally. */
    default StreamTap tap() {
        return StreamTap.NONE;
    }

    void event(Side side, EventKind kind, Errno errno, long bytes, int connection, String detail);

    /** listen() on the server host. */
    void listen();

    void stopListening();

    /** accept(): a connected socket or null. */
    SimSocket accept();

    void onAcceptable(SimEvent event);

    /** connect() from the client host; {@code onDone} runs when the handshake ends either way. */
    SimSocket connect(SimEvent onDone);

    /**
     * What one socket call costs on the clock, given the scenario's {@code callCostNs}: the Model
     * charges it (its calls take no time otherwise); a real call takes real time, so a real
     * socket charges nothing.
     */
    long callCost(long configuredNanos);

    /**
     * The DROP loop's skip-ahead: how many more identical calls, {@code period} apart, would fail
     * the same way before anything else can happen; the clock moves over them, so they are
     * counted at once instead of made one by one. Real sockets make every call (0).
     */
    long skipRepeats(long period);

    /**
     * Whether a loop of socket calls may make its next call at {@code next} without returning to
     * the engine: true when nothing else is due first (then knob changes are applied, as before
     * each call). False means: schedule the next call at {@code next} and return.
     */
    boolean continueInline(long next);
}
