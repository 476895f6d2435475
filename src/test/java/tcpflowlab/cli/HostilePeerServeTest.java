package tcpflowlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.spill.Frames;
import tcpflowlab.spill.SpillConfig;
import tcpflowlab.spill.SpillQueue;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile-peer suite: `tcpflowlab serve -p spill-and-replay --spill-dir DIR` on loopback, a
 * hand-written client that lies in its acknowledgements, sends garbage or sits idle, then an
 * honest client that must get every sequence from the last valid acknowledgement on, in order,
 * exactly once; and the queue on disk must not have moved past what was validly acknowledged.
 */
class HostilePeerServeTest {
    private static final Pattern PORT = Pattern.compile("listening on port (\\d+)");
    /** Long enough for a hostile phase (at most ~3 s) and an honest one; the server then stops by itself. */
    private static final String DURATION = "5";
    private static final int HONEST_FRAMES = 300;

    @TempDir
    Path dir;

    /** The serve command, in-process, on an ephemeral loopback port. */
    private final class Serve {
        final StringBuffer err = new StringBuffer();
        final Thread thread;
        volatile int exit = -1;
        final int port;

        Serve() throws Exception {
            Writer w = new Writer() {
                @Override
                public void write(char[] c, int off, int len) {
                    err.append(c, off, len);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            thread = new Thread(() -> exit = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(w, true),
                    "serve", "-p", "spill-and-replay", "--spill-dir", dir.resolve("spill").toString(),
                    "--listen", "127.0.0.1:0", "-d", DURATION, "-o", dir.resolve("out").toString()), "serve");
            thread.setDaemon(true);
            thread.start();
            Matcher m;
            long deadline = System.nanoTime() + 20_000_000_000L; // hang guard
            while (!(m = PORT.matcher(err)).find()) {
                assertTrue(System.nanoTime() < deadline && thread.isAlive(), "serve did not start: " + err);
                Thread.sleep(10);
            }
            port = Integer.parseInt(m.group(1));
        }

        /** Waits for the run's end; the events it logged. */
        List<String> finish() throws Exception {
            thread.join(30_000);
            assertEquals(0, exit, "serve exit code; " + err);
            return Files.readAllLines(dir.resolve("out").resolve("events.csv"));
        }

        long committedOnDisk() throws IOException {
            try (SpillQueue q = SpillQueue.open(SpillConfig.defaults(dir.resolve("spill")))) {
                return q.committedSequence();
            }
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096); // so the server cannot write far ahead of what this client read
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(5_000); // hang guard
        return s;
    }

    /** Reads {@code n} frames; each must follow the one before; returns the last sequence. */
    private static long readFrames(DataInputStream in, long first, int n) throws IOException {
        long expected = first;
        for (int i = 0; i < n; i++) {
            long seq = in.readLong();
            int len = in.readInt();
            assertTrue(len >= 0 && len <= Frames.MAX_PAYLOAD, "frame length " + len);
            in.readFully(new byte[len]);
            assertEquals(expected, seq, "frame " + i + " of this connection");
            expected++;
        }
        return expected - 1;
    }

    private static DataInputStream input(Socket s) throws IOException {
        return new DataInputStream(new BufferedInputStream(s.getInputStream()));
    }

