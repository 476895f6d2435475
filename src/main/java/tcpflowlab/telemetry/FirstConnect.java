package tcpflowlab.telemetry;

import java.util.Collection;

/**
 * The instant a run's connection starts: its client's first CONNECT event. Engines start their
 * clocks at different moments (the Live engine's before its capture and its connect, up to about
 * half a second earlier, the Model's with the connect), so runs of different engines are
 * compared from here, not from their starts.
 */
public final class FirstConnect {
    /** A run whose client never connected. */
    public static final long NEVER = -1;

    private FirstConnect() {
    }

    /** Whether {@code e} is a client's connect, the event this instant is taken from. */
    public static boolean isClientConnect(TcpEvent e) {
        return e.kind() == EventKind.CONNECT && e.side() == Side.CLIENT;
    }

    /** When the client first connected, nanoseconds since the run's start, or {@link #NEVER}. */
    public static long of(Collection<TcpEvent> events) {
        return events.stream().filter(FirstConnect::isClientConnect).mapToLong(TcpEvent::timeNanos).min().orElse(NEVER);
    }
}
