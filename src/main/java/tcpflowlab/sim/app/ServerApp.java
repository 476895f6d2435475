package tcpflowlab.sim.app;

import tcpflowlab.scenario.OverflowPolicy;
import tcpflowlab.scenario.ServerConfig;
import tcpflowlab.sim.tcp.SimSocket;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.ErrnoCount;
import tcpflowlab.telemetry.ErrnoTally;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.util.List;

/**
 * The C-style server (the story's Server A): accepts a connection, makes it non-blocking and
 * sends fixed-size messages as fast as its loop allows, never reading the replies unless told
 * to. What it does when send() fails with EAGAIN is its {@link OverflowPolicy}. A partially
 * written message is always completed first (a sane C loop does that), so the byte stream
 * stays whole messages. The SPILL policy is its own app, {@link SpillServerApp}.
 */
public final class ServerApp implements ServerSide {
    private final AppContext ctx;
    private final ErrnoTally errors;
    private final byte[] scratch = new byte[65_536];
    private byte[] message = MessagePattern.sized(MessagePattern.HELLO, 13);
    private SimSocket socket;
    private int messagePos;
    private boolean stalled;
    private long droppedInStall;
    private boolean readingReplies;

    private long bytesWritten;
    private long messagesSent;
    private long messagesDropped;
    private long bytesDropped;
    private long eagainCount;
    private long connectionsAccepted;
    private long repliesRead;

    public ServerApp(AppContext ctx) {
        this.ctx = ctx;
        this.errors = new ErrnoTally(Side.SERVER, ctx::event, () -> ctx.clock().now());
    }

    @Override
    public void start() {
        ctx.listen();
        ctx.event(Side.SERVER, EventKind.LISTEN, null, 0, 0, "listening; overflow policy "
                + ctx.scenario().server().overflowPolicy());
        ctx.onAcceptable(this::onAcceptable);
    }

    private void onAcceptable() {
        ctx.beforeCall();
        SimSocket s = ctx.accept();
        if (s == null) {
            ctx.onAcceptable(this::onAcceptable);
            return;
        }
        socket = s;
        connectionsAccepted++;
        messagePos = 0;
        stalled = false;
        s.setLingerZero(ctx.scenario().server().lingerZero());
        readingReplies = false;
        armReplyReader();
        sendLoop();
    }

    private void sendLoop() {
        ctx.beforeCall();
        SimSocket s = socket;
        if (s == null) {
            return;
        }
        while (true) {
            ServerConfig c = ctx.scenario().server();
            if (message.length != c.messageSize()) {
                message = MessagePattern.sized(MessagePattern.HELLO, c.messageSize());
                messagePos = Math.min(messagePos, message.length - 1);
            }
            armReplyReader();
            int n = s.send(message, messagePos, message.length - messagePos);
            if (n >= 0) {
                ctx.tap().written(s.connection(), message, messagePos, n);
                bytesWritten += n;
                messagePos += n;
                if (messagePos == message.length) {
                    messagePos = 0;
                    messagesSent++;
                }
                if (stalled) {
                    endStall(c);
                }
                long next = ctx.clock().now() + period(c);
                if (!ctx.continueInline(next)) {
                    ctx.clock().schedule(next, this::sendLoop);
                    return;
                }
                continue;
            }
            Errno e = Errno.fromReturn(n);
            if (e == Errno.EAGAIN) {
                eagainCount++;
                onSendBufferFull(c);
                return;
            }
            errors.failed("send", e, s.connection(), "the server closes the connection");
            closeConnection();
            return;
        }
    }

