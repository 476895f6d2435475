package tcpflowlab.live.host;

import tcpflowlab.live.LiveErrno;
import tcpflowlab.live.TcpSocketRow;
import tcpflowlab.sim.SimEvent;
import tcpflowlab.sim.tcp.SimSocket;
import tcpflowlab.telemetry.Errno;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * The apps' socket API over a real, non-blocking socket: each call is one system call and
 * returns what the C call would, a byte count or a negated errno (write() taking nothing is
 * EAGAIN, read() at end of stream is 0). Readiness callbacks are one-shot selector interests
 * on the side's {@link EventLoop}. Linux reports a reset once as ECONNRESET, then EPIPE, and so
 * does this socket, because every call goes to the kernel.
 */
public final class LiveSocket implements SimSocket, EventLoop.Ready {
    private static final int CHUNK = 65_536;

    private final SocketChannel channel;
    private final SelectionKey key;
    private final int connection;
    private final KernelRows rows;
    /** Direct buffers: a heap buffer would make NIO copy through a temporary one per call. */
    private final ByteBuffer out = ByteBuffer.allocateDirect(CHUNK);
    private final ByteBuffer in = ByteBuffer.allocateDirect(CHUNK);
    private SimEvent readable;
    private SimEvent writable;
    private SimEvent connected;
    private int pendingError;
    private boolean lingerZero;
    private boolean closed;
    private boolean sawReset;
    private int localPort;
    private int remotePort;

    LiveSocket(SocketChannel channel, EventLoop loop, int connection, KernelRows rows) throws IOException {
        this.channel = channel;
        this.key = loop.register(channel, this);
        this.connection = connection;
        this.rows = rows;
        if (channel.isConnected()) {
            learnPorts();
        }
    }

    private void learnPorts() throws IOException {
        localPort = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        remotePort = ((InetSocketAddress) channel.getRemoteAddress()).getPort();
    }

    // ------------------------------------------------------------------ connect

    /** Waits for a non-blocking connect() to finish; {@code done} runs either way. */
    void awaitConnect(SimEvent done) {
        connected = done;
        interest(SelectionKey.OP_CONNECT, true);
    }

    /** connect() failed (refused, unreachable, the deadline): {@link #takeError} reports it. */
    void connectFailed(Errno errno) {
        pendingError = errno.asReturn();
        SimEvent done = connected;
        connected = null;
        if (key.isValid()) {
            key.interestOps(0);
        }
        if (done != null) {
            done.fire();
        }
    }

    /** connect() succeeded at once (it may, on loopback). */
    void finishConnectNow(SimEvent done) {
        try {
            learnPorts();
        } catch (IOException e) {
            pendingError = errno(e);
        }
        done.fire();
    }

    int pendingError() {
        return pendingError;
    }

    void setPendingError(Errno errno) {
        pendingError = errno.asReturn();
    }

    boolean isConnecting() {
        return connected != null;
    }

    private void finishConnect() {
        SimEvent done = connected;
        try {
            if (!channel.finishConnect()) {
                return; // not yet: keep waiting
            }
            learnPorts();
        } catch (IOException e) {
            pendingError = errno(e);
        }
        connected = null;
        interest(SelectionKey.OP_CONNECT, false);
        done.fire();
    }

    // ------------------------------------------------------------------ SimSocket

    @Override
    public int send(byte[] buf, int off, int len) {
        out.clear();
        out.put(buf, off, Math.min(len, CHUNK));
        out.flip();
        try {
            int n = channel.write(out);
            return n == 0 ? Errno.EAGAIN.asReturn() : n;
        } catch (IOException | NotYetConnectedException e) {
            return errno(e);
        }
    }

    @Override
    public int recv(byte[] buf, int off, int len) {
        in.clear();
        in.limit(Math.min(len, CHUNK));
        try {
            int n = channel.read(in);
            if (n < 0) {
                return 0;
            }
            if (n == 0) {
                return Errno.EAGAIN.asReturn();
            }
            in.flip();
            in.get(buf, off, n);
            return n;
        } catch (IOException | NotYetConnectedException e) {
            return errno(e);
        }
    }

