package tcpflowlab.live;

import tcpflowlab.scenario.OverflowPolicy;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ServerConfig;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.ErrnoCount;
import tcpflowlab.telemetry.ErrnoTally;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The C-style server over a real socket: accepts, switches the connection to non-blocking and
 * writes fixed-size messages at the scenario's pace; {@code write()} returning 0 is EAGAIN.
 * With CLOSE it closes while the client's replies sit unread, so the kernel itself sends the
 * RST, as in the story. It never reads replies unless the scenario says so.
 */
final class LiveServer {
    private static final byte[] HELLO = "Hello World!\0".getBytes(StandardCharsets.US_ASCII);

    private final LiveRun run;
    private final InetSocketAddress listen;
    private final ErrnoTally errors;
    private volatile ServerSocketChannel listener;
    private volatile SocketChannel channel;
    private volatile Selector selector;
    private volatile long bytesWritten;
    private volatile long messagesSent;
    private volatile long messagesDropped;
    private volatile LiveSpillServer spill;

    LiveServer(LiveRun run, InetSocketAddress listen) {
        this.run = run;
        this.listen = listen;
        this.errors = new ErrnoTally(Side.SERVER, run::event, run::timeNanos);
    }

    void run() {
        Scenario s = run.scenario();
        try (ServerSocketChannel ss = ServerSocketChannel.open()) {
            listener = ss;
            ss.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (!s.sockets().autotune()) {
                // Set on the listening socket so accepted sockets inherit it, as a C server
                // sets it before listen() to get the window scale right.
                ss.setOption(StandardSocketOptions.SO_RCVBUF, s.sockets().serverRcvBuf());
            }
            try {
                ss.bind(listen, 16);
            } catch (IOException e) {
                run.fail("cannot listen on " + hostPort(listen) + ": " + LiveErrno.describe(e)
                        + LiveErrno.of(e).map(LiveServer::bindHint).orElse(""));
                return;
            }
            InetSocketAddress bound = (InetSocketAddress) ss.getLocalAddress();
            run.event(Side.SERVER, EventKind.LISTEN, null, 0, 0, "listening on " + hostPort(bound)
                    + "; overflow policy " + s.server().overflowPolicy());
            run.listeningOn(bound.getPort());
            if (s.server().overflowPolicy() == tcpflowlab.scenario.OverflowPolicy.SPILL) {
                serveSpill(ss);
                return;
            }
            while (run.isRunning()) {
                SocketChannel ch;
                try {
                    ch = ss.accept();
                } catch (ClosedChannelException e) { // includes AsynchronousCloseException: stop() closed it
                    return;
                }
                serve(ch);
                if (!run.scenario().server().acceptAgain()) {
                    break;
                }
            }
        } catch (IOException e) {
            if (run.isRunning()) {
                run.fail("server: " + LiveErrno.describe(e));
            }
        }
    }

