package tcpflowlab.scenario;

/**
 * How long and how the run goes.
 *
 * @param durationS virtual seconds to simulate
 * @param seed seed of the run's random numbers (processing jitter)
 * @param samplePeriodMs how often a sample of the queues is taken, virtual milliseconds
 */
public record RunConfig(double durationS, long seed, double samplePeriodMs) {
}
