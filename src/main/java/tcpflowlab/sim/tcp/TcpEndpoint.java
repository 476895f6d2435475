package tcpflowlab.sim.tcp;

import tcpflowlab.scenario.SocketConfig;
import tcpflowlab.sim.SimEvent;
import tcpflowlab.sim.SimTimer;
import tcpflowlab.sim.Simulator;
import tcpflowlab.sim.Telemetry;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import static tcpflowlab.telemetry.TcpFlags.ACK;
import static tcpflowlab.telemetry.TcpFlags.FIN;
import static tcpflowlab.telemetry.TcpFlags.PSH;
import static tcpflowlab.telemetry.TcpFlags.RST;
import static tcpflowlab.telemetry.TcpFlags.SYN;

/**
 * One end of a TCP connection in the model: the state machine that ties the send buffer,
 * receive buffer, advertised window, persist timer and RTO together, and the socket calls the
 * application makes on it. The behaviour follows Linux where it was measured on loopback: reset
 * on close with unread data, ECONNRESET reported once then EPIPE, ENOTCONN from getpeername
 * after a reset, probes in Linux's form, silly-window avoidance on both sides.
 */
public final class TcpEndpoint implements SimSocket {
    /** Linux never lets the MSS fall below this when bounding it to half the window. */
    private static final int MIN_EFFECTIVE_MSS = 36;

    private final Host host;
    private final Simulator sim;
    private final Telemetry telemetry;
    private final Side side;
    private final int connection;
    private final int localPort;
    private final int remotePort;
    private final EndpointSettings settings;
    private final SendBuffer snd;
    private final ReceiveBuffer rcv;
    private final Receiver rx;
    private final RtoEstimator rto;
    private final PersistTimer persist;
    private final SimTimer delayedAck;
    private final long iss;

    private long irs;
    private TcpState state = TcpState.CLOSED;
    private int peerMss;
    private int peerWindowScale;
    private long sendWindowEdge;
    private long maxWindowSeen;
    private boolean finQueued;
    private boolean finSent;
    private boolean finAcked;
    private long finOffset = -1;
    private boolean peerFin;
    private boolean appClosed;
    private boolean sendShutdown;
    private boolean lingerZero;
    private Errno pendingError;
    private long lastAdvertised = -1;
    private long timedOffset = -1;
    private long timedAt;
    private long synSentAt;
    private SimEvent readWaiter;
    private SimEvent writeWaiter;
    private SimEvent connectWaiter;
    private boolean unregistered;

    TcpEndpoint(Host host, Simulator sim, Telemetry telemetry, Side side, int connection,
                int localPort, int remotePort, EndpointSettings settings, long iss) {
        this.host = host;
        this.sim = sim;
        this.telemetry = telemetry;
        this.side = side;
        this.connection = connection;
        this.localPort = localPort;
        this.remotePort = remotePort;
        this.settings = settings;
        this.snd = new SendBuffer(settings.sendCapacity());
        this.rx = new Receiver(settings);
        this.rcv = rx.buffer();
        this.rto = new RtoEstimator(settings.rtoMinNanos());
        this.persist = new PersistTimer(sim, this::onPersistExpired);
        this.delayedAck = new SimTimer(sim, this::onDelayedAck);
        this.iss = iss & 0xFFFF_FFFFL;
    }

    // ------------------------------------------------------------------ opening

    void activeOpen(SimEvent onDone) {
        connectWaiter = onDone;
        state = TcpState.SYN_SENT;
        synSentAt = sim.now();
        transmit(new Segment(connection, side, localPort, remotePort, -1, 0, rx.initialWindow(),
                SYN, 0, snd, settings.mss(), rx.window().windowScale()), seq32(-1), 0, "SYN");
    }

    void passiveOpen(Segment syn) {
        irs = ack32Base(syn);
        peerMss = syn.mssOption > 0 ? syn.mssOption : 536;
        peerWindowScale = Math.max(0, syn.windowScaleOption);
        sendWindowEdge = syn.window;
        maxWindowSeen = syn.window;
        state = TcpState.SYN_RECEIVED;
        synSentAt = sim.now();
        rx.established(Math.min(peerMss, settings.mss()));
        transmit(new Segment(connection, side, localPort, remotePort, -1, 0, rx.initialWindow(), SYN | ACK, 0,
                snd, settings.mss(), rx.window().windowScale()), seq32(-1), ack32(0), "SYN-ACK");
    }

