package tcpflowlab.sim.tcp;

import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.LinkConfig;
import tcpflowlab.sim.Simulator;
import tcpflowlab.sim.Telemetry;
import tcpflowlab.telemetry.Side;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tcpflowlab.telemetry.TcpFlags.RST;

/** One direction of the path: serialized at the link rate in FIFO order, delivered after the one-way delay. */
class LinkTest {
    private final Simulator sim = new Simulator();
    // a host with no connections takes RSTs silently: the link's deliveries stay observable here alone
    private final Host destination = new Host(sim, Side.CLIENT, new Telemetry(sim, List.of()), () -> 0);
    private LinkConfig config = new LinkConfig(100, 8); // 100 us, 8 Mbit/s: 1 us per byte
    private final Link link = new Link(sim, () -> config, destination);

    private Segment segment(int length) {
        return new Segment(1, Side.SERVER, 5000, 6000, 0, 0, 0, RST, length, null, 0, -1);
    }

    @Test
    void aSegmentArrivesAfterItsSerializationAtTheLinkRatePlusTheDelay() {
        Segment s = segment(948); // 948 + 52 header bytes = 1000 B on the wire: 1 ms at 8 Mbit/s
        link.transmit(s);
        assertEquals(1_000_000 + 100_000, s.arrival);
        assertEquals(1, link.segments());
        assertEquals(1000, link.bytesOnWire());
    }

    @Test
    void backToBackSegmentsQueueBehindEachOtherOnTheWire() {
        Segment a = segment(948);
        Segment b = segment(0);
        link.transmit(a);
        link.transmit(b);
        assertEquals(1_100_000, a.arrival);
        assertEquals(1_000_000 + 52_000 + 100_000, b.arrival, "b starts when a has left the sender");
        assertEquals(2, link.inFlight());
        assertEquals(1, sim.pendingEvents(), "only the head's arrival is in the simulator's queue");
        sim.runUntil(a.arrival);
        assertEquals(1, link.inFlight());
        sim.runUntil(b.arrival);
        assertEquals(0, link.inFlight());
    }

    @Test
    void loweringTheDelayDuringARunNeverLetsASegmentOvertakeTheOneBefore() {
        Segment a = segment(0);
        link.transmit(a);
        config = new LinkConfig(0, 8_000);
        Segment b = segment(0);
        link.transmit(b);
        assertEquals(a.arrival, b.arrival);
        sim.runUntil(a.arrival);
        assertEquals(0, link.inFlight());
    }
}
