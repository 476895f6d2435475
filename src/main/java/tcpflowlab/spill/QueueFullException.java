package tcpflowlab.spill;

import java.io.IOException;

/** The queue holds its capacity in bytes; nothing was appended (the caller falls back to backpressure). */
public class QueueFullException extends IOException {
    public QueueFullException(String message) {
        super(message);
    }
}
