package tcpflowlab.live;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The /proc parsers on recorded files: what parses, and what is refused and counted. */
class ProcParsersTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = ProcParsersTest.class.getResourceAsStream("/proc/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void ipv4RowsGiveQueuesTimersAndPorts() throws IOException {
        ProcNetTcp.Result r = ProcNetTcp.parse(resource("tcp4.txt"));
        assertEquals(3, r.rows().size());
        assertEquals(2, r.malformed(), "a non-socket line and a bad port are refused, not guessed");
        TcpSocketRow listen = r.rows().get(0);
        assertEquals("127.0.0.1", listen.localAddress());
        assertEquals(5000, listen.localPort());
        assertEquals(TcpSocketRow.LISTEN, listen.state());
        TcpSocketRow server = r.rows().get(1);
        assertEquals(40000, server.remotePort());
        assertEquals(TcpSocketRow.ESTABLISHED, server.state());
        assertEquals(32768, server.txQueue());
        assertEquals(TcpSocketRow.TIMER_ZERO_WINDOW_PROBE, server.timer());
        TcpSocketRow client = r.rows().get(2);
        assertEquals(8000, client.rxQueue());
        assertEquals(41189, client.inode());
    }

    @Test
    void ipv6RowsParseToo() throws IOException {
        ProcNetTcp.Result r = ProcNetTcp.parse(resource("tcp6.txt"));
        assertEquals(2, r.rows().size());
        assertEquals(0, r.malformed());
        assertEquals("0:0:0:0:0:0:0:1", r.rows().get(0).localAddress());
        assertEquals(8080, r.rows().get(1).localPort());
        assertEquals(54321, r.rows().get(1).remotePort());
        assertEquals(16, r.rows().get(1).txQueue());
        assertEquals(32, r.rows().get(1).rxQueue());
    }

    @Test
    void garbageNeverThrows() {
        for (String s : new String[] {"", "\n\n", "TcpExt:\nTcpExt:", "sl\n 0: : : : : : : : : :", "x".repeat(10_000)}) {
            ProcNetTcp.parse(s);
        }
    }
}
