package tcpflowlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * connect and serve against sockets that cannot be used: a refused or silent peer, an unknown
 * host, a port in use, an address not on this machine, a bad spill directory. All on loopback;
 * nothing is sent anywhere else (binding an address sends nothing).
 */
class SocketFailureTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static int freeLoopbackPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void assertOneCleanLine() {
        assertFalse(err.toString().contains("Exception"), "no Java class names: " + err);
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    @Timeout(60)
    void aRefusedConnectIsInTheSummaryAndExitsOne(@TempDir Path dir) throws Exception {
        int port = freeLoopbackPort();
        Path o = dir.resolve("out");
        int exit = run("connect", "-q", "-p", "seed-buggy", "-d", "1", "--set", "client.reconnect=false",
                "--to", "127.0.0.1:" + port, "-o", o.toString());
        assertEquals(Main.EXIT_FAILED, exit, out + "\n" + err);
        assertTrue(out.toString().contains("client errno             ECONNREFUSED (111) x1"), out.toString());
        assertTrue(err.toString().contains("error: the client never connected; connect() to 127.0.0.1:" + port
                + " failed: ECONNREFUSED (111) Connection refused"), err.toString());
        JsonNode summary = new ObjectMapper().readTree(o.resolve("summary.json").toFile());
        assertEquals("ECONNREFUSED", summary.get("clientErrnos").get(0).get("errno").asText(), summary.toString());
        assertOneCleanLine();
    }

    @Test
    @Timeout(60)
    void aPeerThatNeverAnswersTheSynTimesOutAtTheDeadline() throws Exception {
        // A listener whose accept queue is full drops further SYNs: a silent peer, on loopback.
        try (ServerSocketChannel full = ServerSocketChannel.open()) {
            full.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            int port = ((InetSocketAddress) full.getLocalAddress()).getPort();
            List<Socket> queued = new ArrayList<>();
            try {
                boolean silent = false;
                for (int i = 0; i < 8 && !silent; i++) {
                    Socket s = new Socket();
                    queued.add(s);
                    try {
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                    } catch (SocketTimeoutException e) {
                        silent = true;
                    }
                }
                Assumptions.assumeTrue(silent, "this kernel answers SYNs beyond a full accept queue; no silent peer on loopback");
                int exit = run("connect", "-q", "-p", "seed-buggy", "-d", "2", "--set", "client.reconnect=false",
                        "--connect-timeout", "0.5", "--to", "127.0.0.1:" + port);
                assertEquals(Main.EXIT_FAILED, exit, out + "\n" + err);
                assertTrue(out.toString().contains("client errno             ETIMEDOUT (110) x1"), out.toString());
                assertTrue(err.toString().contains("ETIMEDOUT (110) Connection timed out"), err.toString());
            } finally {
                for (Socket s : queued) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aConnectTimeoutOutOfRangeIsBadInput() throws Exception {
        assertEquals(Main.EXIT_BAD_INPUT, run("connect", "-p", "seed-buggy", "--connect-timeout", "0",
                "--to", "127.0.0.1:" + freeLoopbackPort()));
        assertTrue(err.toString().contains("--connect-timeout 0.0 is not allowed: 0.1 .. 600 s"), err.toString());
    }

    @Test
    @Timeout(60)
    void anUnknownHostIsNamedInOneLine() {
        // RFC 6761: .invalid never resolves, and is not even looked up (no query leaves the machine)
        assertEquals(Main.EXIT_FAILED, run("connect", "-q", "-p", "seed-buggy", "-d", "1",
                "--to", "no-such-peer.invalid:5000"));
        assertEquals("error: --to no-such-peer.invalid:5000: unknown host 'no-such-peer.invalid' (the name does not resolve)\n",
                err.toString());
        assertEquals(Main.EXIT_FAILED, run("serve", "-q", "-p", "seed-buggy", "-d", "1", "--listen", "nowhere.invalid:0"));
        assertTrue(err.toString().contains("unknown host 'nowhere.invalid'"), err.toString());
        assertOneCleanLine();
    }

    @Test
    @Timeout(60)
    void aPortInUseIsEaddrinuseAndExitsOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(Main.EXIT_FAILED, run("serve", "-q", "-p", "seed-buggy", "-d", "1",
                    "--listen", "127.0.0.1:" + taken.getLocalPort()));
            assertEquals("error: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": EADDRINUSE (98) Address already in use (the port is in use)\n", err.toString());
        }
    }

    @Test
    @Timeout(60)
    void anAddressNotOnThisMachineIsEaddrnotavail() throws Exception {
        // TEST-NET-3 (RFC 5737): bound, never sent to; skipped in the unlikely case it is local here
        InetAddress testNet = InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, 1});
        Assumptions.assumeTrue(NetworkInterface.getByInetAddress(testNet) == null, "203.0.113.1 is local on this machine");
        assertEquals(Main.EXIT_FAILED, run("serve", "-q", "-p", "seed-buggy", "-d", "1", "--listen", "203.0.113.1:0"));
        assertEquals("error: cannot listen on 203.0.113.1:0: EADDRNOTAVAIL (99) Cannot assign requested address"
                + " (the address is not one of this machine's)\n", err.toString());
    }

