package tcpflowlab.sim.app;

import tcpflowlab.scenario.Scenario;
import tcpflowlab.sim.SimEvent;
import tcpflowlab.sim.Simulator;
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
    Simulator sim();

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
     * Moves the clock to {@code next} without an event when nothing else is due before it, so
     * a loop of identical calls need not queue one event per call.
     *
     * @return true when the caller may go on inline at {@code next}
     */
    default boolean continueInline(long next) {
        Simulator sim = sim();
        if (next < sim.nextEventTime()) {
            sim.advanceTo(next);
            beforeCall();
            return true;
        }
        return false;
    }
}
