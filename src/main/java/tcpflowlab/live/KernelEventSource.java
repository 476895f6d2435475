package tcpflowlab.live;

/**
 * Where the Live engine's kernel events (zero windows, resets) come from, asked once per probe
 * period. Today: host-wide counters ({@link HostCounterEvents}); a per-connection source
 * replaces it without touching the probe.
 */
interface KernelEventSource {
    /** Reports what happened since the last poll, as events of {@code connection}. */
    void poll(int connection);
}
