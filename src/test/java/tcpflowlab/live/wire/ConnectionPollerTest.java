package tcpflowlab.live.wire;

import org.junit.jupiter.api.Test;
import tcpflowlab.live.TcpSocketRow;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The poller on recorded readings: ss's output, /proc rows, open inodes. */
class ConnectionPollerTest {
    private static final String SS_STALLED = """
            LISTEN 0      128     127.0.0.1:5555    0.0.0.0:*
            \t bbr cwnd:10
            ESTAB  0      2174928 127.0.0.1:5555  127.0.0.1:54500
            \t bbr wscale:0,10 rto:208 backoff:2 rtt:4.434/8.831 mss:1024 retrans:0/3 lastsnd:336 busy:592ms rwnd_limited:592ms(100.0%) sndbuf_limited:12ms(2.0%) rcv_space:65483 notsent:2174928
            ESTAB  2048   0       127.0.0.1:54500 127.0.0.1:5555
            \t bbr wscale:10,0 rto:220 rcv_space:2048 rcv_ssthresh:2048 minrtt:0.025 snd_wnd:65536
            """;

    private static TcpSocketRow row(int local, int remote, int state, long tx, long rx, int timer, long inode) {
        return new TcpSocketRow("127.0.0.1", local, "127.0.0.1", remote, state, tx, rx, timer, inode);
    }

    @Test
    void ssFieldsParse() {
        SsTcpInfo.Result r = SsTcpInfo.parse(SS_STALLED);
        assertEquals(3, r.sockets().size());
        SsTcpInfo server = r.sockets().get(1);
        assertEquals(5555, server.localPort());
        assertEquals(54500, server.remotePort());
        assertEquals(2174928, server.sendQ());
        assertEquals(-1, server.sndWnd(), "ss leaves snd_wnd out when it is 0");
        assertEquals(2, server.backoff());
        assertEquals(592, server.rwndLimitedMs());
        assertEquals(12, server.sndbufLimitedMs());
        assertEquals(592, server.busyMs());
        assertEquals(3, server.retrans());
        assertEquals(336, server.lastSndMs());
        assertEquals(65536, r.sockets().get(2).sndWnd());
        assertEquals(2048, r.sockets().get(2).rcvSpace());
        assertEquals(1, SsTcpInfo.parse("ESTAB 0 x 127.0.0.1:1 127.0.0.1:2\n").malformed());
    }

    @Test
    void windowEventsProbesAndResetOfTheRunsConnectionOnly() {
        ClientWindows windows = new ClientWindows();
        ConnectionPoller p = new ConnectionPoller(Set.of(5555), windows);
        String open = SS_STALLED.replace("notsent:2174928", "snd_wnd:2048").replace("backoff:2", "backoff:0");
        List<TcpSocketRow> rows = List.of(row(5555, 54500, 1, 4096, 0, 0, 11), row(54500, 5555, 1, 0, 0, 0, 12),
                row(6000, 40000, 1, 9999, 0, 4, 21), row(40000, 6000, 1, 0, 2048, 0, 22)); // another connection, stalled
        assertTrue(p.poll(1, rows, SsTcpInfo.parse(open).sockets(), Set.of(11L, 12L)).isEmpty());
        assertEquals(2048, windows.get(1));
        assertEquals(1, windows.latest(), "the other port's connection is not numbered");

        List<TcpSocketRow> stalled = List.of(row(5555, 54500, 1, 2174928, 0, 4, 11), row(54500, 5555, 1, 0, 2048, 0, 12));
        List<TcpEvent> e = p.poll(2, stalled, SsTcpInfo.parse(SS_STALLED).sockets(), Set.of(11L, 12L));
        assertEquals(List.of(EventKind.PERSIST_TIMER, EventKind.ZERO_WINDOW, EventKind.ZERO_WINDOW_PROBE,
                EventKind.ZERO_WINDOW_PROBE), e.stream().map(TcpEvent::kind).toList(), e.toString());
        assertEquals(Side.CLIENT, e.get(1).side());
        assertEquals(0, windows.get(1), "the window the line draws is the one the event is about");

        // Both sockets leave the table without an orderly close; only the server's is still open here.
        List<TcpEvent> gone = p.poll(3, List.of(row(6000, 40000, 1, 9999, 0, 4, 21)), List.of(), Set.of(11L));
        assertEquals(List.of(EventKind.RST_SENT, EventKind.RST_RECEIVED), gone.stream().map(TcpEvent::kind).toList());
        assertEquals(Side.CLIENT, gone.get(0).side());
        assertEquals(Side.SERVER, gone.get(1).side());
        assertTrue(p.socketResult(4, Side.SERVER, 1, Errno.ECONNRESET).isEmpty(), "one reset per connection");
    }

    @Test
    void anApplicationsEconnresetNamesTheReceiverAndAnOrderlyCloseIsNoReset() {
        ConnectionPoller p = new ConnectionPoller(Set.of(5555), new ClientWindows());
        p.poll(1, List.of(row(5555, 1000, 1, 0, 0, 0, 1), row(1000, 5555, 1, 0, 0, 0, 2)), List.of(), Set.of());
        List<TcpEvent> r = p.socketResult(2, Side.CLIENT, 1, Errno.ECONNRESET);
        assertEquals(List.of(EventKind.RST_SENT, EventKind.RST_RECEIVED), r.stream().map(TcpEvent::kind).toList());
        assertEquals(Side.SERVER, r.get(0).side());

        p.poll(3, List.of(row(5555, 1001, 1, 0, 0, 0, 3), row(1001, 5555, 1, 0, 0, 0, 4)), List.of(), Set.of());
        List<TcpEvent> closing = p.poll(4, List.of(row(1001, 5555, ConnectionPoller.TIME_WAIT, 0, 0, 3, 0)), List.of(),
                Set.of());
        assertEquals(List.of(EventKind.FIN_SENT, EventKind.FIN_RECEIVED, EventKind.FIN_SENT, EventKind.FIN_RECEIVED),
                closing.stream().map(TcpEvent::kind).toList(), "TIME_WAIT: this side sent and received a FIN");
        assertTrue(p.poll(5, List.of(), List.of(), Set.of()).isEmpty(), "an orderly close is no reset");
    }
}
