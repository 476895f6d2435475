package tcpflowlab.scenario;

/**
 * The path between the two hosts, the same each way.
 *
 * @param delayUs one-way propagation delay, microseconds
 * @param bandwidthMbps link rate, megabits per second
 */
public record LinkConfig(double delayUs, double bandwidthMbps) {
}
