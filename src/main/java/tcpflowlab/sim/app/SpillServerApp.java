package tcpflowlab.sim.app;

import tcpflowlab.scenario.ServerConfig;
import tcpflowlab.sim.tcp.SimSocket;
import tcpflowlab.spill.AckTracker;
import tcpflowlab.spill.Frames;
import tcpflowlab.spill.OverflowQueue;
import tcpflowlab.spill.QueueFullException;
import tcpflowlab.spill.SpillQueue;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.ErrnoCount;
import tcpflowlab.telemetry.ErrnoTally;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The C-style server with the SPILL policy, the story's server-side cure: it produces messages
 * at its pace whether or not a client is there; every message goes into the overflow queue and
 * stays there until the client acknowledges it, so a connection that dies loses nothing. While
 * a client is connected and its socket takes data, the server sends from the queue in FIFO
 * order; when the client comes back, it replays from the last acknowledged message. A full
 * queue means backpressure (the producer waits), never a silent drop. A client that connects
 * while another is connected takes over (the old connection may be a stale one the client has
 * long left), and each connection's acknowledgements are checked by an {@link AckTracker}.
 */
public final class SpillServerApp implements ServerSide {
    private final AppContext ctx;
    private final OverflowQueue queue;
    private final ErrnoTally errors;
    private final byte[] scratch = new byte[4096];
    private byte[] message = MessagePattern.sized(MessagePattern.HELLO, 13);
    private SimSocket socket;
    private OverflowQueue.Reader reader;
    private AckTracker acks;
    private byte[] frame;
    private long frameSequence;
    private int framePos;
    private boolean waitingWritable;
    private boolean spillingReported;
    private boolean full;
    private long replayUntil;
    private long bytesWritten;
    private long framesSent;
    private long produced;

    public SpillServerApp(AppContext ctx, OverflowQueue queue) {
        this.ctx = ctx;
        this.queue = queue;
        this.errors = new ErrnoTally(Side.SERVER, ctx::event, () -> ctx.clock().now());
    }

    @Override
    public void start() {
        ctx.listen();
        ctx.event(Side.SERVER, EventKind.LISTEN, null, 0, 0, "listening; overflow policy SPILL: every message is kept "
                + "in the durable queue until the client acknowledges it");
        ctx.onAcceptable(this::onAcceptable);
        ctx.clock().schedule(0, this::produce);
    }