    /** Reads until the server closes the connection; false if it was still open after the hang guard. */
    private static boolean serverCloses(Socket s) {
        try {
            s.setSoTimeout(2_000); // it closes at once; the run ends long after this
            byte[] sink = new byte[65_536];
            while (s.getInputStream().read(sink) >= 0) {
                // drain what was already sent
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /**
     * The honest client: every sequence from {@code first} on, in order, once; it acknowledges the
     * last, says it is done (FIN) and checks the rest still comes in order until the server closes.
     */
    private static long honestClient(int port, long first) throws IOException {
        try (Socket s = connect(port)) {
            DataInputStream in = input(s);
            long last = readFrames(in, first, HONEST_FRAMES);
            s.getOutputStream().write(Frames.ack(last));
            s.shutdownOutput();
            long expected = last + 1;
            try {
                while (true) {
                    expected = readFrames(in, expected, 1) + 1;
                }
            } catch (EOFException | java.net.SocketException e) {
                // the server closed after our end of stream
            }
            return last;
        }
    }

    private static void assertProtocolError(List<String> events, String text) {
        assertTrue(events.stream().anyMatch(l -> l.contains(",PROTOCOL_ERROR,") && l.contains(text)),
                "a PROTOCOL_ERROR event with '" + text + "' in " + events.stream().filter(l -> l.contains("server")).toList());
    }

    private void honestAfterwards(Serve serve, long first) throws Exception {
        long acked = honestClient(serve.port, first);
        serve.finish();
        assertEquals(acked, serve.committedOnDisk(), "the queue moved exactly to the honest acknowledgement");
    }

    @Test
    @Timeout(60)
    void anAckOfMessagesProducedButNeverSentDeletesNothing() throws Exception { // item 1
        Serve serve = new Serve();
        try (Socket liar = connect(serve.port)) {
            readFrames(input(liar), 1, 100);
            Thread.sleep(1_500); // the server produces ~12,000 messages; its socket holds far fewer
            liar.getOutputStream().write(Frames.ack(4_000));
            assertTrue(serverCloses(liar), "the server closes the liar's connection");
        }
        long acked = honestClient(serve.port, 1);
        List<String> events = serve.finish();
        assertProtocolError(events, "acknowledgement 4000 is beyond the last message sent on this connection");
        assertEquals(acked, serve.committedOnDisk());
    }

    @Test
    @Timeout(60)
    void aBogusAckIsNotRemembered() throws Exception { // item 2
        Serve serve = new Serve();
        try (Socket liar = connect(serve.port)) {
            readFrames(input(liar), 1, 100);
            OutputStream out = liar.getOutputStream();
            out.write(Frames.ack(100));
            out.write(Frames.ack(5_000_000));
            out.write(Frames.ack(100));
            assertTrue(serverCloses(liar));
        }
        honestAfterwards(serve, 101);
    }

    @Test
    @Timeout(60)
    void aHugeAckDoesNotBlockLaterAcknowledgements() throws Exception { // item 3
        Serve serve = new Serve();
        try (Socket liar = connect(serve.port)) {
            readFrames(input(liar), 1, 100);
            liar.getOutputStream().write(Frames.ack(Long.MAX_VALUE));
            assertTrue(serverCloses(liar));
        }
        honestAfterwards(serve, 1);
    }

    @Test
    @Timeout(60)
    void strayBytesAfterAValidAckApplyOnlyTheValidAck() throws Exception { // item 3: 3 stray bytes
        Serve serve = new Serve();
        try (Socket liar = connect(serve.port)) {
            readFrames(input(liar), 1, 20);
            liar.getOutputStream().write(Frames.ack(20));
            liar.getOutputStream().write(new byte[] {1, 2, 3});
            liar.shutdownOutput();
            assertTrue(serverCloses(liar));
        }
        long acked = honestClient(serve.port, 21);
        List<String> events = serve.finish();
        assertProtocolError(events, "3 bytes into an acknowledgement");
        assertEquals(acked, serve.committedOnDisk());
    }

    @Test
    @Timeout(60)
    void randomBytesAreRejected() throws Exception { // item 3: garbage
        Serve serve = new Serve();
        try (Socket liar = connect(serve.port)) {
            byte[] noise = new byte[4096];
            new Random(10).nextBytes(noise);
            liar.getOutputStream().write(noise);
            assertTrue(serverCloses(liar));
        }
        honestAfterwards(serve, 1);
    }

    @Test
    @Timeout(60)
    void anAckSplitAcrossWritesCounts() throws Exception {
        Serve serve = new Serve();
        try (Socket client = connect(serve.port)) {
            readFrames(input(client), 1, 50);
            byte[] ack = Frames.ack(50);
            OutputStream out = client.getOutputStream();
            for (int[] piece : new int[][] {{0, 3}, {3, 2}, {5, 3}}) {
                out.write(ack, piece[0], piece[1]);
                out.flush();
                Thread.sleep(50);
            }
            client.shutdownOutput();
            assertTrue(serverCloses(client));
        }
        honestAfterwards(serve, 51);
    }

    @Test
    @Timeout(60)
    void aFloodingClientIsTakenOverByAReturningOne() throws Exception {
        Serve serve = new Serve();
        try (Socket flood = connect(serve.port)) {
            readFrames(input(flood), 1, 10);
            Thread flooder = new Thread(() -> {
                byte[] acks = new byte[8 * 8192];
                for (int i = 0; i < acks.length; i += 8) {
                    System.arraycopy(Frames.ack(10), 0, acks, i, 8);
                }
                try {
                    OutputStream out = flood.getOutputStream();
                    for (int i = 0; i < 2_000; i++) { // at most 128 MB, until the server drops it
                        out.write(acks);
                    }
                } catch (IOException e) {
                    // the server closed this connection: taken over
                }
            }, "flooder");
            flooder.start();
            Thread.sleep(300);
            long acked = honestClient(serve.port, 11);
            flooder.join(10_000);
            List<String> events = serve.finish();
            assertTrue(events.stream().anyMatch(l -> l.contains("takes over")), "takeover logged");
            assertEquals(acked, serve.committedOnDisk());
        }
    }

    @Test
    @Timeout(60)
    void anIdleClientDoesNotLockOutAReturningOne() throws Exception {
        Serve serve = new Serve();
        try (Socket idle = connect(serve.port)) {
            Thread.sleep(300); // connected, reads nothing, sends nothing
            long acked = honestClient(serve.port, 1);
            assertTrue(serverCloses(idle), "the idle connection was closed");
            List<String> events = serve.finish();
            assertTrue(events.stream().anyMatch(l -> l.contains("takes over")), "takeover logged");
            assertEquals(acked, serve.committedOnDisk());
        }
    }
}