    /** The extension point for overflow policies: the send buffer is full, now what? */
    private void onSendBufferFull(ServerConfig c) {
        OverflowPolicy policy = c.overflowPolicy();
        if (policy == OverflowPolicy.CLOSE) {
            ctx.event(Side.SERVER, EventKind.EAGAIN, Errno.EAGAIN, 0, socket.connection(),
                    "send() failed with EAGAIN: the server logs \"send buffer full\" and closes the connection");
            closeConnection();
            return;
        }
        if (policy == OverflowPolicy.DROP && messagePos == 0) {
            dropUntilNextEvent(c);
            return;
        }
        // BLOCK, or DROP with half a message written: wait until writable.
        if (!stalled) {
            stalled = true;
            ctx.event(Side.SERVER, EventKind.EAGAIN, Errno.EAGAIN, 0, socket.connection(),
                    "send() failed with EAGAIN: waiting until the socket is writable (backpressure)");
        }
        socket.onWritable(this::onWritable);
    }

    private void onWritable() {
        if (socket == null) {
            return;
        }
        ctx.event(Side.SERVER, EventKind.SEND_BUFFER_WRITABLE, null, 0, socket.connection(),
                "send buffer has room again: the server resumes");
        sendLoop();
    }

    /**
     * DROP: this message and every further attempt until the next event fails the same way,
     * since nothing can change the socket in between; where the engine can tell how many that
     * is (the Model), they are counted at once instead of made call by call.
     */
    private void dropUntilNextEvent(ServerConfig c) {
        long p = period(c);
        if (!stalled) {
            stalled = true;
            droppedInStall = 0;
            ctx.event(Side.SERVER, EventKind.DROP, Errno.EAGAIN, message.length, socket.connection(),
                    "send() failed with EAGAIN: dropping messages until the send buffer has room");
        }
        long dropped = 1 + ctx.skipRepeats(p);
        droppedInStall += dropped;
        messagesDropped += dropped;
        bytesDropped += dropped * message.length;
        ctx.clock().after(p, this::sendLoop);
    }

    private void endStall(ServerConfig c) {
        stalled = false;
        if (droppedInStall > 0) {
            ctx.event(Side.SERVER, EventKind.DROP, null, droppedInStall * c.messageSize(), socket.connection(),
                    "send buffer has room again; " + droppedInStall + " messages were dropped and are lost");
            droppedInStall = 0;
        }
    }

    private void armReplyReader() {
        if (!readingReplies && socket != null && ctx.scenario().server().readReplies()) {
            readingReplies = true;
            socket.onReadable(this::readReplies);
        }
    }

    private void readReplies() {
        readingReplies = false;
        SimSocket s = socket;
        if (s == null || !ctx.scenario().server().readReplies()) {
            return;
        }
        ctx.beforeCall();
        while (true) {
            int n = s.recv(scratch, 0, scratch.length);
            if (n > 0) {
                repliesRead += n;
                continue;
            }
            if (n == Errno.EAGAIN.asReturn()) {
                armReplyReader();
            }
            // 0 (end of stream) or an error: the send loop meets the same condition and acts.
            return;
        }
    }

    private void closeConnection() {
        SimSocket s = socket;
        socket = null;
        readingReplies = false;
        s.cancelWaits();
        s.close();
        ctx.event(Side.SERVER, EventKind.DISCONNECT, null, 0, s.connection(), "server closed the connection");
        errors.connectionEnded(s.connection());
        if (ctx.scenario().server().acceptAgain()) {
            ctx.onAcceptable(this::onAcceptable);
        } else {
            ctx.stopListening();
        }
    }

    private long period(ServerConfig c) {
        return ctx.callCost(c.callCostNs()) + Math.round(c.sendGapUs() * 1_000.0);
    }

    @Override
    public boolean waitingForRoom() {
        return stalled && socket != null;
    }

    @Override
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public long messagesSent() {
        return messagesSent;
    }

    @Override
    public long messagesDropped() {
        return messagesDropped;
    }

    public long bytesDropped() {
        return bytesDropped;
    }

    public long eagainCount() {
        return eagainCount;
    }

    public long connectionsAccepted() {
        return connectionsAccepted;
    }

    public long repliesRead() {
        return repliesRead;
    }

    @Override
    public List<ErrnoCount> errors() {
        return errors.entries();
    }
}