    private void serveSpill(ServerSocketChannel ss) throws IOException {
        java.nio.file.Path dir = run.options().spillDir();
        boolean temporary = dir == null;
        if (temporary) {
            dir = java.nio.file.Files.createTempDirectory("tcpflowlab-spill");
        }
        spill = new LiveSpillServer(run, dir);
        try (Selector sel = Selector.open()) {
            selector = sel;
            spill.serve(ss, sel);
        } finally {
            selector = null;
            if (temporary) {
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private void serve(SocketChannel ch) throws IOException {
        Scenario s = run.beforeCall();
        channel = ch;
        int id;
        boolean inProcessClient = run.options().runsClient();
        InetSocketAddress peer = (InetSocketAddress) ch.getRemoteAddress();
        InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
        if (!s.sockets().autotune()) {
            ch.setOption(StandardSocketOptions.SO_SNDBUF, s.sockets().serverSndBuf());
        }
        ch.configureBlocking(false);
        long sndBuf = KernelBuffers.kernelBytes(ch.getOption(StandardSocketOptions.SO_SNDBUF));
        long rcvBuf = KernelBuffers.kernelBytes(ch.getOption(StandardSocketOptions.SO_RCVBUF));
        if (inProcessClient) {
            id = run.connections(); // the in-process client numbered it when it connected
        } else {
            id = run.nextConnection();
            run.event(Side.SERVER, EventKind.CONNECT, null, 0, id, "accepted " + hostPort(peer));
        }
        run.serverConnected(new LiveRun.Half(id, local.getPort(), peer.getPort(), sndBuf));
        run.event(Side.SERVER, EventKind.CONNECT, null, sndBuf, id, "server socket: SO_SNDBUF " + sndBuf
                + " B, SO_RCVBUF " + rcvBuf + " B (as the kernel holds them: " + KernelBuffers.NOTE + ")");
        try (Selector sel = Selector.open()) {
            selector = sel;
            ch.register(sel, 0);
            sendLoop(ch, sel, id);
        } finally {
            selector = null;
            if (ch.isOpen()) {
                if (run.isRunning()) {
                    closeConnection(ch, id, "server closed the connection");
                } else {
                    ch.close(); // the run is over: closing is not an event of the run
                }
            }
            channel = null;
        }
    }

    private void sendLoop(SocketChannel ch, Selector sel, int id) throws IOException {
        ByteBuffer message = ByteBuffer.allocate(0);
        ByteBuffer scratch = ByteBuffer.allocate(65_536);
        long next = System.nanoTime();
        boolean stalled = false;
        long droppedInStall = 0;
        while (run.isRunning() && ch.isOpen()) {
            Scenario s = run.beforeCall();
            ServerConfig c = s.server();
            if (message.capacity() != c.messageSize()) {
                message = ByteBuffer.allocate(c.messageSize());
                for (int i = 0; i < c.messageSize(); i++) {
                    message.put(HELLO[i % HELLO.length]);
                }
                message.flip();
            }
            long gap = Math.round(c.sendGapUs() * 1_000.0);
            if (gap > 0) {
                long now = System.nanoTime();
                if (next - now > 0) {
                    run.sleepNanos(next - now);
                } else if (now - next > 100_000_000L) {
                    next = now; // more than 100 ms behind: do not burst to catch up
                }
                next += gap;
            }
            if (c.readReplies()) {
                scratch.clear();
                try {
                    ch.read(scratch);
                } catch (IOException e) {
                    // the write below meets the same condition and reports it
                }
            }
            int n;
            try {
                n = ch.write(message);
            } catch (IOException e) {
                if (!run.isRunning()) {
                    return; // stop() closed the channel under the write
                }
                Errno errno = LiveErrno.of(e).orElse(null);
                if (errno == null) {
                    run.event(Side.SERVER, EventKind.SOCKET_ERROR, null, 0, id, "send() failed: " + e.getMessage());
                } else {
                    errors.failed("send", errno, id, "the server closes the connection");
                }
                closeConnection(ch, id, "server closed the connection after a send error");
                return;
            }
            if (n > 0) {
                bytesWritten += n;
                if (!message.hasRemaining()) {
                    messagesSent++;
                    message.rewind();
                }
                if (stalled) {
                    stalled = false;
                    if (droppedInStall > 0) {
                        run.event(Side.SERVER, EventKind.DROP, null, droppedInStall * c.messageSize(), id,
                                "send buffer has room again; " + droppedInStall + " messages were dropped and are lost");
                        droppedInStall = 0;
                    }
                }
                continue;
            }
            // write() returned 0: the send buffer is full (EAGAIN).
            OverflowPolicy policy = c.overflowPolicy();
            if (policy == OverflowPolicy.CLOSE) {
                run.event(Side.SERVER, EventKind.EAGAIN, Errno.EAGAIN, 0, id,
                        "send() failed with EAGAIN: the server logs \"send buffer full\" and closes the connection");
                closeConnection(ch, id, "server closed the connection with the client's replies unread: "
                        + "its kernel answers with RST");
                return;
            }
            if (policy == OverflowPolicy.DROP && message.position() == 0) {
                if (!stalled) {
                    stalled = true;
                    run.event(Side.SERVER, EventKind.DROP, Errno.EAGAIN, c.messageSize(), id,
                            "send() failed with EAGAIN: dropping messages until the send buffer has room");
                }
                droppedInStall++;
                messagesDropped++;
                if (gap == 0) {
                    Thread.onSpinWait();
                }
                continue;
            }
            if (!stalled) {
                stalled = true;
                run.event(Side.SERVER, EventKind.EAGAIN, Errno.EAGAIN, 0, id,
                        "send() failed with EAGAIN: waiting until the socket is writable (backpressure)");
            }
            SelectionKey key = ch.keyFor(sel);
            if (key == null || !key.isValid()) {
                return; // stop() closed the channel
            }
            key.interestOps(SelectionKey.OP_WRITE);
            try {
                while (run.isRunning() && ch.isOpen()) {
                    if (sel.select(100) > 0) {
                        sel.selectedKeys().clear();
                        break;
                    }
                }
                if (key.isValid()) {
                    key.interestOps(0);
                }
            } catch (java.nio.channels.CancelledKeyException | java.nio.channels.ClosedSelectorException e) {
                return; // stop() closed the channel while we waited
            }
            if (run.isRunning()) {
                run.event(Side.SERVER, EventKind.SEND_BUFFER_WRITABLE, null, 0, id,
                        "send buffer has room again: the server resumes");
            }
        }
    }

    private void closeConnection(SocketChannel ch, int id, String why) {
        try {
            ch.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
        run.event(Side.SERVER, EventKind.DISCONNECT, null, 0, id, why);
        errors.connectionEnded(id);
    }

    void shutdown() {
        Selector sel = selector;
        if (sel != null) {
            sel.wakeup();
        }
        closeQuietly(channel);
        closeQuietly(listener);
    }

    private static void closeQuietly(java.nio.channels.Channel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // shutting down
            }
        }
    }

    /** What a bind(2) errno usually means for the person who chose the address. */
    private static String bindHint(Errno errno) {
        return switch (errno) {
            case EADDRINUSE -> " (the port is in use)";
            case EACCES -> " (ports below 1024 need root or CAP_NET_BIND_SERVICE)";
            case EADDRNOTAVAIL -> " (the address is not one of this machine's)";
            default -> "";
        };
    }

    static String hostPort(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    long bytesWritten() {
        LiveSpillServer sp = spill;
        return sp != null ? sp.bytesWritten() : bytesWritten;
    }

    long messagesSent() {
        LiveSpillServer sp = spill;
        return sp != null ? sp.framesSent() : messagesSent;
    }

    long spillDepthBytes() {
        LiveSpillServer sp = spill;
        return sp == null ? 0 : sp.depthBytes();
    }

    long spillDepthMessages() {
        LiveSpillServer sp = spill;
        return sp == null ? 0 : sp.depthMessages();
    }

    long spillFsyncNanos() {
        LiveSpillServer sp = spill;
        return sp == null ? 0 : sp.fsyncNanos();
    }

    LiveSpillServer spill() {
        return spill;
    }

    long messagesDropped() {
        return messagesDropped;
    }

    List<ErrnoCount> errors() {
        LiveSpillServer sp = spill;
        return sp != null ? sp.errors() : errors.entries();
    }
}