    @Test
    @Timeout(120)
    void aPrivilegedPortIsEaccesForAnOrdinaryUser(@TempDir Path dir) throws Exception {
        String unprivilegedStart;
        try (var in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start"))) {
            // one read: a sysctl file answers a second, offset read with end-of-file
            unprivilegedStart = new String(in.readNBytes(32), java.nio.charset.StandardCharsets.US_ASCII).trim();
        }
        Assumptions.assumeTrue(Integer.parseInt(unprivilegedStart) > 80,
                "ports from " + unprivilegedStart + " up bind without privileges here: port 80 is not privileged");
        List<String> asNobody = List.of();
        ChildCli child = ChildCli.sameUser();
        if (ChildCli.isRoot()) {
            Assumptions.assumeTrue(ChildCli.available("setpriv", "--version"),
                    "running as root without setpriv: root binds port 80, so EACCES cannot be shown");
            asNobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
            child = ChildCli.readableCopy(dir.resolve("cp"));
        }
        ChildCli.Result r = child.run(asNobody, 90, "serve", "-q", "-p", "seed-buggy", "-d", "1", "--listen", "127.0.0.1:80");
        assertEquals(Main.EXIT_FAILED, r.exit(), r.output());
        assertEquals("error: cannot listen on 127.0.0.1:80: EACCES (13) Permission denied"
                + " (ports below 1024 need root or CAP_NET_BIND_SERVICE)", r.output().trim());
    }

    @Test
    @Timeout(60)
    void aSpillDirThatIsAFileIsRefusedBeforeListening(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        int port = freeLoopbackPort();
        assertEquals(Main.EXIT_FAILED, run("serve", "-p", "spill-and-replay", "-d", "1", "--listen", "127.0.0.1:" + port,
                "--spill-dir", file.toString()));
        assertEquals("error: --spill-dir " + file + " is not a directory\n", err.toString());

        Path under = file.resolve("queue");
        assertEquals(Main.EXIT_FAILED, run("serve", "-p", "spill-and-replay", "-d", "1", "--listen", "127.0.0.1:" + port,
                "--spill-dir", under.toString()));
        assertTrue(err.toString().endsWith("error: --spill-dir " + under + " cannot be created: " + file
                + " is not a directory\n"), err.toString());
        assertFalse(err.toString().contains("listening"), "refused before listening: " + err);
    }

    @Test
    @Timeout(120)
    void anUnwritableSpillDirIsRefusedBeforeListening(@TempDir Path dir) throws Exception {
        List<String> asNobody = List.of();
        ChildCli child = ChildCli.sameUser();
        Path locked = dir.resolve("locked");
        Files.createDirectories(locked);
        if (ChildCli.isRoot()) {
            Assumptions.assumeTrue(ChildCli.available("setpriv", "--version"),
                    "running as root without setpriv: root writes every directory");
            asNobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
            child = ChildCli.readableCopy(dir.resolve("cp")); // also opens dir to others: locked is root's 755
        } else {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        ChildCli.Result r = child.run(asNobody, 90, "serve", "-p", "spill-and-replay", "-d", "1",
                "--listen", "127.0.0.1:" + freeLoopbackPort(), "--spill-dir", locked.toString());
        assertEquals(Main.EXIT_FAILED, r.exit(), r.output());
        assertEquals("error: --spill-dir " + locked + " is not writable by this user (permission denied)", r.output().trim());
    }
}
