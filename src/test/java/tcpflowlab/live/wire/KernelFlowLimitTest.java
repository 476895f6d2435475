package tcpflowlab.live.wire;

import org.junit.jupiter.api.Test;
import tcpflowlab.telemetry.FlowLimit;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Live engine's flow limit from the kernel's busy / rwnd_limited / sndbuf_limited times. */
class KernelFlowLimitTest {
    @Test
    void theLongestOfTheKernelsStatesInAnIntervalIsItsCause() {
        assertEquals(FlowLimit.RECEIVE_WINDOW, KernelFlowLimit.cause(100, 90, 0, 100));
        assertEquals(FlowLimit.SEND_BUFFER, KernelFlowLimit.cause(100, 10, 60, 100));
        assertEquals(FlowLimit.LINK, KernelFlowLimit.cause(80, 10, 10, 100), "busy, limited by neither: 60 ms");
        assertEquals(FlowLimit.APP, KernelFlowLimit.cause(20, 0, 0, 100), "not busy for 80 ms");
        assertEquals(FlowLimit.RECEIVE_WINDOW, KernelFlowLimit.cause(100, 50, 50, 100), "a tie: the first in order");
        assertEquals(FlowLimit.UNKNOWN, KernelFlowLimit.cause(0, 0, 0, 0), "no time passed");
    }

    @Test
    void countersAreDiffedPerIntervalOfTheServersOwnSocket() {
        KernelFlowLimit k = new KernelFlowLimit(5000, () -> new int[] {5000, 40000});
        SsTcpInfo other = info(5000, 41000, 999, 999, 0);
        k.observe(0, List.of(other, info(5000, 40000, 1000, 0, 0)), 5000, 40000);
        assertEquals(FlowLimit.UNKNOWN, k.latest(), "one reading has no interval");
        k.observe(100_000_000L, List.of(other, info(5000, 40000, 1100, 95, 0)), 5000, 40000);
        assertEquals(FlowLimit.RECEIVE_WINDOW, k.latest());
        k.observe(200_000_000L, List.of(info(5000, 40000, 1110, 95, 0)), 5000, 40000);
        assertEquals(FlowLimit.APP, k.latest(), "busy 10 of 100 ms");
        k.observe(300_000_000L, List.of(other), 5000, 40000);
        assertEquals(FlowLimit.UNKNOWN, k.latest(), "the server's socket is gone");
    }

    @Test
    void ssOutputWithTheTimesParses() {
        String ss = "ESTAB 0 3823104 127.0.0.1:51913 127.0.0.1:53690\n"
                + "\t bbr wscale:10,10 rto:208 cwnd:17 busy:312ms rwnd_limited:300ms(96.2%) notsent:3823104\n";
        SsTcpInfo s = SsTcpInfo.parse(ss).sockets().get(0);
        assertEquals(312, s.busyMs());
        assertEquals(300, s.rwndLimitedMs());
        assertEquals(-1, s.sndbufLimitedMs(), "ss leaves out a zero counter");
    }

    @Test
    void onlyLinux410AndLaterReportTheTimes() {
        assertTrue(KernelFlowLimit.unavailable("Linux", "6.18.44-fc").isEmpty());
        assertTrue(KernelFlowLimit.unavailable("Linux", "4.10.0").isEmpty());
        assertTrue(KernelFlowLimit.unavailable("Linux", "4.9.120").orElseThrow().contains("Linux 4.10 or later"));
        assertTrue(KernelFlowLimit.unavailable("Mac OS X", "14.1").orElseThrow().contains("does not report"));
        assertFalse(KernelFlowLimit.atLeast("3.18", new int[] {4, 10}));
        assertTrue(KernelFlowLimit.atLeast("5.4", new int[] {4, 10}));
    }

    private static SsTcpInfo info(int local, int remote, long busy, long rwnd, long sndbuf) {
        return new SsTcpInfo("ESTAB", 0, 0, local, remote, 0, 0, rwnd, sndbuf, busy, 0, 0, 0);
    }
}
