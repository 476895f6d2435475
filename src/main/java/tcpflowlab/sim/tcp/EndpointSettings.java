package tcpflowlab.sim.tcp;

import tcpflowlab.scenario.SocketConfig;
import tcpflowlab.telemetry.Side;

import java.util.function.Supplier;

/**
 * What a new connection's endpoint is created with: buffer sizes after Linux's doubling or
 * autotuning start values, MSS, minimum RTO, plus the live socket settings (Nagle, ACK mode)
 * that are read at every use.
 *
 * @param sendCapacity bytes the send buffer holds
 * @param receiveBuffer sk_rcvbuf: bytes of memory the receive queue may be charged
 * @param linuxOverhead the receive buffer is charged skb bookkeeping and offers only its
 *                      measured share as window, as Linux does; false: a textbook buffer of
 *                      payload bytes, all of it offered
 * @param autotune buffers grow during the connection
 * @param sendMax, receiveMax autotuning limits (equal to the start values when pinned)
 * @param windowScale the window scale this end announces
 */
public record EndpointSettings(long sendCapacity, long receiveBuffer, boolean linuxOverhead, boolean autotune,
                               long sendMax, long receiveMax, int windowScale, int mss, long rtoMinNanos,
                               Supplier<SocketConfig> live) {

    /** Linux's tcp_wmem[1] / tcp_rmem[1]: where autotuned buffers start. */
    static final long AUTOTUNE_SEND_START = 16_384;
    static final long AUTOTUNE_RECEIVE_START = 131_072;
    /** net.core.rmem_max's default: tcp_select_initial_window() scales for at least this. */
    static final long RMEM_MAX = 212_992;

    /**
     * Buffer sizes the way Linux sets them: a requested SO_SNDBUF/SO_RCVBUF is doubled to
     * leave room for bookkeeping; the whole doubled send buffer holds data, and the receive
     * buffer offers its measured share as window (about the request at first). Without
     * doubling the request is taken literally, as a textbook would. With autotuning the
     * requests are ignored and buffers start at tcp_wmem[1]/tcp_rmem[1].
     *
     * <p>The window scale follows tcp_select_initial_window(): for a buffer the application
     * set, enough for the window it can offer at first; for an autotuned one, enough for
     * tcp_rmem[2].
     */
    public static EndpointSettings of(SocketConfig c, Side side, Supplier<SocketConfig> live) {
        long sndReq = side == Side.SERVER ? c.serverSndBuf() : c.clientSndBuf();
        long rcvReq = side == Side.SERVER ? c.serverRcvBuf() : c.clientRcvBuf();
        long rtoMin = Math.round(c.rtoMinMs() * 1_000_000.0);
        boolean overhead = c.linuxDoubling();
        if (c.autotune()) {
            long sendMax = Math.max(AUTOTUNE_SEND_START, c.tcpWmemMax());
            long receiveMax = Math.max(AUTOTUNE_RECEIVE_START, c.tcpRmemMax());
            int scale = AdvertisedWindow.scaleFor(Math.max(receiveMax, RMEM_MAX));
            return new EndpointSettings(AUTOTUNE_SEND_START, AUTOTUNE_RECEIVE_START, overhead, true,
                    sendMax, receiveMax, scale, c.mss(), rtoMin, live);
        }
        long snd = overhead ? 2 * sndReq : sndReq;
        long rcv = overhead ? 2 * rcvReq : rcvReq;
        // A pinned buffer clamps the window to its full space at the start, which is the request.
        int scale = AdvertisedWindow.scaleFor(rcvReq);
        return new EndpointSettings(snd, rcv, overhead, false, snd, rcv, scale, c.mss(), rtoMin, live);
    }
}