    // ------------------------------------------------------------------ arriving segments

    void onSegment(Segment s) {
        if (s.has(RST)) {
            onReset();
            return;
        }
        if (state == TcpState.CLOSED) {
            host.sendReset(s);
            return;
        }
        if (state == TcpState.SYN_SENT) {
            if (s.has(SYN) && s.has(ACK)) {
                irs = ack32Base(s);
                peerMss = s.mssOption > 0 ? s.mssOption : 536;
                peerWindowScale = Math.max(0, s.windowScaleOption);
                rto.sample(sim.now() - synSentAt);
                sendWindowEdge = s.window;
                maxWindowSeen = s.window;
                state = TcpState.ESTABLISHED;
                rx.established(Math.min(peerMss, settings.mss()));
                sendAck("handshake ACK");
                if (!appClosed) {
                    telemetry.event(side, EventKind.CONNECT, null, 0, connection,
                            "port " + localPort + " connected to port " + remotePort
                                    + "; window scale " + rx.window().windowScale()
                                    + ", MSS " + Math.min(peerMss, settings.mss()) + " B");
                }
                wake(connectWaiter);
                connectWaiter = null;
            }
            return;
        }
        if (state == TcpState.SYN_RECEIVED) {
            if (!s.has(ACK) || s.ack < 0) {
                return;
            }
            rto.sample(sim.now() - synSentAt);
            state = TcpState.ESTABLISHED;
            host.established(this);
        }
        if (s.has(ACK)) {
            processAck(s);
        }
        if (state == TcpState.CLOSED) {
            return;
        }
        if (s.length > 0 || s.has(FIN)) {
            processData(s);
        } else if (s.seq < rcv.receivedEnd()) {
            // Sequence number below the next expected byte with no data: a zero-window probe
            // (Linux sends snd_una - 1). The answer is an immediate ACK with the current window.
            sendAck("ACK to probe");
        }
    }

    private void processAck(Segment s) {
        long dataAck = Math.min(s.ack, snd.end());
        long acked = snd.acknowledge(dataAck);
        if (finSent && s.ack > finOffset) {
            finAcked = true;
        }
        long newEdge = Math.max(dataAck, snd.una()) + s.window;
        boolean windowChanged = newEdge != sendWindowEdge;
        sendWindowEdge = newEdge;
        maxWindowSeen = Math.max(maxWindowSeen, s.window);
        if (timedOffset >= 0 && dataAck >= timedOffset) {
            rto.sample(sim.now() - timedAt);
            timedOffset = -1;
        }
        if (acked > 0 && settings.autotune()) {
            // Simplified Linux send-buffer autotuning: the buffer grows with what the peer
            // acknowledges (cwnd growth drives tcp_sndbuf_expand), up to tcp_wmem[2].
            snd.setCapacity(Math.min(settings.sendMax(), snd.capacity() + 2 * acked));
        }
        if (finAcked) {
            switch (state) {
                case FIN_WAIT_1 -> state = TcpState.FIN_WAIT_2;
                case CLOSING -> finish();
                case LAST_ACK -> finish();
                default -> { }
            }
            if (state == TcpState.CLOSED) {
                return;
            }
        }
        if (acked > 0 || windowChanged) {
            output();
            if (writeWaiter != null && writable()) {
                SimEvent w = writeWaiter;
                writeWaiter = null;
                wake(w);
            }
        }
    }

