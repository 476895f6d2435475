package tcpflowlab.live;

import tcpflowlab.scenario.ClientConfig;
import tcpflowlab.scenario.ReadStrategy;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.ErrnoCount;
import tcpflowlab.telemetry.ErrnoTally;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Python-style client over a real socket. FIXED_READ: wait until readable, one
 * recv(readSize), the processing delay, the reply, the getpeername() logging step. DRAIN:
 * wait until readable, recv until EAGAIN, process the batch once. A failed call is logged
 * and the loop goes on until end of stream; then it reconnects with back-off if asked.
 * <p>
 * The socket is non-blocking with a selector standing in for Python's blocking calls, so the
 * strategy can change during a run. Java caches the peer address instead of calling
 * getpeername(2), so the logging step asks the kernel (/proc/net/tcp) whether the socket still
 * has a peer: a reset socket is gone from the table, which is exactly when getpeername() fails
 * with ENOTCONN.
 */
final class LiveClient {
    private static final byte[] REPLY = "Hi i got the data".getBytes(StandardCharsets.US_ASCII);

    private final LiveRun run;
    private final InetSocketAddress target;
    private final ErrnoTally errors;
    private final SplittableRandom random;
    private volatile SocketChannel channel;
    private volatile Selector selector;
    private volatile long bytesRead;
    private boolean sawReset;
    private final tcpflowlab.spill.FrameReceiver frames = new tcpflowlab.spill.FrameReceiver(this::onGap);
    private volatile int connectionId;
    private volatile long hangUps;
    private volatile boolean everConnected;
    private volatile String lastConnectFailure;

    LiveClient(LiveRun run, InetSocketAddress target) {
        this.run = run;
        this.target = target;
        this.errors = new ErrnoTally(Side.CLIENT, run::event, run::timeNanos);
        this.random = new SplittableRandom(run.scenario().run().seed());
    }

    void run() {
        double backoff = run.scenario().client().reconnectBackoffMs();
        while (run.isRunning()) {
            Scenario s = run.beforeCall();
            boolean connected = connectAndServe(s);
            ClientConfig c = run.scenario().client();
            if (!run.isRunning() || !c.reconnect()) {
                return;
            }
            backoff = connected ? c.reconnectBackoffMs() : Math.min(c.reconnectBackoffMaxMs(), backoff * 2);
            run.event(Side.CLIENT, EventKind.RECONNECT, null, 0, 0,
                    String.format(java.util.Locale.ROOT, "reconnecting in %.0f ms", backoff));
            run.sleepNanos(Math.round(backoff * 1e6));
        }
    }

    /** One connection's life; false when the connection could not be made. */
    private boolean connectAndServe(Scenario s) {
        int id = run.nextConnection();
        try (SocketChannel ch = SocketChannel.open(); Selector sel = Selector.open()) {
            channel = ch;
            selector = sel;
            if (!s.sockets().autotune()) {
                ch.setOption(StandardSocketOptions.SO_RCVBUF, s.sockets().clientRcvBuf());
                ch.setOption(StandardSocketOptions.SO_SNDBUF, s.sockets().clientSndBuf());
            }
            try {
                if (!TimedConnect.connect(ch, sel, target, run.options().connectTimeout(), run::isRunning)) {
                    return false; // the run ended while connecting
                }
            } catch (IOException e) {
                if (!run.isRunning()) {
                    return false;
                }
                Errno errno = LiveErrno.of(e).orElse(null);
                if (errno != null) {
                    errors.counted(errno); // into the summary: a run that never connected says why
                }
                lastConnectFailure = "connect() to " + LiveServer.hostPort(target) + " failed: " + LiveErrno.describe(e);
                run.event(Side.CLIENT, EventKind.CONNECT_FAILED, errno, 0, id, lastConnectFailure);
                return false;
            }
            everConnected = true;
            InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
            long rcv = KernelBuffers.kernelBytes(ch.getOption(StandardSocketOptions.SO_RCVBUF));
            long snd = KernelBuffers.kernelBytes(ch.getOption(StandardSocketOptions.SO_SNDBUF));
            run.clientConnected(new LiveRun.Half(id, local.getPort(), target.getPort(), rcv));
            sawReset = false;
            run.event(Side.CLIENT, EventKind.CONNECT, null, rcv, id, "port " + local.getPort() + " connected to "
                    + LiveServer.hostPort(target) + "; client SO_RCVBUF " + rcv + " B, SO_SNDBUF " + snd
                    + " B (as the kernel holds them: " + KernelBuffers.NOTE + ")");
            ch.configureBlocking(false);
            SelectionKey key = ch.register(sel, 0);
            frames.newConnection();
            connectionId = id;
            loop(ch, sel, key, id, local.getPort(), System.nanoTime());
            return true;
        } catch (IOException e) {
            if (run.isRunning()) {
                run.event(Side.CLIENT, EventKind.SOCKET_ERROR, LiveErrno.of(e).orElse(null), 0, id,
                        "client: " + LiveErrno.describe(e));
            }
            return false;
        } finally {
            channel = null;
            selector = null;
        }
    }

