package tcpflowlab.sim.tcp;

import tcpflowlab.scenario.SocketConfig;
import tcpflowlab.telemetry.Side;

import java.util.function.Supplier;

/**
 * What a new connection's endpoint is created with: buffer capacities after Linux's doubling
 * or autotuning start values, MSS, minimum RTO, plus the live socket settings (Nagle, ACK mode)
 * that are read at every use.
 *
 * @param sendCapacity bytes the send buffer holds
 * @param receiveCapacity payload bytes the receive buffer holds (what the window can cover)
 * @param sendMax, receiveMax autotuning limits (equal to the capacities when pinned)
 */
public record EndpointSettings(long sendCapacity, long receiveCapacity, boolean autotune,
                               long sendMax, long receiveMax, int mss, long rtoMinNanos,
                               Supplier<SocketConfig> live) {

    /** Linux's tcp_wmem[1] / tcp_rmem[1]: where autotuned buffers start. */
    static final long AUTOTUNE_SEND_START = 16_384;
    static final long AUTOTUNE_RECEIVE_START = 131_072;

    /**
     * Buffer sizes the way Linux sets them: a requested SO_SNDBUF/SO_RCVBUF is doubled to
     * leave room for bookkeeping; the whole doubled send buffer holds data, and about half of
     * the doubled receive buffer (tcp_adv_win_scale) can be offered as window, i.e. about the
     * requested size. Without doubling the request is taken literally, as a textbook would.
     * With autotuning the requests are ignored and buffers start at tcp_wmem[1]/tcp_rmem[1].
     */
    public static EndpointSettings of(SocketConfig c, Side side, Supplier<SocketConfig> live) {
        long sndReq = side == Side.SERVER ? c.serverSndBuf() : c.clientSndBuf();
        long rcvReq = side == Side.SERVER ? c.serverRcvBuf() : c.clientRcvBuf();
        long rtoMin = Math.round(c.rtoMinMs() * 1_000_000.0);
        if (c.autotune()) {
            long sendMax = Math.max(AUTOTUNE_SEND_START, c.tcpWmemMax());
            long receiveMax = Math.max(AUTOTUNE_RECEIVE_START / 2, c.tcpRmemMax() / 2);
            return new EndpointSettings(AUTOTUNE_SEND_START, AUTOTUNE_RECEIVE_START / 2, true,
                    sendMax, receiveMax, c.mss(), rtoMin, live);
        }
        long snd = c.linuxDoubling() ? 2 * sndReq : sndReq;
        long rcv = rcvReq;
        return new EndpointSettings(snd, rcv, false, snd, rcv, c.mss(), rtoMin, live);
    }

    /** The window scale this endpoint offers: enough for the largest window it may ever offer. */
    int windowScale() {
        return AdvertisedWindow.scaleFor(receiveMax);
    }
}