    private void processData(Segment s) {
        long rcvNxt = rcv.receivedEnd();
        if (s.length > 0 && appClosed) {
            // Data for a socket the application has closed can never be read: Linux answers
            // with RST (TcpExt TCPAbortOnData).
            abort("data arrived after close(): nobody will read it");
            return;
        }
        if (s.seq < rcvNxt || (s.seq == rcvNxt && s.length == 0 && s.has(FIN) && peerFin)) {
            sendAck("duplicate");
            return;
        }
        if (s.seq > rcvNxt) {
            throw new IllegalStateException("segment beyond rcv_nxt on a FIFO link: " + s.seq + " > " + rcvNxt);
        }
        if (!rx.fits(s.seq, s.length)) {
            // The sender respects the offered window, and an offered window never shrinks.
            throw new IllegalStateException(side + ": segment of " + s.length + " B at " + s.seq
                    + " beyond the window's right edge " + rx.window().rightEdge());
        }
        if (s.length > 0) {
            SocketConfig live = settings.live().get();
            rx.arrive(s.source, s.seq, s.length, s.has(PSH), sim.now(), rto.rto(), live.ackMode(),
                    Math.round(live.delayedAckMs() * 1_000_000.0));
        }
        if (s.has(FIN)) {
            peerFin = true;
            switch (state) {
                case ESTABLISHED -> state = TcpState.CLOSE_WAIT;
                case FIN_WAIT_1 -> state = finAcked ? TcpState.TIME_WAIT : TcpState.CLOSING;
                case FIN_WAIT_2 -> state = TcpState.TIME_WAIT;
                default -> { }
            }
            if (!appClosed) {
                telemetry.event(side, EventKind.FIN_RECEIVED, null, rcv.used(), connection,
                        "peer closed its end; " + rcv.used() + " B still to read");
            }
            sendAck("ACK of FIN");
            if (state == TcpState.TIME_WAIT) {
                // TIME_WAIT is not modelled: no segment of this connection can arrive late.
                finish();
                return;
            }
        } else {
            acknowledgeData();
        }
        if (readWaiter != null) {
            SimEvent w = readWaiter;
            readWaiter = null;
            wake(w);
        }
    }

    /** __tcp_ack_snd_check(): the ACK for arrived data goes now, or the delayed-ACK timer is armed. */
    private void acknowledgeData() {
        if (rx.ackNow()) {
            sendAck(null);
            return;
        }
        long at = rx.delayedAckAt(sim.now(), delayedAck.isArmed() ? delayedAck.expiry() : -1, rto.srtt());
        if (at <= sim.now()) {
            sendAck(null);
        } else if (!delayedAck.isArmed() || at != delayedAck.expiry()) {
            delayedAck.armAt(at);
        }
    }

    private void onDelayedAck() {
        if (state != TcpState.CLOSED && rx.delayedAckFired(rto.rto())) {
            sendAck("delayed ACK");
        }
    }

    private void onReset() {
        if (state == TcpState.CLOSED) {
            return;
        }
        Errno error = switch (state) {
            case SYN_SENT -> Errno.ECONNREFUSED;
            case CLOSE_WAIT -> Errno.EPIPE; // Linux tcp_reset(): the peer had said FIN first
            default -> Errno.ECONNRESET;
        };
        long discarded = snd.used();
        if (!appClosed) {
            pendingError = error;
            telemetry.event(side, EventKind.RST_RECEIVED, error, discarded, connection,
                    "connection reset by peer; " + rcv.used() + " B still readable, "
                            + discarded + " B of send queue discarded; pending error " + error.label());
        }
        snd.purge();
        sendShutdown = true;
        finish();
        if (connectWaiter != null) {
            wake(connectWaiter);
            connectWaiter = null;
        }
    }

    // ------------------------------------------------------------------ sending

    /** Sends what the window, Nagle and sender-side silly-window avoidance allow. */
    private void output() {
        if (!(state.canSend() || state == TcpState.FIN_WAIT_1 || state == TcpState.LAST_ACK
                || state == TcpState.CLOSING)) {
            return;
        }
        boolean sent = false;
        while (true) {
            long unsent = snd.unsent();
            if (unsent == 0) {
                if (finQueued && !finSent) {
                    sendFin();
                }
                break;
            }
            long usable = sendWindowEdge - snd.nxt();
            long mss = effectiveMss();
            if (usable >= mss && unsent >= mss) {
                sendData((int) mss, "data");
                sent = true;
                continue;
            }
            long candidate = Math.min(unsent, usable);
            // RFC 1122 4.2.3.4 as Linux applies it: a segment smaller than the effective MSS
            // goes only if it empties the send queue, and (with Nagle) nothing is in flight.
            if (candidate > 0 && candidate == unsent
                    && (!settings.live().get().nagle() || snd.inFlight() == 0)) {
                sendData((int) candidate, "data");
                sent = true;
                continue;
            }
            if (snd.inFlight() == 0) {
                armPersist(usable, unsent);
            }
            break;
        }
        if (sent) {
            persist.reset();
        }
    }

