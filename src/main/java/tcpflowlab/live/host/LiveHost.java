package tcpflowlab.live.host;

import tcpflowlab.live.KernelBuffers;
import tcpflowlab.live.LiveErrno;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.sim.SimEvent;
import tcpflowlab.sim.app.AppClock;
import tcpflowlab.sim.app.AppContext;
import tcpflowlab.sim.tcp.SimSocket;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * One side's host for a Model application on real sockets: the {@link AppContext} the apps
 * also run on in the Model, here over the side's {@link EventLoop} and the operating system's
 * TCP stack. The Model's devices do not apply: a call costs what it really takes (no
 * {@code callCostNs}), every failing call is made (no skip-ahead), and a send loop runs inline
 * only while nothing else is due.
 */
public final class LiveHost implements AppContext {
    private final Side side;
    private final EventLoop loop;
    private final LiveWorld world;
    private final SplittableRandom random;
    private final InetSocketAddress address;
    private final Duration connectTimeout;
    private ServerSocketChannel listener;
    private SelectionKey listenerKey;
    private SimEvent acceptable;
    private String lastConnectFailure;
    private LiveSocket namedFailure;
    private boolean everConnected;

    private LiveHost(Side side, EventLoop loop, LiveWorld world, InetSocketAddress address, Duration connectTimeout) {
        this.side = side;
        this.loop = loop;
        this.world = world;
        this.random = new SplittableRandom(world.scenario().run().seed());
        this.address = address;
        this.connectTimeout = connectTimeout;
    }

    /** The server's host, listening on {@code listen} once the app calls listen(). */
    public static LiveHost server(EventLoop loop, LiveWorld world, InetSocketAddress listen) {
        return new LiveHost(Side.SERVER, loop, world, listen, null);
    }

    /** The client's host, connecting to {@code target} within {@code connectTimeout}. */
    public static LiveHost client(EventLoop loop, LiveWorld world, InetSocketAddress target, Duration connectTimeout) {
        return new LiveHost(Side.CLIENT, loop, world, target, connectTimeout);
    }

    // ------------------------------------------------------------------ AppContext: context

    @Override
    public AppClock clock() {
        return loop;
    }

    @Override
    public Scenario scenario() {
        return world.scenario();
    }

    @Override
    public void beforeCall() {
        world.applyKnobs();
    }

    @Override
    public SplittableRandom random() {
        return random;
    }

    @Override
    public void event(Side s, EventKind kind, Errno errno, long bytes, int connection, String detail) {
        world.event(s, kind, errno, bytes, connection, detail);
    }

    /** A real call takes real time: {@code callCostNs} is the Model's stand-in for it. */
    @Override
    public long callCost(long configuredNanos) {
        return 0;
    }

    /** Every call is made on a real socket: the kernel may take the next one. */
    @Override
    public long skipRepeats(long period) {
        return 0;
    }

    @Override
    public boolean continueInline(long next) {
        if (!loop.continueInline(next)) {
            return false;
        }
        world.applyKnobs();
        return true;
    }

    // ------------------------------------------------------------------ AppContext: server

    @Override
    public void listen() {
        Scenario s = world.scenario();
        try {
            listener = ServerSocketChannel.open();
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (!s.sockets().autotune()) {
                // on the listening socket, so accepted sockets inherit it, as a C server sets it
                // before listen() to get the window scale right
                listener.setOption(StandardSocketOptions.SO_RCVBUF, s.sockets().serverRcvBuf());
            }
            listener.bind(address, 16);
            listenerKey = loop.register(listener, k -> {
                SimEvent e = acceptable;
                acceptable = null;
                k.interestOps(0);
                if (e != null) {
                    e.fire();
                }
            });
        } catch (IOException e) {
            closeListener();
            throw new HostFailure("cannot listen on " + Addresses.hostPort(address) + ": " + LiveErrno.describe(e)
                    + LiveErrno.of(e).map(Addresses::bindHint).orElse(""));
        }
        InetSocketAddress bound = new InetSocketAddress(address.getAddress(), listener.socket().getLocalPort());
        world.event(Side.SERVER, EventKind.LISTEN, null, 0, 0, "listening on " + Addresses.hostPort(bound));
        world.listening(bound.getPort());
    }

