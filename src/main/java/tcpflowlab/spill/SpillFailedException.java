package tcpflowlab.spill;

import java.io.IOException;

/**
 * The queue met an I/O failure (a write, an fsync, a rename) and closed itself: after a failed
 * fsync nobody knows which pages reached the disk, so retrying could report data as durable
 * that is not. Reopen the queue; recovery finds out what is really there.
 */
public class SpillFailedException extends IOException {
    public SpillFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
