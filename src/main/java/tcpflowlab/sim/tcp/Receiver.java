package tcpflowlab.sim.tcp;

import tcpflowlab.scenario.AckMode;

/**
 * The receiving half of a TCP endpoint, as Linux runs it: the bytes that arrived in order and
 * are unread ({@link ReceiveBuffer}), what they cost in memory ({@link ReceiveMemory}), how much
 * of the buffer may be offered ({@link ReceiveSpace}), the estimate of the peer's segment size
 * ({@link RcvMssEstimate}), the window offered ({@link AdvertisedWindow}) and when ACKs go
 * ({@link AckPolicy}). It decides; the endpoint sends segments and runs the timers.
 */
final class Receiver {
    /** What a read calls for (tcp_cleanup_rbuf()). */
    enum AfterRead {
        NOTHING,
        /** The pending ACK is due. */
        ACK,
        /** The window grew enough to be worth telling the sender. */
        WINDOW_UPDATE
    }

    private final ReceiveBuffer buffer;
    private final ReceiveMemory memory;
    private final ReceiveSpace space;
    private final RcvMssEstimate rcvMss;
    private final AdvertisedWindow window;
    private final AckPolicy acks = new AckPolicy();
    private final long advmss;
    private final boolean autotune;
    private final long receiveMax;

    Receiver(EndpointSettings settings) {
        this(settings.receiveBuffer(), settings.linuxOverhead(), settings.windowScale(), settings.mss(),
                settings.autotune(), settings.receiveMax());
    }

    Receiver(long rcvbuf, boolean linuxOverhead, int windowScale, long advmss, boolean autotune, long receiveMax) {
        this.buffer = new ReceiveBuffer(rcvbuf);
        this.memory = new ReceiveMemory(linuxOverhead);
        this.space = new ReceiveSpace(rcvbuf, linuxOverhead, advmss, receiveMax);
        this.rcvMss = new RcvMssEstimate(advmss);
        this.window = new AdvertisedWindow(windowScale);
        this.advmss = advmss;
        this.autotune = autotune;
        this.receiveMax = receiveMax;
    }

    /** The window of this end's SYN or SYN-ACK (tcp_select_initial_window()): never scaled, at most 65535. */
    long initialWindow() {
        if (window.offered() == 0) {
            window.initial(space.initialWindow(advmss));
        }
        return window.offered();
    }

    /** tcp_initialize_rcv_mss(), once the handshake told the peer's MSS. */
    void established(long mss) {
        rcvMss.initialize(mss, initialWindow());
    }

    /** Whether {@code length} bytes at {@code seq} fit the window offered (the sender respects it). */
    boolean fits(long seq, int length) {
        return seq + length <= window.rightEdge();
    }

    /**
     * Queues an in-order segment and learns from it what Linux's tcp_event_data_recv() learns:
     * the peer's segment size, the buffer's overhead share, the window's growth limit and the
     * ACK rhythm.
     */
    void arrive(SendBuffer source, long seq, int length, boolean push, long now, long rto,
                AckMode mode, long atoMinNanos) {
        buffer.deliver(source, seq, length);
        long truesize = memory.truesizeOf(length);
        memory.queue(seq, length);
        if (memory.allocated() > space.rcvbuf()) {
            // tcp_prune_queue(): over the buffer, the queue is copied into compact skbs.
            memory.collapse(buffer.readOffset(), buffer.receivedEnd());
        }
        if (autotune && memory.allocated() * 4 > space.rcvbuf() * 3 && space.rcvbuf() < receiveMax) {
            // Simplified receive autotuning (Linux's tcp_rcv_space_adjust() grows the buffer with
            // what the reader consumes per RTT): a buffer three quarters full doubles, up to
            // tcp_rmem[2], so a slow reader's kernel keeps accepting data.
            space.setRcvbuf(Math.min(receiveMax, space.rcvbuf() * 2), window.offered());
            buffer.setCapacity(space.rcvbuf());
        }
        if (rcvMss.observe(length, push)) {
            space.measure(length, truesize);
        }
        acks.configure(mode, atoMinNanos);
        acks.dataArrived(now, rcvMss.pushed(), window.offered(), rcvMss.value(), rto);
        if (space.grow(length, truesize, memory.allocated(), rcvMss.value())) {
            acks.windowGrew();
        }
    }

    /** __tcp_ack_snd_check(): whether the ACK for arrived data goes now (else it is delayed). */
    boolean ackNow() {
        boolean moreThanOneSegment = moreThanOneSegmentUnacked();
        boolean drained = buffer.used() == 0;
        // Evaluated in Linux's order: choosing the window may end quick-ACK mode.
        boolean edgeAdvances = moreThanOneSegment && !drained && choose() >= window.offered();
        return acks.ackNow(moreThanOneSegment, edgeAdvances, drained);
    }

    /** tcp_send_delayed_ack(): when the delayed ACK fires (at or before {@code now}: send it now). */
    long delayedAckAt(long now, long armedExpiry, long srtt) {
        return acks.delayedAckTimeout(now, armedExpiry, srtt);
    }

    /** The delayed-ACK timer fired: whether an ACK is still pending. */
    boolean delayedAckFired(long rto) {
        return acks.delayedAckFired(rto);
    }

    /** __tcp_select_window(): the window Linux would offer now. */
    long choose() {
        long free = space.space(memory.allocated());
        long full = space.fullSpace();
        if (AdvertisedWindow.closesBelowHalf(free, full, space.windowClamp())) {
            acks.spaceLow();
        }
        return window.choose(free, full, space.windowClamp(), space.rcvSsthresh(), rcvMss.value());
    }

    /** tcp_select_window(): commits to the window for an outgoing segment; bytes, as the peer reads it. */
    long offer() {
        return window.offer(buffer.receivedEnd(), choose());
    }

    /** A segment carrying the ACK left (tcp_event_ack_sent()). */
    void ackSent() {
        acks.ackSent();
    }

    /** This end sent data (tcp_event_data_sent()): a quick reply marks the connection interactive. */
    void dataSent(long now) {
        acks.dataSent(now);
    }

    /** The application reads up to {@code len} bytes; the skbs read to their end are freed. */
    int read(byte[] dst, int off, int len) {
        int n = buffer.read(dst, off, len);
        memory.readTo(buffer.readOffset());
        return n;
    }

    /**
     * tcp_cleanup_rbuf(): after a read of {@code copied} bytes, the pending ACK goes if it is
     * due, and a window update goes if the window offered is at most half the clamp and the
     * new one at least twice as large (and not zero). No update once the peer has closed.
     */
    AfterRead afterRead(int copied, boolean peerClosed) {
        if (acks.ackAfterRead(copied, moreThanOneSegmentUnacked(), memory.allocated() == 0)) {
            return AfterRead.ACK;
        }
        if (copied > 0 && !peerClosed) {
            long now = window.current(buffer.receivedEnd());
            if (2 * now <= space.windowClamp()) {
                long next = choose();
                if (next > 0 && next >= 2 * now) {
                    return AfterRead.WINDOW_UPDATE;
                }
            }
        }
        return AfterRead.NOTHING;
    }

    private boolean moreThanOneSegmentUnacked() {
        return buffer.receivedEnd() - window.offeredAt() > rcvMss.value();
    }

    ReceiveBuffer buffer() {
        return buffer;
    }

    AdvertisedWindow window() {
        return window;
    }

    ReceiveSpace space() {
        return space;
    }

    ReceiveMemory memory() {
        return memory;
    }

    RcvMssEstimate rcvMss() {
        return rcvMss;
    }

    AckPolicy acks() {
        return acks;
    }
}
