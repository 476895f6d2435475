package tcpflowlab.sim.tcp;

import tcpflowlab.scenario.AckMode;

/**
 * When the receiver acknowledges data: Linux's delayed-ACK machinery ({@code icsk_ack}), or
 * one of the two textbook policies of {@link AckMode}.
 *
 * <p>Linux ({@link AckMode#LINUX}):
 * <ul>
 *   <li><b>Quick-ACK mode</b> ({@code tcp_incr_quickack()}): the first data of a connection, or
 *       data after a silence longer than the RTO, is acknowledged segment by segment for up to
 *       16 segments (fewer when the window holds fewer); a growing window adds one more.
 *       Leaving it, and the free space falling below half the buffer, end it.
 *   <li><b>At once</b> ({@code __tcp_ack_snd_check()}): when more than one full segment arrived
 *       since the last window was offered and the window's right edge can move at least as far
 *       as before, or when the reader has drained the queue.
 *   <li><b>Otherwise delayed</b> ({@code tcp_send_delayed_ack()}), by the ACK timeout
 *       {@code ato}: it starts at the minimum (40 ms), adapts to the gaps between arrivals
 *       ({@code tcp_event_data_recv()}) and doubles each time the timer fires
 *       ({@code tcp_delack_timer_handler()}). Interactive connections (the receiver answered
 *       within {@code ato}: ping-pong mode) skip quick ACKs.
 *   <li><b>After a read</b> ({@code tcp_cleanup_rbuf()}): a pending ACK goes when more than one
 *       full segment is unacknowledged, or the read emptied the queue after a pushed segment;
 *       and a window update goes when the window offered is at most half the clamp and the
 *       new one is at least twice as large (and not zero).
 * </ul>
 * Every segment that carries an ACK clears what was pending ({@code tcp_event_ack_sent()}).
 */
final class AckPolicy {
    /** TCP_MAX_QUICKACKS. */
    static final int MAX_QUICKACKS = 16;
    /** TCP_DELACK_MAX: the longest a delayed ACK waits when interactive or after a push. */
    static final long DELACK_MAX = 200_000_000L;
    /** HZ / 2: the longest a delayed ACK waits otherwise. */
    static final long DELACK_HALF_SECOND = 500_000_000L;

    private AckMode mode = AckMode.LINUX;
    /** TCP_ATO_MIN and TCP_DELACK_MIN (Linux: both 40 ms). */
    private long atoMin = 40_000_000L;
    private boolean scheduled;
    private boolean pushed;
    private boolean pushed2;
    private int quick;
    private boolean pingpong;
    private long ato;
    private long lastReceived = -1;
    private int segmentsUnacked;

    /** The scenario's ACK mode and delayed-ACK timeout, which the user may change during a run. */
    void configure(AckMode mode, long atoMinNanos) {
        this.mode = mode;
        this.atoMin = Math.max(1, atoMinNanos);
    }

    AckMode mode() {
        return mode;
    }

    /**
     * tcp_event_data_recv(): in-order data arrived at {@code now}. Schedules an ACK and
     * adapts the ACK timeout and quick-ACK mode to the arrival rhythm.
     */
    void dataArrived(long now, boolean pushedSegment, long rcvWnd, long rcvMss, long rto) {
        scheduled = true;
        segmentsUnacked++;
        if (pushedSegment) {
            if (pushed) {
                pushed2 = true;
            }
            pushed = true;
        }
        if (ato == 0) {
            incrQuickack(MAX_QUICKACKS, rcvWnd, rcvMss);
            ato = atoMin;
        } else {
            long m = now - lastReceived;
            if (m <= atoMin / 2) {
                ato = (ato >> 1) + atoMin / 2;
            } else if (m < ato) {
                ato = Math.min((ato >> 1) + m, Math.max(rto, atoMin));
            } else if (m > rto) {
                incrQuickack(MAX_QUICKACKS, rcvWnd, rcvMss);
            }
        }
        lastReceived = now;
    }

    /** tcp_incr_quickack(): quick ACKs for about half the window's worth of segments, at least 2. */
    private void incrQuickack(int max, long rcvWnd, long rcvMss) {
        long quickacks = rcvMss > 0 ? rcvWnd / (2 * rcvMss) : 0;
        if (quickacks == 0) {
            quickacks = 2;
        }
        quickacks = Math.min(quickacks, max);
        if (quickacks > quick) {
            quick = (int) quickacks;
        }
    }

