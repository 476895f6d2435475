package tcpflowlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.spill.Frames;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `tcpflowlab connect` against a hand-written hostile SPILL server on loopback (item 15). */
class HostileServerConnectTest {
    private static byte[] frames(long first, long last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long s = first; s <= last; s++) {
            out.writeBytes(Frames.frame(s, new byte[13]));
        }
        return out.toByteArray();
    }

    @Test
    @Timeout(60)
    void aMalformedFrameIsLoggedAndTheClientReconnectsAndContinues(@TempDir Path dir) throws Exception {
        List<Long> acksOnSecond = new CopyOnWriteArrayList<>();
        List<Integer> connections = new CopyOnWriteArrayList<>();
        try (ServerSocket ss = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            ss.setSoTimeout(10_000); // hang guard
            Thread server = new Thread(() -> {
                try {
                    try (Socket first = ss.accept()) {
                        connections.add(1);
                        first.setSoTimeout(5_000);
                        ByteArrayOutputStream bad = new ByteArrayOutputStream();
                        bad.writeBytes(frames(1, 3));
                        bad.writeBytes(ByteBuffer.allocate(Frames.HEADER).putLong(4).putInt(Integer.MAX_VALUE).array());
                        bad.writeBytes(frames(5, 9)); // never to be taken for frames
                        first.getOutputStream().write(bad.toByteArray());
                        while (first.getInputStream().read() >= 0) {
                            // until the client closes
                        }
                    }
                    try (Socket second = ss.accept()) {
                        connections.add(2);
                        second.setSoTimeout(5_000);
                        second.getOutputStream().write(frames(1, 8)); // a replay from the start
                        DataInputStream in = new DataInputStream(second.getInputStream());
                        while (acksOnSecond.isEmpty() || acksOnSecond.get(acksOnSecond.size() - 1) < 8) {
                            acksOnSecond.add(in.readLong());
                        }
                        while (in.read() >= 0) {
                            // until the run ends
                        }
                    }
                } catch (IOException e) {
                    // the test's assertions say what was missing
                }
            }, "hostile-server");
            server.setDaemon(true);
            server.start();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Path o = dir.resolve("out");
            int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "connect",
                    "--to", "127.0.0.1:" + ss.getLocalPort(), "-p", "spill-and-replay", "-d", "3", "-q",
                    "-s", "client.reconnectBackoffMs=100", "-s", "client.disconnectEveryS=0", "-o", o.toString());
            assertEquals(0, exit, "connect's exit code; " + err);
            server.join(10_000);
            List<String> events = Files.readAllLines(o.resolve("events.csv"));
            assertTrue(events.stream().anyMatch(l -> l.contains(",client,PROTOCOL_ERROR,")
                    && l.contains("frame length 2147483647 for sequence 4 is out of range")), "" + events);
            assertTrue(events.stream().anyMatch(l -> l.contains(",client,RECONNECT,")), "" + events);
            assertEquals(List.of(1, 2), connections, "the client connected again");
            assertEquals(8L, acksOnSecond.get(acksOnSecond.size() - 1), "and received through sequence 8: " + acksOnSecond);
        }
    }
}