    private void produce() {
        ctx.beforeCall();
        ServerConfig c = ctx.scenario().server();
        if (message.length != c.messageSize()) {
            message = MessagePattern.sized(MessagePattern.HELLO, c.messageSize());
        }
        try {
            queue.append(message);
            produced++;
            if (full) {
                full = false;
                ctx.event(Side.SERVER, EventKind.SEND_BUFFER_WRITABLE, null, queue.depthBytes(), connection(),
                        "the spill queue has room again: the server produces again");
            }
        } catch (QueueFullException e) {
            if (!full) {
                full = true;
                ctx.event(Side.SERVER, EventKind.EAGAIN, null, queue.depthBytes(), connection(),
                        "the spill queue is full (" + queue.depthBytes() + " B): backpressure, the server waits "
                                + "for acknowledgements; nothing is dropped");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if ((socket == null || waitingWritable) && !spillingReported && queue.depthMessages() > 0) {
            spillingReported = true;
            ctx.event(Side.SERVER, EventKind.SPILL, null, queue.depthBytes(), connection(), socket == null
                    ? "no client is connected: messages wait in the durable queue"
                    : "the client is slow (send buffer full): messages wait in the durable queue");
        }
        pump();
        ctx.clock().after(ctx.callCost(c.callCostNs()) + Math.round(c.sendGapUs() * 1_000.0), this::produce);
    }

    private void onAcceptable() {
        ctx.beforeCall();
        SimSocket s = ctx.accept();
        if (s == null) {
            ctx.onAcceptable(this::onAcceptable);
            return;
        }
        ctx.onAcceptable(this::onAcceptable); // a later client takes over from this one
        if (socket != null) {
            takeOver(s);
        }
        socket = s;
        frame = null;
        waitingWritable = false;
        acks = new AckTracker();
        try {
            reader = queue.reader();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long waiting = queue.depthMessages();
        if (waiting > 0) {
            replayUntil = queue.lastSequence();
            ctx.event(Side.SERVER, EventKind.REPLAY, null, queue.depthBytes(), s.connection(), "client connected: replaying "
                    + waiting + " messages from sequence " + (queue.committedSequence() + 1) + " in FIFO order");
        }
        s.onReadable(this::readAcks);
        pump();
    }

    /** Sends from the queue while the socket takes data. */
    private void pump() {
        SimSocket s = socket;
        if (s == null || waitingWritable) {
            return;
        }
        try {
            while (true) {
                if (frame == null) {
                    SpillQueue.Record r = reader.next();
                    if (r == null) {
                        return;
                    }
                    frame = Frames.frame(r.sequence(), r.payload());
                    frameSequence = r.sequence();
                    framePos = 0;
                }
                int n = s.send(frame, framePos, frame.length - framePos);
                if (n > 0) {
                    bytesWritten += n;
                    framePos += n;
                    if (framePos == frame.length) {
                        frame = null;
                        framesSent++;
                        acks.frameWritten(frameSequence);
                    }
                    continue;
                }
                Errno e = Errno.fromReturn(n);
                if (e == Errno.EAGAIN) {
                    waitingWritable = true;
                    s.onWritable(() -> {
                        waitingWritable = false;
                        pump();
                    });
                    return;
                }
                errors.failed("send", e, s.connection(), "the server closes the connection; the queue keeps the messages");
                closeConnection();
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readAcks() {
        SimSocket s = socket;
        if (s == null) {
            return;
        }
        ctx.beforeCall();
        while (true) {
            int n = s.recv(scratch, 0, scratch.length);
            if (n > 0) {
                AckTracker.Outcome o = acks.feed(scratch, 0, n, queue.committedSequence());
                long highest = o.acknowledge();
                if (highest > 0) {
                    try {
                        queue.acknowledge(highest);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (replayUntil > 0 && highest >= replayUntil) {
                        ctx.event(Side.SERVER, EventKind.REPLAY, null, 0, s.connection(),
                                "replay complete: the client acknowledged every message up to " + replayUntil);
                        replayUntil = 0;
                        spillingReported = false; // the next absence is a new episode
                    }
                }
                if (o.rejected()) {
                    protocolError(s, o.rejection());
                    closeConnection();
                    return;
                }
                continue;
            }
            if (n == Errno.EAGAIN.asReturn()) {
                s.onReadable(this::readAcks);
                return;
            }
            if (n < 0) {
                errors.failed("recv", Errno.fromReturn(n), s.connection(), "the server closes the connection");
            } else if (acks.endOfStream() != null) {
                protocolError(s, acks.endOfStream());
            }
            closeConnection(); // end of stream or an error: the client has gone
            return;
        }
    }

    private void protocolError(SimSocket s, String why) {
        ctx.event(Side.SERVER, EventKind.PROTOCOL_ERROR, null, 0, s.connection(), why
                + "; the server closes the connection and deletes nothing");
    }

    /** A new client while one is connected: the old connection goes, the new one gets the replay. */
    private void takeOver(SimSocket next) {
        ctx.event(Side.SERVER, EventKind.DISCONNECT, null, queue.depthBytes(), socket.connection(),
                "connection " + next.connection() + " takes over: the server closes this one and replays from "
                        + "sequence " + (queue.committedSequence() + 1) + ", after the last acknowledged message");
        closeConnection();
    }

    private void closeConnection() {
        SimSocket s = socket;
        socket = null;
        spillingReported = false;
        frame = null;
        waitingWritable = false;
        s.cancelWaits();
        s.close();
        ctx.event(Side.SERVER, EventKind.DISCONNECT, null, queue.depthBytes(), s.connection(),
                "connection closed; " + queue.depthMessages() + " messages wait in the queue for the client's return");
        errors.connectionEnded(s.connection());
        ctx.onAcceptable(this::onAcceptable);
    }

    private int connection() {
        return socket == null ? 0 : socket.connection();
    }

    @Override
    public boolean waitingForRoom() {
        return waitingWritable && socket != null;
    }

    @Override
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public long messagesSent() {
        return framesSent;
    }

    @Override
    public long messagesDropped() {
        return 0;
    }

    @Override
    public long spillDepthBytes() {
        return queue.depthBytes();
    }

    @Override
    public long spillDepthMessages() {
        return queue.depthMessages();
    }

    public long produced() {
        return produced;
    }

    public OverflowQueue queue() {
        return queue;
    }

    @Override
    public List<ErrnoCount> errors() {
        return errors.entries();
    }
}
