package tcpflowlab.sim.app;

import tcpflowlab.scenario.ClientConfig;
import tcpflowlab.scenario.ReadStrategy;
import tcpflowlab.sim.tcp.SimSocket;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.ErrnoCount;
import tcpflowlab.telemetry.ErrnoTally;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.util.List;

/**
 * The Python-style client (the story's Server B). Its loop, with FIXED_READ:
 * <pre>
 *   data = s.recv(read_size)        # blocking
 *   work(processing_delay)
 *   s.send(b"Hi i got the data")
 *   log(s.getpeername(), data)
 * </pre>
 * With DRAIN it waits until readable, calls recv until EAGAIN, then works once per batch. A
 * failed call is logged with the peer's address (which is how the story met ENOTCONN) and the
 * loop goes on until recv() returns end of stream; then it closes and, if asked, reconnects
 * with exponential back-off. This shows Linux's errno order in full: ECONNRESET once, then
 * EPIPE, recv draining what was queued, then 0.
 */
public final class ClientApp {
    private final AppContext ctx;
    private final ErrnoTally errors;
    private byte[] buffer = new byte[1024];
    private byte[] reply = MessagePattern.sized(MessagePattern.REPLY, 17);
    private SimSocket socket;
    private double backoffMs = -1;
    private long batch;

    private final tcpflowlab.spill.FrameReceiver frames = new tcpflowlab.spill.FrameReceiver(this::onGap);
    private long connectedAt;
    private long hangUps;
    private long bytesRead;
    private long loops;
    private long repliesSent;
    private long connectsAttempted;
    private long connectsSucceeded;
    private long endOfStreams;

    public ClientApp(AppContext ctx) {
        this.ctx = ctx;
        this.errors = new ErrnoTally(Side.CLIENT, ctx::event, () -> ctx.clock().now());
    }

    public void start() {
        connect();
    }

    private void connect() {
        ctx.beforeCall();
        connectsAttempted++;
        SimSocket[] holder = new SimSocket[1];
        holder[0] = ctx.connect(() -> onConnectDone(holder[0]));
        socket = holder[0];
    }

    private void onConnectDone(SimSocket s) {
        if (s != socket) {
            return;
        }
        int error = s.takeError();
        if (error < 0 || s.getpeername() < 0) {
            Errno e = error < 0 ? Errno.fromReturn(error) : Errno.ECONNREFUSED;
            errors.counted(e); // into the summary: a run that never connected says why
            ctx.event(Side.CLIENT, EventKind.CONNECT_FAILED, e, 0, s.connection(),
                    "connect() failed: " + e.label() + " " + e.message());
            s.close();
            socket = null;
            ClientConfig c = ctx.scenario().client();
            backoffMs = backoffMs < 0 ? c.reconnectBackoffMs() : Math.min(c.reconnectBackoffMaxMs(), backoffMs * 2);
            scheduleReconnect();
            return;
        }
        connectsSucceeded++;
        backoffMs = -1;
        connectedAt = ctx.clock().now();
        frames.newConnection();
        nextLoop(0);
    }

    private void nextLoop(long delay) {
        if (ctx.scenario().client().strategy() == ReadStrategy.DRAIN) {
            ctx.clock().after(delay, this::waitReadable);
        } else {
            ctx.clock().after(delay, this::readOnce);
        }
    }

    // ---------------------------------------------------------------- FIXED_READ

    private void readOnce() {
        ctx.beforeCall();
        SimSocket s = socket;
        if (s == null) {
            return;
        }
        ClientConfig c = ctx.scenario().client();
        if (c.strategy() == ReadStrategy.DRAIN) {
            waitReadable();
            return;
        }
        int n = s.recv(buffer(c.readSize()), 0, c.readSize());
        if (n > 0) {
            ctx.tap().read(s.connection(), buffer, 0, n);
            bytesRead += n;
            if (!onData(n)) {
                return;
            }
            work(c);
        } else if (n == 0) {
            endOfStream();
        } else if (n == Errno.EAGAIN.asReturn()) {
            s.onReadable(this::readOnce); // a blocking recv() waits here
        } else {
            failed("recv", Errno.fromReturn(n));
            logPeer();
            nextLoop(ctx.callCost(c.callCostNs()));
        }
    }

