package tcpflowlab.engine;

import tcpflowlab.telemetry.ErrnoCount;

import java.util.List;

/**
 * What a run came to, for the human summary and summary.json. Times are nanoseconds since
 * the start, or -1 when the thing never happened; a count the engine cannot know is -1.
 * {@code bytesLost}/{@code messagesLost}: what the server application wrote that the client
 * application never read because the connection ended under it (Model only; with SPILL only the
 * messages missing at the client, since the rest is sent again).
 */
public record RunSummary(String scenario, String engine, long seed, long durationNanos,
                         long firstZeroWindowNanos, long firstEagainNanos, long firstRstNanos,
                         long firstClientErrorNanos,
                         List<ErrnoCount> serverErrnos, List<ErrnoCount> clientErrnos,
                         long bytesWritten, long bytesRead, long messagesSent, long messagesDropped,
                         long connections, long zeroWindowEvents, long zeroWindowSegments,
                         long zeroWindowProbes, long resets, long segments, long events,
                         long engineEvents, long peakServerSendQueue, long peakClientReceiveQueue,
                         long bytesLost, long messagesLost) {
    /** The run's outcome class. */
    public Outcome outcome() {
        return Outcome.of(this);
    }
}
