package tcpflowlab.live;

import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ServerConfig;
import tcpflowlab.spill.AckTracker;
import tcpflowlab.spill.Frames;
import tcpflowlab.spill.OverflowQueue;
import tcpflowlab.spill.QueueFullException;
import tcpflowlab.spill.SpillConfig;
import tcpflowlab.spill.SpillQueue;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.ErrnoTally;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The SPILL policy over real sockets and a real disk: produces messages on schedule into the
 * durable {@link SpillQueue} whether or not a client is there, sends from the queue in FIFO
 * order while a client's socket takes data, and advances the queue's committed position only on
 * the client's acknowledgements. When the client comes back, it replays from there. One
 * selector loop does it all, so accepting never blocks production. A client that connects while
 * another is connected takes over (the old one may be idle or stale and must not lock a
 * returning client out), and each connection's acknowledgements are checked by an
 * {@link AckTracker}.
 */
final class LiveSpillServer {
    private static final byte[] HELLO = "Hello World!\0".getBytes(StandardCharsets.US_ASCII);
    /** Reads of acknowledgements per loop turn: a flooding client must not starve production or accept. */
    private static final int ACK_READS_PER_TURN = 16;

    private final LiveRun run;
    private final ErrnoTally errors;
    private final Path dir;
    private volatile long depthBytes;
    private volatile long depthMessages;
    private volatile long fsyncNanos;
    private final FsyncWindow fsyncWindow = new FsyncWindow();
    private volatile long bytesWritten;
    private volatile long framesSent;
    private volatile long produced;

    LiveSpillServer(LiveRun run, Path dir) {
        this.run = run;
        this.dir = dir;
        this.errors = new ErrnoTally(Side.SERVER, run::event, run::timeNanos);
    }

    void serve(ServerSocketChannel ss, Selector sel) throws IOException {
        Scenario s0 = run.scenario();
        SpillConfig cfg = SpillConfig.defaults(dir).withCapacityBytes(s0.server().spillCapacityBytes());
        try (SpillQueue queue = SpillQueue.open(cfg)) {
            if (!queue.recoveryReport().clean() || queue.depthMessages() > 0) {
                run.event(Side.SERVER, EventKind.SPILL, null, queue.depthBytes(), 0, "opened the durable queue in " + dir
                        + ": " + queue.depthMessages() + " messages waiting" + (queue.recoveryReport().clean() ? ""
                        : "; recovery: " + String.join("; ", queue.recoveryReport().notes())
                        + (queue.recoveryReport().lost().isEmpty() ? "" : "; "
                        + (queue.recoveryReport().lostCountKnown() ? "" : "at most ") + queue.recoveryReport().lostMessages()
                        + " messages lost, in the ranges below")));
            }
            for (tcpflowlab.spill.RecoveryReport.LostRange lost : queue.recoveryReport().lost()) {
                run.event(Side.SERVER, EventKind.SPILL, null, queue.depthBytes(), 0, "recovery of " + dir + ": " + lost);
            }
            loop(ss, sel, queue);
        }
    }

