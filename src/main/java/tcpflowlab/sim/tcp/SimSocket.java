package tcpflowlab.sim.tcp;

import tcpflowlab.sim.SimEvent;

/**
 * The socket calls an application makes on the model, shaped like the C API: each returns a
 * byte count (or 0) on success and a negated errno on failure (see
 * {@link tcpflowlab.telemetry.Errno#fromReturn}). Calls never block; an application that
 * would block registers a one-shot readiness callback instead, as an event loop would.
 */
public interface SimSocket {
    /** Non-blocking send: bytes accepted, or -EAGAIN, -ECONNRESET, -EPIPE, ... */
    int send(byte[] buf, int off, int len);

    /** Non-blocking recv: bytes read, 0 at end of stream, or -EAGAIN, -ECONNRESET, -ENOTCONN. */
    int recv(byte[] buf, int off, int len);

    /** close(): RST instead of FIN when unread data is queued or SO_LINGER {on, 0} is set. */
    int close();

    /** shutdown(SHUT_WR): FIN after the queued data; -ENOTCONN when not connected. */
    int shutdownWrite();

    /** getpeername(): 0 while there is a peer, -ENOTCONN after a reset or before connecting. */
    int getpeername();

    /** getsockopt(SO_ERROR): the pending error as a negated errno (and clears it), or 0. */
    int takeError();

    /** Bytes waiting to be read (FIONREAD). */
    int available();

    /** SO_LINGER {on, 0}: close() always sends RST. */
    void setLingerZero(boolean on);

    /** Runs the event once (as a new event) as soon as recv() would not return EAGAIN. */
    void onReadable(SimEvent event);

    /** Runs the event once as soon as the socket is writable (a third of the buffer free). */
    void onWritable(SimEvent event);

    /** Drops any registered readiness callbacks. */
    void cancelWaits();

    /** The connection number within the run. */
    int connection();
}
