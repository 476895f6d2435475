package tcpflowlab.sim.tcp;

import tcpflowlab.scenario.LinkConfig;
import tcpflowlab.sim.Simulator;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * One direction of the path: segments are serialized at the link rate one after another (a
 * FIFO, so nothing is reordered) and arrive after the one-way delay. Nothing is lost.
 * <p>
 * Because arrivals leave in the order they entered, only the head segment's arrival is in the
 * simulator's event queue; the rest wait in this link's own FIFO. A window of thousands of
 * segments in flight then costs the global heap one entry instead of thousands, which was the
 * model's main cost in bulk transfers (see BENCHMARKS.md).
 */
public final class Link {
    /** IPv4 (20) + TCP (20) + timestamp option (12) bytes, as Linux sends on loopback. */
    static final int HEADER_BYTES = 52;

    private final Simulator sim;
    private final Supplier<LinkConfig> config;
    private final Host destination;
    private final ArrayDeque<Segment> inFlight = new ArrayDeque<>();
    private final tcpflowlab.sim.SimEvent deliverHead = this::deliverHead;
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
        segments++;
        bytesOnWire += wireBytes;
        long arrival = busyUntil + Math.round(c.delayUs() * 1_000.0);
        if (!inFlight.isEmpty() && arrival < inFlight.peekLast().arrival) {
            // The delay was lowered during the run: a segment cannot overtake its predecessor.
            arrival = inFlight.peekLast().arrival;
        }
        segment.arrival = arrival;
        if (inFlight.isEmpty()) {
            sim.schedule(arrival, deliverHead);
        }
        inFlight.addLast(segment);
    }

    private void deliverHead() {
        Segment head = inFlight.pollFirst();
        if (!inFlight.isEmpty()) {
            sim.schedule(inFlight.peekFirst().arrival, deliverHead);
        }
        destination.receive(head);
    }

    /** Whether the link is still serialising a segment at {@code now} (its bandwidth sets the pace). */
    public boolean serializing(long now) {
        return busyUntil > now;
    }

    /** Segments on the wire now. */
    public int inFlight() {
        return inFlight.size();
    }

    public long segments() {
        return segments;
    }

    public long bytesOnWire() {
        return bytesOnWire;
    }
}
