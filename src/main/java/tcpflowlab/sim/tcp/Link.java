package tcpflowlab.sim.tcp;

import tcpflowlab.scenario.LinkConfig;
import tcpflowlab.sim.Simulator;

import java.util.function.Supplier;

/**
 * One direction of the path: segments are serialized at the link rate one after another (a
 * FIFO, so nothing is reordered) and arrive after the one-way delay. Nothing is lost.
 */
public final class Link {
    /** IPv4 (20) + TCP (20) + timestamp option (12) bytes, as Linux sends on loopback. */
    static final int HEADER_BYTES = 52;

    private final Simulator sim;
    private final Supplier<LinkConfig> config;
    private final Host destination;
    private long busyUntil;
    private long segments;
    private long bytesOnWire;

    Link(Simulator sim, Supplier<LinkConfig> config, Host destination) {
        this.sim = sim;
        this.config = config;
        this.destination = destination;
    }

    void transmit(Segment segment) {
        LinkConfig c = config.get();
        int wireBytes = segment.length + HEADER_BYTES;
        long serialization = (long) Math.ceil(wireBytes * 8_000.0 / c.bandwidthMbps());
        long start = Math.max(sim.now(), busyUntil);
        busyUntil = start + serialization;
        segment.destination = destination;
        segments++;
        bytesOnWire += wireBytes;
        sim.schedule(busyUntil + Math.round(c.delayUs() * 1_000.0), segment);
    }

    public long segments() {
        return segments;
    }

    public long bytesOnWire() {
        return bytesOnWire;
    }
}
