package tcpflowlab.fidelity;

import org.junit.jupiter.api.Test;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpFlags;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AckWindowsTest {
    private static final long MS = 1_000_000L;

    private static SegmentRecord seg(long timeMs, int connection, Side from, int flags, long window) {
        return new SegmentRecord(timeMs * MS, connection, from, 0, 0, 0, 0, window, flags, 0, null, "", 0, -1);
    }

    @Test
    void keepsThePlainAcksOfOneSideFromItsSynOnAfterTheSkip() {
        List<SegmentRecord> segments = List.of(
                seg(100, 1, Side.CLIENT, TcpFlags.SYN, 65535),
                seg(100, 1, Side.SERVER, TcpFlags.SYN | TcpFlags.ACK, 65483),
                seg(1099, 1, Side.CLIENT, TcpFlags.ACK, 1),          // 0.999 s after the SYN: skipped
                seg(1100, 1, Side.CLIENT, TcpFlags.ACK, 16384),       // exactly the skip: kept
                seg(1200, 1, Side.SERVER, TcpFlags.ACK | TcpFlags.PSH, 65536),
                seg(1300, 1, Side.CLIENT, TcpFlags.ACK | TcpFlags.PSH, 8192),
                seg(1400, 1, Side.CLIENT, TcpFlags.ACK | TcpFlags.FIN, 2),
                seg(1500, 1, Side.CLIENT, TcpFlags.RST | TcpFlags.ACK, 3),
                seg(1600, 1, Side.CLIENT, 0, 4),                      // no ACK flag
                seg(1700, 2, Side.CLIENT, TcpFlags.SYN, 5),
                seg(2800, 2, Side.CLIENT, TcpFlags.ACK, 6));          // a later connection
        assertEquals(List.of(16384L, 8192L), AckWindows.of(segments, Side.CLIENT, 1000 * MS));
        assertEquals(List.of(65536L), AckWindows.of(segments, Side.SERVER, 1000 * MS),
                "the server's SYN|ACK starts its clock");
    }

    @Test
    void aSideThatNeverSentASynHasNoWindows() {
        assertEquals(List.of(), AckWindows.of(List.of(seg(2000, 1, Side.SERVER, TcpFlags.ACK, 9)), Side.CLIENT, 0));
    }
}