    private void loop(ServerSocketChannel ss, Selector sel, OverflowQueue queue) throws IOException {
        ss.configureBlocking(false);
        ss.register(sel, SelectionKey.OP_ACCEPT);
        SocketChannel ch = null;
        SelectionKey key = null;
        int id = 0;
        OverflowQueue.Reader reader = null;
        ByteBuffer frame = null;
        long frameSequence = 0;
        ByteBuffer scratch = ByteBuffer.allocate(4096);
        AckTracker acks = null;
        byte[] message = new byte[0];
        long nextProduce = System.nanoTime();
        boolean spillingReported = false;
        boolean full = false;
        long replayUntil = 0;
        while (run.isRunning()) {
            Scenario s = run.beforeCall();
            ServerConfig c = s.server();
            if (message.length != c.messageSize()) {
                message = new byte[c.messageSize()];
                for (int i = 0; i < message.length; i++) {
                    message[i] = HELLO[i % HELLO.length];
                }
            }
            long gap = Math.max(1_000L, Math.round(c.sendGapUs() * 1_000.0));
            long now = System.nanoTime();
            if (now - nextProduce > 100_000_000L) {
                nextProduce = now; // more than 100 ms behind: do not burst to catch up
            }
            for (int i = 0; i < 1000 && now >= nextProduce; i++) {
                try {
                    queue.append(message);
                    produced++;
                    nextProduce += gap;
                    if (full) {
                        full = false;
                        run.event(Side.SERVER, EventKind.SEND_BUFFER_WRITABLE, null, queue.depthBytes(), id,
                                "the spill queue has room again: the server produces again");
                    }
                } catch (QueueFullException e) {
                    if (!full) {
                        full = true;
                        run.event(Side.SERVER, EventKind.EAGAIN, null, queue.depthBytes(), id, "the spill queue is full ("
                                + queue.depthBytes() + " B): backpressure, the server waits for acknowledgements; nothing is dropped");
                    }
                    nextProduce = now + gap;
                    break;
                }
            }
            if ((ch == null || frame != null) && !spillingReported && queue.depthMessages() > 0) {
                spillingReported = true;
                run.event(Side.SERVER, EventKind.SPILL, null, queue.depthBytes(), id, ch == null
                        ? "no client is connected: messages wait in the durable queue on disk"
                        : "the client is slow (send buffer full): messages wait in the durable queue on disk");
            }
            if (queue instanceof SpillQueue sq) {
                sq.syncIfDue();
            }
            // accept a returning client; it takes over from any current connection
            {
                SocketChannel accepted = ss.accept();
                if (accepted != null) {
                    if (ch != null) {
                        run.event(Side.SERVER, EventKind.DISCONNECT, null, queue.depthBytes(), id, "a new client connected "
                                + "and takes over: the server closes this connection and replays from sequence "
                                + (queue.committedSequence() + 1) + ", after the last acknowledged message");
                        close(ch);
                        errors.connectionEnded(id);
                        spillingReported = false;
                    }
                    ch = accepted;
                    ch.configureBlocking(false);
                    if (!s.sockets().autotune()) {
                        ch.setOption(java.net.StandardSocketOptions.SO_SNDBUF, s.sockets().serverSndBuf());
                    }
                    id = run.options().runsClient() ? run.connections() : run.nextConnection();
                    java.net.InetSocketAddress local = (java.net.InetSocketAddress) ch.getLocalAddress();
                    java.net.InetSocketAddress peer = (java.net.InetSocketAddress) ch.getRemoteAddress();
                    run.serverConnected(new LiveRun.Half(id, local.getPort(), peer.getPort(),
                            KernelBuffers.kernelBytes(ch.getOption(java.net.StandardSocketOptions.SO_SNDBUF))));
                    key = ch.register(sel, SelectionKey.OP_READ);
                    reader = queue.reader();
                    frame = null;
                    acks = new AckTracker();
                    if (queue.depthMessages() > 0) {
                        replayUntil = queue.lastSequence();
                        run.event(Side.SERVER, EventKind.REPLAY, null, queue.depthBytes(), id, "client connected: replaying "
                                + queue.depthMessages() + " messages from sequence " + (queue.committedSequence() + 1)
                                + " in FIFO order");
                    }
                }
            }
            if (ch != null) {
                boolean ended = false;
                String rejection = null;
                try {
                    // acknowledgements first: they free the queue
                    for (int reads = 0; reads < ACK_READS_PER_TURN; reads++) {
                        scratch.clear();
                        int n = ch.read(scratch);
                        if (n < 0) {
                            ended = true;
                            rejection = acks.endOfStream();
                            break;
                        }
                        if (n == 0) {
                            break;
                        }
                        AckTracker.Outcome o = acks.feed(scratch.array(), 0, n, queue.committedSequence());
                        long highest = o.acknowledge();
                        if (o.rejected()) {
                            ended = true;
                            rejection = o.rejection();
                        }
                        if (highest > 0) {
                            queue.acknowledge(highest);
                            if (replayUntil > 0 && highest >= replayUntil) {
                                run.event(Side.SERVER, EventKind.REPLAY, null, 0, id,
                                        "replay complete: the client acknowledged every message up to " + replayUntil);
                                replayUntil = 0;
                                spillingReported = false;
                            }
                        }
                        if (ended) {
                            break;
                        }
                    }
                    // then send from the queue while the socket takes data
                    while (!ended) {
                        if (frame == null) {
                            SpillQueue.Record r = reader.next();
                            if (r == null) {
                                break;
                            }
                            frame = ByteBuffer.wrap(Frames.frame(r.sequence(), r.payload()));
                            frameSequence = r.sequence();
                        }
                        int n = ch.write(frame);
                        bytesWritten += n;
                        if (frame.hasRemaining()) {
                            break; // EAGAIN: wait for OP_WRITE
                        }
                        frame = null;
                        framesSent++;
                        acks.frameWritten(frameSequence);
                    }
                } catch (IOException e) {
                    if (!run.isRunning()) {
                        break;
                    }
                    Errno errno = LiveErrno.of(e).orElse(null);
                    if (errno != null) {
                        errors.failed("send/recv", errno, id, "the server closes the connection; the queue keeps the messages");
                    }
                    ended = true;
                }
                if (ended) {
                    if (rejection != null) {
                        run.event(Side.SERVER, EventKind.PROTOCOL_ERROR, null, 0, id, rejection
                                + "; the server closes the connection and deletes nothing");
                    }
                    close(ch);
                    run.event(Side.SERVER, EventKind.DISCONNECT, null, queue.depthBytes(), id, "connection closed; "
                            + queue.depthMessages() + " messages wait in the queue for the client's return");
                    errors.connectionEnded(id);
                    ch = null;
                    key = null;
                    frame = null;
                    spillingReported = false;
                } else {
                    key.interestOps(SelectionKey.OP_READ | (frame != null ? SelectionKey.OP_WRITE : 0));
                }
            }
            depthBytes = queue.depthBytes();
            depthMessages = queue.depthMessages();
            if (queue instanceof SpillQueue sq) {
                fsyncWindow.update(System.nanoTime(), sq.fsyncCount(), sq.fsyncNanosTotal());
                fsyncNanos = fsyncWindow.mean();
            }
            long wait = Math.max(0, Math.min(10_000_000L, nextProduce - System.nanoTime()));
            if (wait > 50_000) {
                sel.select(Math.max(1, wait / 1_000_000));
            } else {
                sel.selectNow();
            }
            sel.selectedKeys().clear();
        }
        if (ch != null) {
            ch.close();
        }
    }

    private static void close(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    long depthBytes() {
        return depthBytes;
    }

    long depthMessages() {
        return depthMessages;
    }

    long fsyncNanos() {
        return fsyncNanos;
    }

    long bytesWritten() {
        return bytesWritten;
    }

    long framesSent() {
        return framesSent;
    }

    long produced() {
        return produced;
    }

    java.util.List<tcpflowlab.telemetry.ErrnoCount> errors() {
        return errors.entries();
    }
}
