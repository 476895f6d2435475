package tcpflowlab.live.wire;

import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.Side;

/**
 * Where a Live run learns what happened to its own connections, and only to them: segments,
 * window, zero-window, probe, FIN and RST events, each with the run's connection number
 * (1, 2, ... in the order the connections open). Events and segments go to the sink given to
 * {@link ConnectionTruths#open}, from the source's own thread; {@link #clientWindow} gives the
 * sampler the very window those events are about, so the window line and the zero-window
 * shading come from one source.
 */
public interface ConnectionTruth extends AutoCloseable {
    /** The two ways to know. */
    enum Source { CAPTURE, POLLING }

    Source source();

    /** One line for the UI: where the events come from and, without a capture, why not. */
    String description();

    /**
     * The window the client last advertised on that connection, in bytes (scaled), or -1 while
     * it is not known. 0 exactly while the connection is in a zero-window period.
     */
    long clientWindow(int connection);

    /** Connections seen so far (the latest one's number). */
    int connections();

    /**
     * The applications' own socket results: an ECONNRESET or EPIPE on a side says that side
     * received a RST. The capture sees the RST itself and ignores this.
     */
    void socketResult(Side side, int connection, Errno errno);

    /** Why the source stopped early (a capture that ended or could not be read), or {@code null}. */
    String failure();

    /** Stops the source; segments already captured are read and reported first. */
    @Override
    void close();
}
