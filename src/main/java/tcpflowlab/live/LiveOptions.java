package tcpflowlab.live;

import java.net.InetSocketAddress;

/**
 * Which sides the Live engine runs and where. Both sides in-process on 127.0.0.1 with an
 * ephemeral port by default; or only the server, listening where the user says (loopback
 * unless an address is named explicitly); or only the client, connecting to a named peer.
 */
public record LiveOptions(Mode mode, InetSocketAddress listen, InetSocketAddress connect, java.nio.file.Path spillDir,
                          java.time.Duration connectTimeout, boolean captureAllowed,
                          boolean kernelTelemetry) {
    /** The sides that run in this process. */
    public enum Mode { BOTH, SERVER_ONLY, CLIENT_ONLY }

    /**
     * How long one connect() may take: without a deadline the kernel's SYN retries take about
     * two minutes to give up on an unreachable peer.
     */
    public static final java.time.Duration DEFAULT_CONNECT_TIMEOUT = java.time.Duration.ofSeconds(3);

    public static LiveOptions both() {
        return both(0);
    }

    /** Both sides, the server on 127.0.0.1:{@code port} (0: any free port). */
    public static LiveOptions both(int port) {
        return new LiveOptions(Mode.BOTH, new InetSocketAddress("127.0.0.1", port), null, null,
                DEFAULT_CONNECT_TIMEOUT, true, true);
    }

    public static LiveOptions serverOnly(InetSocketAddress listen) {
        return new LiveOptions(Mode.SERVER_ONLY, listen, null, null, DEFAULT_CONNECT_TIMEOUT, true, true);
    }

    public static LiveOptions clientOnly(InetSocketAddress connect) {
        return new LiveOptions(Mode.CLIENT_ONLY, null, connect, null, DEFAULT_CONNECT_TIMEOUT, true, true);
    }

    /**
     * SPILL: keep the durable queue in {@code dir} (it survives the run, and a restarted server
     * replays what it holds); without one, a temporary directory is used and removed at the end.
     */
    public LiveOptions withSpillDir(java.nio.file.Path dir) {
        return new LiveOptions(mode, listen, connect, dir, connectTimeout, captureAllowed, kernelTelemetry);
    }

    /** The client's deadline for each connect(); a peer silent that long counts as ETIMEDOUT. */
    public LiveOptions withConnectTimeout(java.time.Duration timeout) {
        return new LiveOptions(mode, listen, connect, spillDir, timeout, captureAllowed, kernelTelemetry);
    }

    /**
     * Whether the run's segments may come from a loopback capture (when this machine permits
     * one); false: from each connection's own /proc/net/tcp row and ss -tin only.
     */
    public LiveOptions withCapture(boolean allowed) {
        return new LiveOptions(mode, listen, connect, spillDir, connectTimeout, allowed, kernelTelemetry);
    }

    /**
     * Without kernel telemetry: no /proc probe, no capture, no ss; only the applications' own
     * events. For measuring what the telemetry costs the applications (bench-live).
     */
    public LiveOptions withoutKernelTelemetry() {
        return new LiveOptions(mode, listen, connect, spillDir, connectTimeout, false, false);
    }

    public boolean runsServer() {
        return mode != Mode.CLIENT_ONLY;
    }

    public boolean runsClient() {
        return mode != Mode.SERVER_ONLY;
    }

    /**
     * Parses "HOST:PORT" (or "[v6]:PORT"); a bare port means 127.0.0.1. Listening on anything
     * but loopback is only ever what the user typed, never a default.
     */
    public static InetSocketAddress parseAddress(String text, String what) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : t.substring(0, colon);
        String portText = colon < 0 ? t : t.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not HOST:PORT (port 0 .. 65535)");
        }
        if (port < 0 || port > 65_535 || host.isEmpty()) {
            throw new IllegalArgumentException(what + " '" + text + "' is not HOST:PORT (port 0 .. 65535)");
        }
        if (isReservedInvalid(host)) {
            // RFC 6761 6.4: names under .invalid never resolve, so they are not even looked up
            return InetSocketAddress.createUnresolved(host, port);
        }
        return new InetSocketAddress(host, port);
    }

    private static boolean isReservedInvalid(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.equals("invalid") || h.endsWith(".invalid");
    }
}
