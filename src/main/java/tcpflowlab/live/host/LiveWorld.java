package tcpflowlab.live.host;

import tcpflowlab.scenario.Scenario;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

/** What a {@link LiveHost} needs of the run it belongs to (both sides share it). */
public interface LiveWorld {
    /** The scenario with every applied knob change. */
    Scenario scenario();

    /** Applies knob changes queued from other threads. */
    void applyKnobs();

    void event(Side side, EventKind kind, Errno errno, long bytes, int connection, String detail);

    /** A number for a connection the client opens. */
    int openConnection();

    /** The number of a connection the server accepted (the in-process client's, if there is one). */
    int acceptedConnection();

    /** True when the client runs in this process (it then numbers and reports the connection). */
    boolean clientInProcess();

    /** This side's half of the current connection, for the kernel's table. */
    void connected(Side side, int connection, int localPort, int remotePort, long bufferBytes);

    /** The server listens on {@code port}. */
    void listening(int port);

    KernelRows rows();
}