    @Override
    public void stopListening() {
        closeListener();
    }

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
        }
    }

    @Override
    public void onAcceptable(SimEvent event) {
        acceptable = event;
        if (listenerKey != null && listenerKey.isValid()) {
            listenerKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    @Override
    public SimSocket accept() {
        try {
            SocketChannel ch = listener.accept();
            if (ch == null) {
                return null;
            }
            Scenario s = world.scenario();
            if (!s.sockets().autotune()) {
                ch.setOption(StandardSocketOptions.SO_SNDBUF, s.sockets().serverSndBuf());
            }
            // sockets.nagle=false is TCP_NODELAY, as a C program would set it (delayed ACKs are
            // the kernel's own: Linux has no lasting per-socket switch for them)
            ch.setOption(StandardSocketOptions.TCP_NODELAY, !s.sockets().nagle());
            InetSocketAddress peer = (InetSocketAddress) ch.getRemoteAddress();
            int id;
            if (world.clientInProcess()) {
                id = world.acceptedConnection(); // the in-process client numbered it when it connected
            } else {
                id = world.openConnection();
                world.event(Side.SERVER, EventKind.CONNECT, null, 0, id, "accepted " + Addresses.hostPort(peer));
            }
            LiveSocket socket = new LiveSocket(ch, loop, id, world.rows());
            long snd = KernelBuffers.kernelBytes(ch.getOption(StandardSocketOptions.SO_SNDBUF));
            long rcv = KernelBuffers.kernelBytes(ch.getOption(StandardSocketOptions.SO_RCVBUF));
            world.connected(Side.SERVER, id, socket.localPort(), socket.remotePort(), snd);
            world.event(Side.SERVER, EventKind.CONNECT, null, snd, id, "server socket: SO_SNDBUF " + snd
                    + " B, SO_RCVBUF " + rcv + " B (as the kernel holds them: " + KernelBuffers.NOTE + ")");
            return socket;
        } catch (IOException e) {
            world.event(Side.SERVER, EventKind.SOCKET_ERROR, LiveErrno.of(e).orElse(null), 0, 0,
                    "accept() failed: " + LiveErrno.describe(e));
            return null;
        }
    }

    // ------------------------------------------------------------------ AppContext: client

    /**
     * A non-blocking connect() with a deadline: a peer that never answers the SYN fails with
     * ETIMEDOUT after the connect timeout instead of the kernel's two minutes of retries.
     */
    @Override
    public SimSocket connect(SimEvent onDone) {
        int id = world.openConnection();
        Scenario s = world.scenario();
        try {
            SocketChannel ch = SocketChannel.open();
            if (!s.sockets().autotune()) {
                ch.setOption(StandardSocketOptions.SO_RCVBUF, s.sockets().clientRcvBuf());
                ch.setOption(StandardSocketOptions.SO_SNDBUF, s.sockets().clientSndBuf());
            }
            ch.setOption(StandardSocketOptions.TCP_NODELAY, !s.sockets().nagle());
            LiveSocket socket = new LiveSocket(ch, loop, id, world.rows());
            SimEvent done = () -> connectDone(socket, onDone);
            boolean now;
            try {
                now = Addresses.startConnect(ch, address);
            } catch (IOException e) {
                // no errno for a name that does not resolve: the nearest is "no route to host"
                socket.setPendingError(LiveErrno.of(e).orElse(Errno.EHOSTUNREACH));
                namedFailure = socket;
                lastConnectFailure = "connect() to " + Addresses.hostPort(address) + " failed: " + LiveErrno.describe(e);
                loop.after(0, done);
                return socket;
            }
            if (now) {
                loop.after(0, () -> socket.finishConnectNow(done));
            } else {
                socket.awaitConnect(done);
                loop.after(connectTimeout.toNanos(), () -> {
                    if (socket.isConnecting()) {
                        socket.close();
                        socket.connectFailed(Errno.ETIMEDOUT);
                    }
                });
            }
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void connectDone(LiveSocket socket, SimEvent onDone) {
        int error = socket.pendingError();
        if (error < 0) {
            Errno e = Errno.fromReturn(error);
            if (namedFailure != socket) {
                lastConnectFailure = "connect() to " + Addresses.hostPort(address) + " failed: " + e.label() + " " + e.message();
            }
        } else {
            everConnected = true;
            SocketChannel ch = socket.channel();
            try {
                long rcv = KernelBuffers.kernelBytes(ch.getOption(StandardSocketOptions.SO_RCVBUF));
                long snd = KernelBuffers.kernelBytes(ch.getOption(StandardSocketOptions.SO_SNDBUF));
                world.connected(Side.CLIENT, socket.connection(), socket.localPort(), socket.remotePort(), rcv);
                world.event(Side.CLIENT, EventKind.CONNECT, null, rcv, socket.connection(), "port " + socket.localPort()
                        + " connected to " + Addresses.hostPort(address) + "; client SO_RCVBUF " + rcv + " B, SO_SNDBUF "
                        + snd + " B (as the kernel holds them: " + KernelBuffers.NOTE + ")");
            } catch (IOException e) {
                // closed under us (the run is ending): the app's next call says so
            }
        }
        onDone.fire();
    }

    /** Why the last connect() failed, or null. */
    public String lastConnectFailure() {
        return lastConnectFailure;
    }

    public boolean everConnected() {
        return everConnected;
    }

    public Side side() {
        return side;
    }

    public EventLoop loop() {
        return loop;
    }
}
