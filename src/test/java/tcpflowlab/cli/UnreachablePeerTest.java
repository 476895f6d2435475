package tcpflowlab.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EHOSTUNREACH and ETIMEDOUT from `connect`, inside a network namespace the test makes and
 * deletes: it has only its own loopback interface, so nothing it sends can leave it. One route
 * rejects (unreachable), another loops the SYN back into lo where nobody owns the address, so
 * it is dropped and never answered. Needs root and iproute2; skipped, saying why, without them.
 */
class UnreachablePeerTest {
    private static final String UNREACHABLE = "10.99.0.1";
    private static final String SILENT = "10.96.0.1";

    @Test
    @Timeout(180)
    void connectReportsNoRouteAndTimeoutInsideItsOwnNamespace() throws Exception {
        Assumptions.assumeTrue(ChildCli.isRoot(), "not root: cannot make a network namespace");
        Assumptions.assumeTrue(ChildCli.available("ip", "-V"), "iproute2 (ip) is not installed");
        String ns = "tfl-test-" + ProcessHandle.current().pid();
        ChildCli.available("ip", "netns", "del", ns); // a leftover of a killed earlier run, if any
        Assumptions.assumeTrue(ChildCli.available("ip", "netns", "add", ns),
                "'ip netns add' failed (no CAP_SYS_ADMIN in this container?)");
        try {
            for (String step : List.of(
                    "ip link set lo up",
                    "ip route add unreachable 10.99.0.0/16",
                    "ip addr add 10.97.0.1/32 dev lo",
                    "ip route add 10.96.0.0/16 dev lo src 10.97.0.1",
                    "sysctl -qw net.ipv4.ip_forward=0")) {
                List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
                cmd.addAll(List.of(step.split(" ")));
                Assumptions.assumeTrue(ChildCli.available(cmd.toArray(String[]::new)), "namespace setup failed: " + step);
            }
            List<String> inside = List.of("ip", "netns", "exec", ns);
            ChildCli child = ChildCli.sameUser();

            ChildCli.Result noRoute = child.run(inside, 60, "connect", "-q", "-p", "seed-buggy", "-d", "1",
                    "--set", "client.reconnect=false", "--to", UNREACHABLE + ":5000");
            assertEquals(Main.EXIT_FAILED, noRoute.exit(), noRoute.output());
            assertTrue(noRoute.output().contains("client errno             EHOSTUNREACH (113) x1"), noRoute.output());
            assertTrue(noRoute.output().contains("error: the client never connected; connect() to " + UNREACHABLE
                    + ":5000 failed: EHOSTUNREACH (113) No route to host"), noRoute.output());

            ChildCli.Result silent = child.run(inside, 60, "connect", "-q", "-p", "seed-buggy", "-d", "3",
                    "--set", "client.reconnect=false", "--connect-timeout", "1", "--to", SILENT + ":5000");
            assertEquals(Main.EXIT_FAILED, silent.exit(), silent.output());
            assertTrue(silent.output().contains("client errno             ETIMEDOUT (110) x1"), silent.output());
            assertTrue(silent.output().contains("ETIMEDOUT (110) Connection timed out"), silent.output());
        } finally {
            assertTrue(ChildCli.available("ip", "netns", "del", ns), "could not delete network namespace " + ns);
        }
    }
}
