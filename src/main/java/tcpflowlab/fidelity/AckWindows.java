package tcpflowlab.fidelity;

import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpFlags;

import java.util.ArrayList;
import java.util.List;

/**
 * The windows one side advertises on its ACKs in a connection's segment stream, picked the way
 * scripts/kernel-windows.py picks them from a kernel capture, so the two lists compare: ACKs
 * without SYN, FIN or RST (those carry no steady-state window), timed from that side's SYN, from
 * {@code skipNanos} on (the connection's start is a transient, not the regime).
 */
public final class AckWindows {
    private AckWindows() {
    }

    /**
     * The windows in bytes, in order, from the first connection in which {@code side} sent a SYN;
     * empty if it sent none.
     */
    public static List<Long> of(List<SegmentRecord> segments, Side side, long skipNanos) {
        SegmentRecord syn = segments.stream().filter(s -> s.from() == side && s.has(TcpFlags.SYN))
                .findFirst().orElse(null);
        List<Long> windows = new ArrayList<>();
        if (syn == null) {
            return windows;
        }
        for (SegmentRecord s : segments) {
            if (s.connection() == syn.connection() && s.from() == side && s.has(TcpFlags.ACK)
                    && !s.has(TcpFlags.SYN | TcpFlags.FIN | TcpFlags.RST)
                    && s.timeNanos() - syn.timeNanos() >= skipNanos) {
                windows.add(s.window());
            }
        }
        return windows;
    }
}
