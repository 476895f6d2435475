package tcpflowlab.telemetry;

/**
 * The state of the connection at one instant, taken every sampling period.
 *
 * @param serverSendQueue bytes in the server's send buffer (unsent + unacknowledged, like tx_queue)
 * @param serverSendCapacity the server's send buffer capacity in bytes
 * @param clientReceiveQueue bytes received by the client's kernel, not yet read (like rx_queue)
 * @param clientReceiveCapacity the client's receive buffer capacity in bytes
 * @param advertisedWindow the window the client last advertised, in bytes
 * @param bytesInFlight bytes the server sent that are not yet acknowledged
 * @param appBytesWritten total bytes the server application handed to send(), whole run
 * @param appBytesRead total bytes the client application got from recv(), whole run
 * @param spillDepthBytes bytes waiting in the server's overflow queue (0 without a spill policy)
 * @param spillDepthMessages messages waiting in it, not yet acknowledged by the client
 * @param spillFsyncNanos mean fsync latency of the queue over the last tenth of a second with
 *        fsyncs (0 without a disk queue)
 * @param messagesDropped messages the server application discarded on EAGAIN (DROP), whole run
 * @param messagesLost messages written and never read because their connection ended (a reset,
 *        a close with data unread), whole run; {@link #UNKNOWN} where the engine cannot tell
 * @param flowLimit what held the sender back during the period that ends with this sample
 *        ({@link FlowLimit#UNKNOWN} where the engine cannot tell)
 */
public record Sample(long timeNanos, long serverSendQueue, long serverSendCapacity,
                     long clientReceiveQueue, long clientReceiveCapacity, long advertisedWindow,
                     long bytesInFlight, long appBytesWritten, long appBytesRead,
                     long spillDepthBytes, long spillDepthMessages, long spillFsyncNanos,
                     long messagesDropped, long messagesLost, FlowLimit flowLimit) {
    /** A count the engine cannot know (the Live engine cannot see what a reset discarded). */
    public static final long UNKNOWN = -1;

    public Sample {
        if (flowLimit == null) {
            flowLimit = FlowLimit.UNKNOWN;
        }
    }

    /** This sample at another time: a run drawn shifted beside another. */
    public Sample at(long time) {
        return new Sample(time, serverSendQueue, serverSendCapacity, clientReceiveQueue, clientReceiveCapacity,
                advertisedWindow, bytesInFlight, appBytesWritten, appBytesRead, spillDepthBytes, spillDepthMessages,
                spillFsyncNanos, messagesDropped, messagesLost, flowLimit);
    }

    /** A sample whose engine does not say what limited the flow. */
    public Sample(long timeNanos, long serverSendQueue, long serverSendCapacity, long clientReceiveQueue,
                  long clientReceiveCapacity, long advertisedWindow, long bytesInFlight, long appBytesWritten,
                  long appBytesRead, long spillDepthBytes, long spillDepthMessages, long spillFsyncNanos,
                  long messagesDropped, long messagesLost) {
        this(timeNanos, serverSendQueue, serverSendCapacity, clientReceiveQueue, clientReceiveCapacity, advertisedWindow,
                bytesInFlight, appBytesWritten, appBytesRead, spillDepthBytes, spillDepthMessages, spillFsyncNanos,
                messagesDropped, messagesLost, FlowLimit.UNKNOWN);
    }

    /** A sample without losses. */
    public Sample(long timeNanos, long serverSendQueue, long serverSendCapacity, long clientReceiveQueue,
                  long clientReceiveCapacity, long advertisedWindow, long bytesInFlight, long appBytesWritten,
                  long appBytesRead, long spillDepthBytes, long spillDepthMessages, long spillFsyncNanos) {
        this(timeNanos, serverSendQueue, serverSendCapacity, clientReceiveQueue, clientReceiveCapacity, advertisedWindow,
                bytesInFlight, appBytesWritten, appBytesRead, spillDepthBytes, spillDepthMessages, spillFsyncNanos, 0, 0);
    }

    /** A sample without a spill queue. */
    public Sample(long timeNanos, long serverSendQueue, long serverSendCapacity, long clientReceiveQueue,
                  long clientReceiveCapacity, long advertisedWindow, long bytesInFlight, long appBytesWritten,
                  long appBytesRead, long spillDepthBytes) {
        this(timeNanos, serverSendQueue, serverSendCapacity, clientReceiveQueue, clientReceiveCapacity, advertisedWindow,
                bytesInFlight, appBytesWritten, appBytesRead, spillDepthBytes, 0, 0);
    }
}