    /** tcp_grow_window() raised rcv_ssthresh: one more quick ACK tells the sender at once. */
    void windowGrew() {
        quick |= 1;
    }

    /** The free space fell below half the buffer (__tcp_select_window()): quick ACKs end. */
    void spaceLow() {
        quick = 0;
    }

    /** tcp_in_quickack_mode(). */
    boolean quickackMode() {
        return quick > 0 && !pingpong;
    }

    /**
     * __tcp_ack_snd_check(): after an arrival, whether the ACK goes now. If not, the caller
     * arms the delayed-ACK timer with {@link #delayedAckTimeout}.
     *
     * @param moreThanOneSegment more than one full segment arrived since the last window was offered
     * @param edgeAdvances the window Linux would offer now is at least the window last offered
     * @param drained the application has read everything
     */
    boolean ackNow(boolean moreThanOneSegment, boolean edgeAdvances, boolean drained) {
        return switch (mode) {
            case IMMEDIATE -> true;
            case DELAYED -> segmentsUnacked >= 2;
            case LINUX -> (moreThanOneSegment && (drained || edgeAdvances)) || quickackMode();
        };
    }

    /**
     * tcp_send_delayed_ack(): when the delayed ACK should fire, given the timer already armed
     * (or -1). Returns a time not after {@code now} when the pending ACK should go at once
     * because the armed timer is about to expire.
     */
    long delayedAckTimeout(long now, long armedExpiry, long srtt) {
        if (mode != AckMode.LINUX) {
            return armedExpiry >= 0 ? armedExpiry : now + atoMin;
        }
        long timeout = ato;
        if (timeout > atoMin) {
            long maxAto = pingpong || pushed ? DELACK_MAX : DELACK_HALF_SECOND;
            if (srtt > 0) {
                maxAto = Math.min(maxAto, Math.max(srtt, atoMin));
            }
            timeout = Math.min(timeout, maxAto);
        }
        timeout = Math.min(timeout, DELACK_MAX);
        long at = now + timeout;
        if (armedExpiry >= 0) {
            if (armedExpiry <= now + (timeout >> 2)) {
                return now;
            }
            at = Math.min(at, armedExpiry);
        }
        return at;
    }

    /**
     * tcp_cleanup_rbuf(), first half: after the application read {@code copied} bytes, whether
     * the pending ACK is due now.
     */
    boolean ackAfterRead(int copied, boolean moreThanOneSegmentUnacked, boolean queueEmpty) {
        if (!scheduled) {
            return false;
        }
        if (mode != AckMode.LINUX) {
            return false;
        }
        return moreThanOneSegmentUnacked
                || (copied > 0 && (pushed2 || (pushed && !pingpong)) && queueEmpty);
    }

    /** tcp_delack_timer_handler(): the delayed ACK fired; whether an ACK is still pending (then send it). */
    boolean delayedAckFired(long rto) {
        if (!scheduled) {
            return false;
        }
        if (mode == AckMode.LINUX) {
            if (!pingpong) {
                ato = Math.min(ato << 1, Math.max(rto, atoMin));
            } else {
                pingpong = false;
                ato = atoMin;
            }
        }
        return true;
    }

    /** tcp_event_ack_sent(): any segment carrying the ACK clears what was pending. */
    void ackSent() {
        if (quick > 0) {
            int acks = scheduled ? 1 : 0;
            if (acks >= quick) {
                quick = 0;
                ato = atoMin;
            } else {
                quick -= acks;
            }
        }
        scheduled = false;
        pushed = false;
        pushed2 = false;
        segmentsUnacked = 0;
    }

    /** tcp_event_data_sent(): a reply within {@code ato} of the last arrival marks the connection interactive. */
    void dataSent(long now) {
        if (mode == AckMode.LINUX && lastReceived >= 0 && now - lastReceived < ato) {
            pingpong = true;
        }
    }

    /** An ACK must go at once (a duplicate, a probe, a FIN): Linux's ICSK_ACK_NOW. */
    boolean scheduled() {
        return scheduled;
    }

    boolean pingpong() {
        return pingpong;
    }

    long ato() {
        return ato;
    }
}
