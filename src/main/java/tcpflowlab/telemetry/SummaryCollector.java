package tcpflowlab.telemetry;

/**
 * Collects the "firsts" and counts a summary needs from the telemetry stream, in constant
 * memory, so any engine's run can be summarised the same way.
 */
public final class SummaryCollector implements TelemetrySink {
    private long firstZeroWindow = -1;
    private long firstEagain = -1;
    private long firstRst = -1;
    private long firstClientError = -1;
    private long zeroWindowEvents;
    private long zeroWindowSegments;
    private long probes;
    private long resets;
    private long segments;
    private long events;
    private long peakSendQueue;
    private long peakReceiveQueue;
    private long lastTime;

    @Override
    public void onEvent(TcpEvent e) {
        events++;
        lastTime = Math.max(lastTime, e.timeNanos());
        switch (e.kind()) {
            case ZERO_WINDOW -> {
                zeroWindowEvents++;
                if (firstZeroWindow < 0) {
                    firstZeroWindow = e.timeNanos();
                }
            }
            case EAGAIN, DROP -> {
                if (firstEagain < 0 && e.errno() == Errno.EAGAIN) {
                    firstEagain = e.timeNanos();
                }
            }
            case RST_SENT -> {
                if (firstRst < 0) {
                    firstRst = e.timeNanos();
                }
            }
            case SOCKET_ERROR -> {
                if (e.side() == Side.CLIENT && firstClientError < 0) {
                    firstClientError = e.timeNanos();
                }
            }
            default -> { }
        }
    }

    @Override
    public void onSegment(SegmentRecord s) {
        segments++;
        if (s.has(TcpFlags.RST)) {
            resets++;
            if (firstRst < 0) {
                firstRst = s.timeNanos();
            }
        } else if (s.window() == 0 && !s.has(TcpFlags.SYN) && !s.has(TcpFlags.FIN)) {
            zeroWindowSegments++;
        }
        if ("zero-window probe".equals(s.note())) {
            probes++;
        }
    }

    @Override
    public void onSample(Sample s) {
        peakSendQueue = Math.max(peakSendQueue, s.serverSendQueue());
        peakReceiveQueue = Math.max(peakReceiveQueue, s.clientReceiveQueue());
        lastTime = Math.max(lastTime, s.timeNanos());
    }

    public long firstZeroWindow() {
        return firstZeroWindow;
    }

    public long firstEagain() {
        return firstEagain;
    }

    public long firstRst() {
        return firstRst;
    }

    public long firstClientError() {
        return firstClientError;
    }

    public long zeroWindowEvents() {
        return zeroWindowEvents;
    }

    public long zeroWindowSegments() {
        return zeroWindowSegments;
    }

    public long probes() {
        return probes;
    }

    public long resets() {
        return resets;
    }

    public long segments() {
        return segments;
    }

    public long events() {
        return events;
    }

    public long peakSendQueue() {
        return peakSendQueue;
    }

    public long peakReceiveQueue() {
        return peakReceiveQueue;
    }
}