    /** min(MSS, half the largest window the peer ever offered): Linux's tcp_bound_to_half_wnd. */
    long effectiveMss() {
        long mss = Math.min(peerMss, settings.mss());
        long cutoff = maxWindowSeen > 536 ? maxWindowSeen / 2 : maxWindowSeen;
        if (cutoff > 0 && mss > cutoff) {
            mss = Math.max(cutoff, MIN_EFFECTIVE_MSS);
        }
        return Math.max(1, mss);
    }

    private void armPersist(long usable, long unsent) {
        long interval = persist.armIfIdle(rto.probeBase());
        if (interval > 0) {
            String why = usable <= 0 ? "the window is zero"
                    : "the window (" + usable + " B) is too small to be worth using";
            telemetry.event(side, EventKind.PERSIST_TIMER, null, unsent, connection,
                    unsent + " B waiting and " + why + "; first probe in " + millis(interval));
        }
    }

    private void onPersistExpired() {
        if (!(state.canSend() || state == TcpState.FIN_WAIT_1 || state == TcpState.LAST_ACK)
                || snd.unsent() == 0 || snd.inFlight() > 0) {
            persist.reset();
            return;
        }
        long usable = sendWindowEdge - snd.nxt();
        if (usable > 0) {
            // Linux's tcp_write_wakeup(): a window too small for silly-window avoidance is
            // used anyway when the persist timer fires.
            int n = (int) Math.min(Math.min(usable, snd.unsent()), effectiveMss());
            sendData(n, "persist: data into small window");
            persist.reset();
            return;
        }
        long seq = snd.una() - 1;
        transmit(new Segment(connection, side, localPort, remotePort, seq, ackOffset(),
                advertise(), ACK, 0, snd, 0, -1), seq32(seq), ack32(ackOffset()), "zero-window probe");
        int number = persist.probesSent() + 1;
        long next = persist.probeSent(rto.probeBase());
        telemetry.event(side, EventKind.ZERO_WINDOW_PROBE, null, snd.unsent(), connection,
                "probe #" + number + " (zero length, seq = next unacknowledged - 1); next in "
                        + millis(next));
    }

    private void sendData(int length, String note) {
        long seq = snd.nxt();
        boolean push = length == snd.unsent();
        if (timedOffset < 0) {
            timedOffset = seq + length;
            timedAt = sim.now();
        }
        Segment s = new Segment(connection, side, localPort, remotePort, seq, ackOffset(), advertise(),
                ACK | (push ? PSH : 0), length, snd, 0, -1);
        snd.markSent(seq + length);
        rx.dataSent(sim.now());
        transmit(s, seq32(seq), ack32(s.ack), note);
    }

    private void sendFin() {
        finOffset = snd.end();
        finSent = true;
        transmit(new Segment(connection, side, localPort, remotePort, finOffset, ackOffset(), advertise(),
                FIN | ACK, 0, snd, 0, -1), seq32(finOffset), ack32(ackOffset()), "FIN");
        telemetry.event(side, EventKind.FIN_SENT, null, 0, connection,
                "orderly close: FIN after " + finOffset + " B of data");
    }

    private void sendAck(String note) {
        if (state == TcpState.CLOSED || state == TcpState.SYN_SENT) {
            return;
        }
        long seq = nextSeqOffset();
        transmit(new Segment(connection, side, localPort, remotePort, seq, ackOffset(), advertise(),
                ACK, 0, snd, 0, -1), seq32(seq), ack32(ackOffset()), note == null ? "ACK" : note);
    }