    @Override
    public int close() {
        if (closed) {
            return 0;
        }
        closed = true;
        cancelWaits();
        try {
            if (lingerZero && channel.isOpen()) {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
            channel.close();
            return 0;
        } catch (IOException e) {
            return errno(e);
        }
    }

    @Override
    public int shutdownWrite() {
        try {
            channel.shutdownOutput();
            return 0;
        } catch (IOException | NotYetConnectedException e) {
            return errno(e);
        }
    }

    /**
     * Java caches the peer's address, so this asks the kernel's table: a reset socket has left
     * it, which is exactly when getpeername(2) fails with ENOTCONN. Without the table, a reset
     * this socket has seen stands in.
     */
    @Override
    public int getpeername() {
        if (closed || !channel.isConnected()) {
            return Errno.ENOTCONN.asReturn();
        }
        if (sawReset) {
            return Errno.ENOTCONN.asReturn(); // a reset this socket has seen: gone for certain
        }
        if (!rows.available()) {
            return 0;
        }
        // One read of the kernel's table costs milliseconds (it walks every connection), and the
        // story's client calls getpeername() on every loop: asked each time, it halved the
        // client's read rate. The answer is kept for a short while; a reset the socket reports
        // (ECONNRESET, EPIPE) is known at once above.
        long now = System.nanoTime();
        if (now - peerCheckedAt > PEER_CHECK_NANOS) {
            peerCheckedAt = now;
            hasPeer = rows.row(localPort, remotePort).filter(r -> r.state() != TcpSocketRow.CLOSE).isPresent();
        }
        return hasPeer ? 0 : Errno.ENOTCONN.asReturn();
    }

    /** How long a getpeername() answer read from the kernel's table is reused. */
    static final long PEER_CHECK_NANOS = 50_000_000L;
    private long peerCheckedAt = System.nanoTime() - PEER_CHECK_NANOS - 1;
    private boolean hasPeer = true;

    @Override
    public int takeError() {
        int e = pendingError;
        pendingError = 0;
        return e;
    }

    /** FIONREAD, from the kernel's table (rx_queue): Java has no such call for a channel. */
    @Override
    public int available() {
        Optional<TcpSocketRow> row = rows.available() ? rows.row(localPort, remotePort) : Optional.empty();
        return row.map(r -> (int) Math.min(Integer.MAX_VALUE, r.rxQueue())).orElse(0);
    }

    @Override
    public void setLingerZero(boolean on) {
        lingerZero = on;
    }

    @Override
    public void onReadable(SimEvent event) {
        readable = event;
        interest(SelectionKey.OP_READ, true);
    }

    @Override
    public void onWritable(SimEvent event) {
        writable = event;
        interest(SelectionKey.OP_WRITE, true);
    }

    @Override
    public void cancelWaits() {
        readable = null;
        writable = null;
        if (key.isValid()) {
            key.interestOps(0);
        }
    }

    @Override
    public int connection() {
        return connection;
    }

    // ------------------------------------------------------------------ readiness

    @Override
    public void ready(SelectionKey k) {
        int ready = k.readyOps();
        if ((ready & SelectionKey.OP_CONNECT) != 0 && connected != null) {
            finishConnect();
            return;
        }
        if ((ready & SelectionKey.OP_READ) != 0 && readable != null) {
            SimEvent e = readable;
            readable = null;
            interest(SelectionKey.OP_READ, false);
            e.fire();
        }
        if ((ready & SelectionKey.OP_WRITE) != 0 && writable != null && k.isValid()) {
            SimEvent e = writable;
            writable = null;
            interest(SelectionKey.OP_WRITE, false);
            e.fire();
        }
    }

    private void interest(int op, boolean on) {
        if (!key.isValid()) {
            return;
        }
        int ops = key.interestOps();
        key.interestOps(on ? ops | op : ops & ~op);
    }

    /** The negated errno of a failed call; one Java names no errno for is ENOTCONN (unusable). */
    private int errno(Throwable e) {
        Errno errno = LiveErrno.of(e).orElse(Errno.ENOTCONN);
        if (errno == Errno.ECONNRESET || errno == Errno.EPIPE) {
            sawReset = true;
        }
        return errno.asReturn();
    }

    int localPort() {
        return localPort;
    }

    int remotePort() {
        return remotePort;
    }

    SocketChannel channel() {
        return channel;
    }
}
