package tcpflowlab.telemetry;

/**
 * Every kind of event either engine reports, each with a plain-language explanation a
 * teacher can read out in class. The explanation is about the kind; the event's own
 * detail says what happened this time.
 */
public enum EventKind {
    LISTEN("The server opened its listening socket and waits for a client to connect."),
    CONNECT("The three-way handshake completed (SYN, SYN-ACK, ACK): both kernels now have a "
            + "connection with a send buffer and a receive buffer on each side."),
    CONNECT_FAILED("The client's connection attempt failed, for example because nothing was "
            + "listening (the server's kernel answered the SYN with a RST: ECONNREFUSED)."),
    ZERO_WINDOW("The receiver's kernel advertised a window of 0 bytes: its receive buffer is "
            + "full because the application is not reading fast enough. The sender must stop "
            + "sending data until the window opens again. Linux closes the window only when "
            + "less than one segment's worth of buffer is free, and it counts memory, not bytes: "
            + "a packet stays charged in full until it has been read to its end. So a reader of "
            + "tiny pieces keeps the window shut, while a reader of large pieces lets the sender "
            + "fill the window again and again without it ever reaching zero (window full, not "
            + "zero window)."),
    WINDOW_UPDATE("The receiving application read enough data that its kernel could announce "
            + "a worthwhile amount of free buffer space again, so the sender may resume. "
            + "Small reads do not reopen the window (receiver silly-window avoidance): Linux "
            + "sends the update once a whole segment's worth of buffer is free again and the "
            + "window at least doubles."),
    ZERO_WINDOW_PROBE("The sender's persist timer fired: it sent a zero-length probe "
            + "(sequence number one below the next unacknowledged byte, which Wireshark labels "
            + "'TCP Keep-Alive') to ask whether the window has opened. The interval doubles "
            + "after every probe. A zero window never kills a connection on its own."),
    PERSIST_TIMER("The sender has data it cannot send (window zero or too small to be worth "
            + "using, and nothing in flight) and armed its persist timer."),
    EAGAIN("A non-blocking send() found the send buffer full and failed with EAGAIN "
            + "('Resource temporarily unavailable'). What the application does next is its "
            + "own decision: the story's C server closes the connection here."),
    SEND_BUFFER_WRITABLE("The send buffer drained enough (about a third free) for the kernel to "
            + "report the socket writable again, so a blocked writer resumes."),
    FIN_SENT("This side closed its end in an orderly way: a FIN follows the data already "
            + "queued, and the peer will read end-of-stream after the last byte."),
    FIN_RECEIVED("The peer's FIN arrived: after the queued data, recv() will return 0 "
            + "(end of stream)."),
    RST_SENT("This side's kernel sent a RST (reset). close() with unread data in the receive "
            + "queue does this instead of a FIN, and throws away everything still queued for "
            + "sending: that is exactly what kills the story's connection."),
    RST_RECEIVED("A RST arrived: the connection is gone at once. Data already in the receive "
            + "queue can still be read; the send queue is thrown away, and the next socket "
            + "call reports ECONNRESET (or EPIPE if the peer had closed with a FIN first)."),
    SOCKET_ERROR("A socket call failed with an errno. After a reset, Linux reports ECONNRESET "
            + "(104) once, then EPIPE (32) on every later send; getpeername() and shutdown() "
            + "report ENOTCONN (107), which is where the story's Errno 107 came from."),
    ERRORS_REPEATED("The same socket call kept failing with the same errno on this connection; "
            + "the log shows the first failure and counts the repeats here instead of listing each one."),
    PROTOCOL_ERROR("The peer broke the SPILL protocol: an acknowledgement of a message it was never "
            + "sent, one that goes backwards or stops halfway, or a frame with an impossible length. "
            + "Trusting it could delete messages nobody received, so this side logs it, closes the "
            + "connection and keeps every message; an honest peer that connects again gets them all. "
            + "Sequences that jump ahead are named and counted as lost messages instead (a server "
            + "whose disk lost records can only skip them)."),
    END_OF_STREAM("recv() returned 0: there is no more data and never will be on this "
            + "connection."),
    DISCONNECT("The application closed its socket; the connection is over for this side."),
    RECONNECT("The client will try to connect again after a back-off delay."),
    DROP("The server discarded messages because the send buffer was full (DROP policy): "
            + "nothing is sent for them, ever. They are lost, not delayed."),
    SPILL("The server wrote a message it could not send to its durable queue on disk."),
    REPLAY("The server delivered queued messages to a returning client, in FIFO order."),
    KNOB_CHANGED("A setting was changed while the run was going; it takes effect at the next "
            + "socket call of the application it belongs to."),
    RUN_END("The run reached its configured duration.");

    private final String explanation;

    EventKind(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