    private void abort(String why) {
        long unread = rcv.used();
        long discarded = snd.used();
        long seq = nextSeqOffset();
        transmit(new Segment(connection, side, localPort, remotePort, seq, ackOffset(), 0,
                RST | ACK, 0, snd, 0, -1), seq32(seq), ack32(ackOffset()), "RST");
        telemetry.event(side, EventKind.RST_SENT, null, unread, connection,
                why + "; " + discarded + " B of send queue discarded");
        snd.purge();
        sendShutdown = true;
        finish();
    }

    /** Chooses the window for an outgoing segment and reports transitions to and from zero. */
    private long advertise() {
        long window = rx.offer();
        if (!appClosed && lastAdvertised >= 0) {
            if (window == 0 && lastAdvertised > 0) {
                telemetry.event(side, EventKind.ZERO_WINDOW, null, rcv.used(), connection,
                        rcv.used() + " B unread, holding " + rx.memory().allocated() + " of " + rx.space().rcvbuf()
                                + " B of buffer memory; advertising window 0");
            } else if (window > 0 && lastAdvertised == 0) {
                telemetry.event(side, EventKind.WINDOW_UPDATE, null, window, connection,
                        "window reopened to " + window + " B after the application read");
            }
        }
        lastAdvertised = window;
        return window;
    }

    private void transmit(Segment s, long seq32, long ack32, String note) {
        if (s.has(ACK)) {
            rx.ackSent();
            delayedAck.cancel();
        }
        host.transmit(s, seq32, ack32, note);
    }

    private long nextSeqOffset() {
        return finSent ? finOffset + 1 : snd.nxt();
    }

    /** rcv_nxt as an offset: received bytes, plus one for the peer's FIN. */
    private long ackOffset() {
        return rcv.receivedEnd() + (peerFin ? 1 : 0);
    }

    long seq32(long offset) {
        return (iss + 1 + offset) & 0xFFFF_FFFFL;
    }

    long ack32(long offset) {
        return (irs + 1 + offset) & 0xFFFF_FFFFL;
    }

    private static long ack32Base(Segment syn) {
        return syn.seq32;
    }

    private void finish() {
        state = TcpState.CLOSED;
        persist.reset();
        delayedAck.cancel();
        if (!unregistered) {
            unregistered = true;
            host.unregister(this);
        }
        if (readWaiter != null) {
            SimEvent w = readWaiter;
            readWaiter = null;
            wake(w);
        }
        if (writeWaiter != null) {
            SimEvent w = writeWaiter;
            writeWaiter = null;
            wake(w);
        }
    }

