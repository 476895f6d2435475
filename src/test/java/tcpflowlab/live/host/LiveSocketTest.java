package tcpflowlab.live.host;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpflowlab.live.TcpSocketRow;
import tcpflowlab.telemetry.Errno;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The apps' socket calls on a real loopback connection: the C return values, errno by errno. */
class LiveSocketTest {
    /** The kernel's table, read as the Live engine reads it. */
    static final KernelRows PROC = new KernelRows() {
        @Override
        public boolean available() {
            return Files.isReadable(Path.of("/proc/net/tcp"));
        }

        @Override
        public Optional<TcpSocketRow> row(int localPort, int remotePort) {
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                try {
                    for (TcpSocketRow r : tcpflowlab.live.ProcNetTcp.parse(Files.readString(Path.of(table))).rows()) {
                        if (r.localPort() == localPort && r.remotePort() == remotePort && r.state() != TcpSocketRow.LISTEN) {
                            return Optional.of(r);
                        }
                    }
                } catch (IOException e) {
                    // no tcp6 table
                }
            }
            return Optional.empty();
        }
    };

    private final RunClock clock = new RunClock(1);
    private final EventLoop loop = new EventLoop("test-loop", clock, e -> { });
    private ServerSocketChannel listener;
    private SocketChannel peer;
    private LiveSocket socket;

    /** A connected pair on loopback: {@link #socket} is ours, {@link #peer} a plain blocking channel. */
    private void connect(int sndBuf) throws IOException {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        SocketChannel ours = SocketChannel.open();
        ours.setOption(StandardSocketOptions.SO_SNDBUF, sndBuf);
        ours.connect(listener.getLocalAddress());
        peer = listener.accept();
        peer.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
        socket = new LiveSocket(ours, loop, 1, PROC);
    }

    @AfterEach
    void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        if (peer != null) {
            peer.close();
        }
        if (listener != null) {
            listener.close();
        }
        loop.stop();
    }

    private static final byte[] HELLO = "Hello World!\0".getBytes(StandardCharsets.US_ASCII);

    @Test
    @Timeout(20)
    void aFullSendBufferIsEagainAndNothingElse() throws Exception {
        connect(8192);
        long sent = 0;
        int n;
        while ((n = socket.send(HELLO, 0, HELLO.length)) > 0) {
            sent += n;
            assertTrue(sent < 64L << 20, "the peer reads nothing: the buffers must fill");
        }
        assertEquals(Errno.EAGAIN.asReturn(), n);
        assertEquals(0, socket.getpeername(), "a connection with a full buffer still has its peer");
        byte[] buf = new byte[100];
        assertEquals(Errno.EAGAIN.asReturn(), socket.recv(buf, 0, buf.length), "nothing to read yet");
    }

    @Test
    @Timeout(20)
    void aResetIsEconnresetOnceThenEpipeAndGetpeernameSaysEnotconn() throws Exception {
        connect(65536);
        assertEquals(HELLO.length, socket.send(HELLO, 0, HELLO.length));
        peer.setOption(StandardSocketOptions.SO_LINGER, 0);
        peer.close(); // SO_LINGER {on, 0}: the peer's kernel sends RST
        peer = null;
        int first = 0;
        for (int i = 0; i < 2_000 && first >= 0; i++) {
            first = socket.send(HELLO, 0, HELLO.length);
            if (first >= 0) {
                Thread.sleep(1); // the RST is on its way
            }
        }
        assertEquals(Errno.ECONNRESET.asReturn(), first, "the first call after the reset");
        assertEquals(Errno.EPIPE.asReturn(), socket.send(HELLO, 0, HELLO.length), "every later send");
        assertEquals(Errno.EPIPE.asReturn(), socket.send(HELLO, 0, HELLO.length));
        assertEquals(Errno.ENOTCONN.asReturn(), socket.getpeername(), "the reset socket has no peer");
    }

    @Test
    @Timeout(20)
    void getpeernameOnEveryLoopDoesNotReadTheKernelTableEveryTime() throws Exception {
        // The story's client calls getpeername() on every loop; one read of the kernel's table
        // costs milliseconds, which halved the Live client's read rate when asked each time.
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        KernelRows counting = new KernelRows() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public Optional<TcpSocketRow> row(int localPort, int remotePort) {
                reads.incrementAndGet();
                return PROC.row(localPort, remotePort);
            }
        };
        connect(65536);
        SocketChannel second = SocketChannel.open(listener.getLocalAddress());
        second.configureBlocking(false);
        LiveSocket s = new LiveSocket(second, loop, 2, counting);
        try {
            for (int i = 0; i < 1_000; i++) {
                assertEquals(0, s.getpeername(), "a live connection has its peer");
            }
            assertTrue(reads.get() < 100, "the kernel's table was read " + reads.get() + " times for 1000 calls");
        } finally {
            s.close();
        }
    }

    @Test
    @Timeout(20)
    void theDataQueuedBeforeAFinIsReadThenEndOfStream() throws Exception {
        connect(65536);
        peer.write(ByteBuffer.wrap(HELLO));
        peer.shutdownOutput(); // FIN after the data
        byte[] buf = new byte[64];
        int n = Errno.EAGAIN.asReturn();
        for (int i = 0; i < 2_000 && n == Errno.EAGAIN.asReturn(); i++) {
            n = socket.recv(buf, 0, buf.length);
            if (n == Errno.EAGAIN.asReturn()) {
                Thread.sleep(1);
            }
        }
        assertEquals(HELLO.length, n);
        assertEquals("Hello World!", new String(buf, 0, 12, StandardCharsets.US_ASCII));
        assertEquals(0, socket.recv(buf, 0, buf.length), "end of stream is 0, as recv(2) says");
        assertEquals(0, socket.recv(buf, 0, buf.length), "and stays 0");
    }

    @Test
    @Timeout(20)
    void shutdownOfAnUnconnectedSocketIsEnotconn() throws Exception {
        try (SocketChannel ch = SocketChannel.open()) {
            LiveSocket s = new LiveSocket(ch, loop, 1, PROC);
            assertEquals(Errno.ENOTCONN.asReturn(), s.shutdownWrite());
            assertEquals(Errno.ENOTCONN.asReturn(), s.getpeername());
            assertEquals(0, s.takeError());
        }
    }

    @Test
    @Timeout(20)
    void availableIsTheKernelsReceiveQueue() throws Exception {
        connect(65536);
        peer.write(ByteBuffer.wrap(HELLO));
        int n = 0;
        for (int i = 0; i < 2_000 && n == 0; i++) {
            n = socket.available();
            if (n == 0) {
                Thread.sleep(1);
            }
        }
        assertEquals(PROC.available() ? HELLO.length : 0, n);
    }
}