    // ---------------------------------------------------------------- DRAIN

    private void waitReadable() {
        ctx.beforeCall();
        SimSocket s = socket;
        if (s == null) {
            return;
        }
        batch = 0;
        s.onReadable(this::drain);
    }

    private void drain() {
        ctx.beforeCall();
        SimSocket s = socket;
        if (s == null) {
            return;
        }
        while (true) {
            ClientConfig c = ctx.scenario().client();
            int n = s.recv(buffer(c.readSize()), 0, c.readSize());
            if (n > 0) {
                ctx.tap().read(s.connection(), buffer, 0, n);
                bytesRead += n;
                batch += n;
                if (!onData(n)) {
                    return;
                }
                long next = ctx.clock().now() + ctx.callCost(c.callCostNs());
                if (!ctx.continueInline(next)) {
                    ctx.clock().schedule(next, this::drain);
                    return;
                }
                continue;
            }
            if (n == Errno.EAGAIN.asReturn()) {
                if (batch > 0) {
                    work(c);
                } else {
                    waitReadable();
                }
                return;
            }
            if (n == 0) {
                endOfStream();
                return;
            }
            failed("recv", Errno.fromReturn(n));
            logPeer();
            nextLoop(ctx.callCost(c.callCostNs()));
            return;
        }
    }

    // ---------------------------------------------------------------- both

    private void work(ClientConfig c) {
        loops++;
        double ms = c.processingDelayMs();
        if (c.processingJitterMs() > 0) {
            ms += ctx.random().nextDouble() * c.processingJitterMs();
        }
        ctx.clock().after(ctx.callCost(c.callCostNs()) + Math.round(ms * 1_000_000.0), this::sendReply);
    }

    private boolean spillProtocol() {
        return ctx.scenario().server().overflowPolicy() == tcpflowlab.scenario.OverflowPolicy.SPILL;
    }

    /**
     * SPILL: frames out of the byte stream; duplicates (replayed, already seen) are dropped.
     * False when the stream is not frames: this connection is closed and the client connects again.
     */
    private boolean onData(int n) {
        if (!spillProtocol()) {
            return true;
        }
        String bad = frames.feed(buffer, 0, n);
        if (bad == null) {
            return true;
        }
        SimSocket s = socket;
        socket = null;
        s.cancelWaits();
        s.close();
        ctx.event(Side.CLIENT, EventKind.PROTOCOL_ERROR, null, 0, s.connection(), bad
                + ": the client closes the connection and connects again; it keeps what it has");
        errors.connectionEnded(s.connection());
        backoffMs = ctx.scenario().client().reconnectBackoffMs();
        scheduleReconnect();
        return false;
    }

    private void onGap(long firstMissing, long lastMissing) {
        ctx.event(Side.CLIENT, EventKind.PROTOCOL_ERROR, null, 0, socket == null ? 0 : socket.connection(),
                "sequences " + firstMissing + " .. " + lastMissing + " never arrived: "
                        + (lastMissing - firstMissing + 1) + " messages lost (counted as a gap)");
    }