    private void wake(SimEvent e) {
        if (e != null) {
            sim.schedule(sim.now(), e);
        }
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    // ------------------------------------------------------------------ socket calls

    @Override
    public int send(byte[] buf, int off, int len) {
        if (pendingError != null) {
            Errno e = pendingError;
            pendingError = null;
            return e.asReturn();
        }
        if (sendShutdown || appClosed) {
            return Errno.EPIPE.asReturn();
        }
        if (!state.canSend()) {
            return state == TcpState.SYN_SENT || state == TcpState.SYN_RECEIVED
                    ? Errno.EAGAIN.asReturn() : Errno.EPIPE.asReturn();
        }
        int n = snd.append(buf, off, len, Math.min(settings.mss(), peerMss > 0 ? peerMss : settings.mss()));
        if (n == 0) {
            return Errno.EAGAIN.asReturn();
        }
        output();
        return n;
    }

    @Override
    public int recv(byte[] buf, int off, int len) {
        if (rcv.used() > 0) {
            int n = rx.read(buf, off, len);
            if (state != TcpState.CLOSED) {
                switch (rx.afterRead(n, peerFin)) {
                    case ACK -> sendAck(null);
                    case WINDOW_UPDATE -> sendAck("window update");
                    case NOTHING -> { }
                }
            }
            return n;
        }
        if (pendingError != null) {
            Errno e = pendingError;
            pendingError = null;
            return e.asReturn();
        }
        if (peerFin || sendShutdown && state == TcpState.CLOSED) {
            return 0;
        }
        if (state == TcpState.CLOSED) {
            return Errno.ENOTCONN.asReturn();
        }
        return Errno.EAGAIN.asReturn();
    }

    @Override
    public int close() {
        if (appClosed) {
            return 0;
        }
        appClosed = true;
        readWaiter = null;
        writeWaiter = null;
        connectWaiter = null;
        switch (state) {
            case CLOSED -> {
                if (!unregistered) {
                    unregistered = true;
                    host.unregister(this);
                }
                return 0;
            }
            case SYN_SENT -> {
                finish();
                return 0;
            }
            default -> { }
        }
        long unread = rcv.used();
        if (unread > 0 || lingerZero) {
            abort(unread > 0
                    ? "close() with " + unread + " B unread in the receive queue: RST instead of FIN (TCPAbortOnClose)"
                    : "close() with SO_LINGER {on, 0}: RST instead of FIN");
            return 0;
        }
        beginFin();
        return 0;
    }

    @Override
    public int shutdownWrite() {
        if (!state.hasPeer() || appClosed) {
            return Errno.ENOTCONN.asReturn();
        }
        if (!finQueued) {
            beginFin();
        }
        return 0;
    }

    private void beginFin() {
        finQueued = true;
        sendShutdown = true;
        switch (state) {
            case ESTABLISHED, SYN_RECEIVED -> state = TcpState.FIN_WAIT_1;
            case CLOSE_WAIT -> state = TcpState.LAST_ACK;
            default -> { }
        }
        output();
    }

    @Override
    public int getpeername() {
        return state.hasPeer() && !appClosed ? 0 : Errno.ENOTCONN.asReturn();
    }

    @Override
    public int takeError() {
        if (pendingError == null) {
            return 0;
        }
        Errno e = pendingError;
        pendingError = null;
        return e.asReturn();
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, rcv.used());
    }

    @Override
    public void setLingerZero(boolean on) {
        lingerZero = on;
    }

    boolean readable() {
        return rcv.used() > 0 || peerFin || pendingError != null || state == TcpState.CLOSED;
    }

    /** Linux's sk_stream_is_writeable(): free space at least half of what is queued. */
    boolean writable() {
        if (pendingError != null || sendShutdown || state == TcpState.CLOSED) {
            return true;
        }
        return state.canSend() && snd.free() > 0 && snd.free() >= snd.used() / 2;
    }

    @Override
    public void onReadable(SimEvent event) {
        if (readable()) {
            wake(event);
        } else {
            readWaiter = event;
        }
    }

    @Override
    public void onWritable(SimEvent event) {
        if (writable()) {
            wake(event);
        } else {
            writeWaiter = event;
        }
    }

    @Override
    public void cancelWaits() {
        readWaiter = null;
        writeWaiter = null;
    }

    @Override
    public int connection() {
        return connection;
    }

    // ------------------------------------------------------------------ observation

    public Side side() {
        return side;
    }

    public TcpState state() {
        return state;
    }

    /** Whether the application has closed this socket: it reads nothing more from it. */
    public boolean closedByApp() {
        return appClosed;
    }

    public SendBuffer sendBuffer() {
        return snd;
    }

    public ReceiveBuffer receiveBuffer() {
        return rcv;
    }

    /**
     * Whether bytes wait unsent because the peer's window (zero, or smaller than what waits)
     * does not let them go: the sender is receive-window limited.
     */
    public boolean windowLimited() {
        long unsent = snd.unsent();
        return unsent > 0 && state != TcpState.CLOSED && sendWindowEdge - snd.nxt() < unsent;
    }

    /** The window this endpoint last advertised, in bytes (0 before the first segment). */
    public long lastAdvertisedWindow() {
        return Math.max(0, lastAdvertised);
    }

    public RtoEstimator rto() {
        return rto;
    }

    public int windowScale() {
        return rx.window().windowScale();
    }

    public int peerWindowScale() {
        return peerWindowScale;
    }

    public int localPort() {
        return localPort;
    }

    public int remotePort() {
        return remotePort;
    }

    public long iss() {
        return iss;
    }
}
