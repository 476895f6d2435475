package tcpflowlab.sim.app;

import tcpflowlab.telemetry.FlowLimit;
import tcpflowlab.telemetry.Sample;

/**
 * Builds the {@link Sample}s of both engines: the kernel's queues (from wherever that engine
 * reads them) plus the applications' own counters, so a chart line means the same in each.
 */
public final class ConnectionSampler {
    /** A spill queue's depth and the latest fsync latency, as a sampler may read them. */
    public interface SpillGauge {
        long depthBytes();

        long depthMessages();

        long fsyncNanos();
    }

    /** No spill queue: every gauge reads 0. */
    public static final SpillGauge NO_SPILL = new Still(0, 0, 0);

    private record Still(long depthBytes, long depthMessages, long fsyncNanos) implements SpillGauge {
    }

    private final ServerSide server;
    private final ClientApp client;
    private final SpillGauge spill;
    private final java.util.function.LongSupplier messagesLost;

    /**
     * Either app may be null (a Live run with only one side); its counters then read 0. Messages
     * lost on reset read {@link Sample#UNKNOWN}: only an engine that sees both ends' stream
     * offsets can count them.
     */
    public ConnectionSampler(ServerSide server, ClientApp client, SpillGauge spill) {
        this(server, client, spill, () -> Sample.UNKNOWN);
    }

    /** {@code messagesLost}: the run's messages written and never read so far, as the engine counts them. */
    public ConnectionSampler(ServerSide server, ClientApp client, SpillGauge spill,
                             java.util.function.LongSupplier messagesLost) {
        this.server = server;
        this.client = client;
        this.spill = spill;
        this.messagesLost = messagesLost;
    }

    /** The server app's own queue, read on the thread that runs it (the Model's). */
    public static SpillGauge of(ServerSide server) {
        return new SpillGauge() {
            @Override
            public long depthBytes() {
                return server.spillDepthBytes();
            }

            @Override
            public long depthMessages() {
                return server.spillDepthMessages();
            }

            @Override
            public long fsyncNanos() {
                return 0;
            }
        };
    }

    /** A sample whose engine cannot say what held the sender back. */
    public Sample sample(long timeNanos, KernelQueues k) {
        return sample(timeNanos, k, FlowLimit.UNKNOWN);
    }

    /** {@code limit}: what held the sender back during the period this sample ends. */
    public Sample sample(long timeNanos, KernelQueues k, FlowLimit limit) {
        return new Sample(timeNanos, k.sendQueue(), k.sendCapacity(), k.receiveQueue(), k.receiveCapacity(),
                k.window(), k.inFlight(), server == null ? 0 : server.bytesWritten(),
                client == null ? 0 : client.bytesRead(), spill.depthBytes(), spill.depthMessages(), spill.fsyncNanos(),
                server == null ? 0 : server.messagesDropped(), messagesLost.getAsLong(), limit);
    }
}
