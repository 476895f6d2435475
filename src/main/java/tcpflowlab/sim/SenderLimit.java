package tcpflowlab.sim;

import tcpflowlab.telemetry.FlowLimit;

/**
 * What holds the Model's sender back at one instant, from three facts about the server's side;
 * where several hold, the first in {@link FlowLimit}'s order wins.
 * <ul>
 * <li>receiver's window: bytes wait unsent and the peer's window is zero or smaller than them;</li>
 * <li>send buffer: the server application met EAGAIN and waits for room;</li>
 * <li>link: the server-to-client link is serialising a segment, or bytes wait unsent for an
 *     ACK (Nagle, silly-window avoidance) with the window open: the path sets the pace;</li>
 * <li>app: none of these, so the application has given TCP nothing to send.</li>
 * </ul>
 * Bytes merely in flight do not count as the link: with a fast path they are in flight while
 * the application writes as fast as it can, and the application is then what sets the pace.
 */
public final class SenderLimit {
    private SenderLimit() {
    }

    public static FlowLimit of(boolean windowLimited, boolean waitingForRoom, boolean pathBusy) {
        if (windowLimited) {
            return FlowLimit.RECEIVE_WINDOW;
        }
        if (waitingForRoom) {
            return FlowLimit.SEND_BUFFER;
        }
        return pathBusy ? FlowLimit.LINK : FlowLimit.APP;
    }
}
