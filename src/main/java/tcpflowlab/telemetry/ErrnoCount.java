package tcpflowlab.telemetry;

/** How often one errno was returned to one application over a run, and when first. */
public record ErrnoCount(Errno errno, long count, long firstTimeNanos) {
}
