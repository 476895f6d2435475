package tcpflowlab.sim.app;

import tcpflowlab.telemetry.ErrnoCount;

import java.util.List;

/** What the engine asks of the server application, whichever overflow policy it runs. */
public interface ServerSide {
    void start();

    long bytesWritten();

    long messagesSent();

    long messagesDropped();

    /** Bytes waiting in the overflow queue (SPILL), else 0. */
    default long spillDepthBytes() {
        return 0;
    }

    /** Messages waiting in the overflow queue (SPILL), else 0. */
    default long spillDepthMessages() {
        return 0;
    }

    /**
     * Whether the application waits for room in its connection's send buffer: its send() met
     * EAGAIN (a full buffer) and it has not written since.
     */
    default boolean waitingForRoom() {
        return false;
    }

    List<ErrnoCount> errors();
}
