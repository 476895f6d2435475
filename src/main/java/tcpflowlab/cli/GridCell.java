package tcpflowlab.cli;

import java.util.List;

/**
 * One regime of the fidelity grid: a rate-limited sender writing 8 KiB messages (blocking) to a
 * reader that asks for {@code readSize} bytes, then works {@code processingDelayMs}, on a
 * {@code clientRcvBuf} receive buffer. It runs as the {@code backpressure} preset with these
 * fields set, so both engines run the same applications.
 *
 * @param sendRate bytes per second the sender offers
 * @param readSize bytes per recv() call
 * @param processingDelayMs the reader's work after each recv()
 * @param clientRcvBuf the reader's SO_RCVBUF request (the kernel doubles it, as the preset says)
 */
record GridCell(long sendRate, int readSize, double processingDelayMs, int clientRcvBuf) {
    static final String PRESET = "backpressure";
    /** Bytes per send(): the measurements wrote 8 KiB chunks. */
    static final int MESSAGE_SIZE = 8192;
    static final long MIB = 1 << 20;

    GridCell {
        if (sendRate <= 0 || readSize <= 0 || processingDelayMs < 0 || clientRcvBuf <= 0) {
            throw new IllegalArgumentException("not a grid cell: " + sendRate + " B/s, " + readSize + " B / "
                    + processingDelayMs + " ms, SO_RCVBUF " + clientRcvBuf);
        }
    }

    /** The gap between two 8 KiB sends that makes the rate, in microseconds. */
    double sendGapUs() {
        return MESSAGE_SIZE * 1e6 / sendRate;
    }

    /** The preset's fields this regime sets, in {@code --set} form. */
    List<String> overrides() {
        return List.of(
                "sockets.clientRcvBuf=" + clientRcvBuf,
                "client.readSize=" + readSize,
                "client.processingDelayMs=" + number(processingDelayMs),
                "client.replySize=0",
                "server.messageSize=" + MESSAGE_SIZE,
                "server.sendGapUs=" + number(sendGapUs()));
    }

    /** As the compare harness runs it. */
    EngineComparison.Variant variant() {
        return new EngineComparison.Variant(name(), PRESET, overrides());
    }

    /** e.g. "5 MiB/s, 4096 B / 1 ms, 16 KiB". */
    String name() {
        return rate() + ", " + readSize + " B / " + number(processingDelayMs) + " ms, " + kib(clientRcvBuf);
    }

    String rate() {
        return sendRate % MIB == 0 ? sendRate / MIB + " MiB/s" : sendRate + " B/s";
    }

    private static String kib(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
    }

    /** A count of seconds or microseconds as typed: "5", "1562.5". */
    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