    private boolean spillProtocol() {
        return run.scenario().server().overflowPolicy() == tcpflowlab.scenario.OverflowPolicy.SPILL;
    }

    /**
     * SPILL: frames out of the byte stream; duplicates (replayed, already seen) are dropped.
     * Null, or why the stream is not frames (the caller closes the connection and connects again).
     */
    private String onData(ByteBuffer buf) {
        if (!spillProtocol()) {
            return null;
        }
        return frames.feed(buf.array(), 0, buf.position());
    }

    private void onGap(long firstMissing, long lastMissing) {
        run.event(Side.CLIENT, EventKind.PROTOCOL_ERROR, null, 0, connectionId, "sequences " + firstMissing
                + " .. " + lastMissing + " never arrived: " + (lastMissing - firstMissing + 1)
                + " messages lost (counted as a gap)");
    }

    private void loop(SocketChannel ch, Selector sel, SelectionKey key, int id, int localPort, long connectedAt)
            throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1);
        while (run.isRunning()) {
            Scenario s = run.beforeCall();
            ClientConfig c = s.client();
            if (buf.capacity() != c.readSize()) {
                buf = ByteBuffer.allocate(c.readSize());
            }
            if (!await(sel, key, SelectionKey.OP_READ)) {
                return;
            }
            long batch = 0;
            boolean eof = false;
            boolean failedRecv = false;
            do {
                buf.clear();
                int n;
                try {
                    n = ch.read(buf);
                } catch (IOException e) {
                    failed("recv", e, id);
                    failedRecv = true;
                    break;
                }
                if (n < 0) {
                    eof = true;
                    break;
                }
                if (n == 0) {
                    break;
                }
                bytesRead += n;
                batch += n;
                String bad = onData(buf);
                if (bad != null) {
                    ch.close();
                    run.event(Side.CLIENT, EventKind.PROTOCOL_ERROR, null, 0, id, bad
                            + ": the client closes the connection and connects again; it keeps what it has");
                    errors.connectionEnded(id);
                    return;
                }
            } while (c.strategy() == ReadStrategy.DRAIN);
            if (eof && batch == 0) {
                endOfStream(ch, id);
                return;
            }
            if (failedRecv) {
                logPeer(localPort, id);
                continue;
            }
            if (batch == 0) {
                continue;
            }
            double ms = c.processingDelayMs() + (c.processingJitterMs() > 0 ? random.nextDouble() * c.processingJitterMs() : 0);
            run.sleepNanos(Math.round(ms * 1e6));
            reply(ch, sel, key, c, id);
            logPeer(localPort, id);
            if (eof) {
                endOfStream(ch, id);
                return;
            }
            if (c.disconnectEveryS() > 0 && System.nanoTime() - connectedAt >= Math.round(c.disconnectEveryS() * 1e9)) {
                hangUps++;
                ch.close();
                run.event(Side.CLIENT, EventKind.DISCONNECT, null, 0, id, String.format(java.util.Locale.ROOT,
                        "the client hangs up after %.1f s on this connection, as configured", c.disconnectEveryS()));
                errors.connectionEnded(id);
                return;
            }
        }
    }

    /** A blocking send() of the reply, as Python's socket.send does. */
    private void reply(SocketChannel ch, Selector sel, SelectionKey key, ClientConfig c, int id) {
        if (spillProtocol()) {
            // SPILL: the reply is the acknowledgement, the 8-byte sequence of the last message.
            byte[] ack = frames.ack();
            if (ack == null) {
                return;
            }
            blockingSend(ch, sel, key, ByteBuffer.wrap(ack), true, id);
            return;
        }
        if (c.replySize() == 0) {
            return;
        }
        ByteBuffer r = ByteBuffer.allocate(c.replySize());
        for (int i = 0; i < c.replySize(); i++) {
            r.put(REPLY[i % REPLY.length]);
        }
        r.flip();
        // Python's send() returns after a partial write; the story's code ignores the count.
        blockingSend(ch, sel, key, r, false, id);
    }

    /**
     * A blocking send(): waits while the socket takes nothing, then returns after the first bytes
     * written ({@code whole}: after all of them, as an acknowledgement must go out whole).
     */
    private void blockingSend(SocketChannel ch, Selector sel, SelectionKey key, ByteBuffer r, boolean whole, int id) {
        try {
            while (r.hasRemaining() && run.isRunning()) {
                if (ch.write(r) == 0) {
                    if (!await(sel, key, SelectionKey.OP_WRITE)) {
                        return;
                    }
                } else if (!whole) {
                    return;
                }
            }
        } catch (IOException e) {
            failed("send", e, id);
        }
    }

    /** The story's logging step: print(conn.getpeername(), data). */
    private void logPeer(int localPort, int id) {
        if (!run.isRunning() || !run.scenario().client().logPeer()) {
            return;
        }
        KernelProbe probe = run.probe();
        boolean hasPeer = probe != null && probe.available()
                ? probe.hasPeer(localPort, target.getPort())
                : !sawReset;
        if (!hasPeer && run.isRunning()) { // stop() flips the state before it closes the socket
            errors.failed("getpeername", Errno.ENOTCONN, id, "logged, and the loop goes on");
        }
    }

    private void failed(String call, IOException e, int id) {
        if (!run.isRunning()) {
            return; // the run is ending and closed the socket under the call
        }
        Errno errno = LiveErrno.of(e).orElse(null);
        if (errno == Errno.ECONNRESET || errno == Errno.EPIPE) {
            sawReset = true;
        }
        if (errno == null) {
            run.event(Side.CLIENT, EventKind.SOCKET_ERROR, null, 0, id, call + "() failed: " + e.getMessage());
        } else {
            errors.failed(call, errno, id, "logged, and the loop goes on");
        }
    }

    private void endOfStream(SocketChannel ch, int id) {
        run.event(Side.CLIENT, EventKind.END_OF_STREAM, null, 0, id,
                "recv() returned 0: the server has gone; the client closes its socket");
        try {
            ch.close();
        } catch (IOException e) {
            // closing anyway
        }
        run.event(Side.CLIENT, EventKind.DISCONNECT, null, 0, id, "client closed the connection");
        errors.connectionEnded(id);
    }

    /** Waits until the channel is ready for {@code ops}; false when the run ended. */
    private boolean await(Selector sel, SelectionKey key, int ops) throws IOException {
        try {
            key.interestOps(ops);
            while (run.isRunning()) {
                if (sel.select(100) > 0) {
                    sel.selectedKeys().clear();
                    return true;
                }
            }
            return false;
        } catch (java.nio.channels.CancelledKeyException | java.nio.channels.ClosedSelectorException e) {
            return false; // stop() closed the channel
        } finally {
            if (key.isValid()) {
                key.interestOps(0);
            }
        }
    }

    void shutdown() {
        Selector sel = selector;
        if (sel != null) {
            sel.wakeup();
        }
        SocketChannel ch = channel;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // shutting down
            }
        }
    }

    long lastSeen() {
        return frames.lastSeen();
    }

    long delivered() {
        return frames.delivered();
    }

    long duplicates() {
        return frames.duplicates();
    }

    long gaps() {
        return frames.gaps();
    }

    /** Why the last connect() failed, or null. */
    String lastConnectFailure() {
        return lastConnectFailure;
    }

    boolean everConnected() {
        return everConnected;
    }

    long hangUps() {
        return hangUps;
    }

    long bytesRead() {
        return bytesRead;
    }

    List<ErrnoCount> errors() {
        return errors.entries();
    }
}