    private void sendReply() {
        ctx.beforeCall();
        SimSocket s = socket;
        if (s == null) {
            return;
        }
        ClientConfig c = ctx.scenario().client();
        if (spillProtocol()) {
            // SPILL: the reply is the acknowledgement, the 8-byte sequence of the last message.
            byte[] ack = frames.ack();
            if (ack != null) {
                int n = s.send(ack, 0, ack.length);
                if (n == Errno.EAGAIN.asReturn()) {
                    s.onWritable(this::sendReply);
                    return;
                }
                if (n < 0) {
                    failed("send", Errno.fromReturn(n));
                }
            }
        } else if (c.replySize() > 0) {
            if (reply.length != c.replySize()) {
                reply = MessagePattern.sized(MessagePattern.REPLY, c.replySize());
            }
            int n = s.send(reply, 0, reply.length);
            if (n == Errno.EAGAIN.asReturn()) {
                s.onWritable(this::sendReply); // a blocking send() waits here
                return;
            }
            if (n > 0) {
                repliesSent++;
            } else {
                failed("send", Errno.fromReturn(n));
            }
        }
        logPeer();
        if (c.disconnectEveryS() > 0 && ctx.clock().now() - connectedAt >= Math.round(c.disconnectEveryS() * 1e9)) {
            hangUp(c);
            return;
        }
        nextLoop(ctx.callCost(c.callCostNs()));
    }

    /** The client leaves on purpose (client.disconnectEveryS), then comes back after the back-off. */
    private void hangUp(ClientConfig c) {
        SimSocket s = socket;
        socket = null;
        hangUps++;
        s.cancelWaits();
        s.close();
        ctx.event(Side.CLIENT, EventKind.DISCONNECT, null, 0, s.connection(), String.format(java.util.Locale.ROOT,
                "the client hangs up after %.1f s on this connection, as configured", c.disconnectEveryS()));
        errors.connectionEnded(s.connection());
        backoffMs = c.reconnectBackoffMs();
        scheduleReconnect();
    }

    /** The story's logging step: print(conn.getpeername(), data). */
    private void logPeer() {
        if (socket != null && ctx.scenario().client().logPeer()) {
            int r = socket.getpeername();
            if (r < 0) {
                failed("getpeername", Errno.fromReturn(r));
            }
        }
    }

    private void failed(String call, Errno errno) {
        errors.failed(call, errno, socket.connection(), "logged, and the loop goes on");
    }

    private void endOfStream() {
        SimSocket s = socket;
        endOfStreams++;
        ctx.event(Side.CLIENT, EventKind.END_OF_STREAM, null, 0, s.connection(),
                "recv() returned 0: the server has gone; the client closes its socket");
        socket = null;
        s.cancelWaits();
        s.close();
        ctx.event(Side.CLIENT, EventKind.DISCONNECT, null, 0, s.connection(), "client closed the connection");
        errors.connectionEnded(s.connection());
        ClientConfig c = ctx.scenario().client();
        backoffMs = c.reconnectBackoffMs();
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        ClientConfig c = ctx.scenario().client();
        if (!c.reconnect()) {
            return;
        }
        long delay = Math.round(backoffMs * 1_000_000.0);
        ctx.event(Side.CLIENT, EventKind.RECONNECT, null, 0, 0,
                String.format(java.util.Locale.ROOT, "reconnecting in %.0f ms", backoffMs));
        ctx.clock().after(delay, this::connect);
    }

    private byte[] buffer(int size) {
        if (buffer.length < size) {
            buffer = new byte[Integer.highestOneBit(size - 1) << 1];
        }
        return buffer;
    }

    /** SPILL: messages delivered to the application (each sequence once). */
    public long delivered() {
        return frames.delivered();
    }

    /** SPILL: replayed messages the client had already seen and dropped. */
    public long duplicates() {
        return frames.duplicates();
    }

    /** SPILL: times a sequence arrived that was not the next one (must stay 0). */
    public long gaps() {
        return frames.gaps();
    }

    public long lastSeen() {
        return frames.lastSeen();
    }

    public long hangUps() {
        return hangUps;
    }

    public long bytesRead() {
        return bytesRead;
    }

    public long loops() {
        return loops;
    }

    public long repliesSent() {
        return repliesSent;
    }

    public long connectsAttempted() {
        return connectsAttempted;
    }

    public long connectsSucceeded() {
        return connectsSucceeded;
    }

    public long endOfStreams() {
        return endOfStreams;
    }

    public List<ErrnoCount> errors() {
        return errors.entries();
    }
}
