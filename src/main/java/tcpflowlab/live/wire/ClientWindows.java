package tcpflowlab.live.wire;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's advertised window per connection, written by the source's thread and read by
 * the sampler's: the same value the source's zero-window events are about.
 */
final class ClientWindows {
    private final ConcurrentHashMap<Integer, Long> windows = new ConcurrentHashMap<>();
    private volatile int latest;

    void put(int connection, long window) {
        windows.put(connection, window);
        if (connection > latest) {
            latest = connection;
        }
    }

    long get(int connection) {
        return windows.getOrDefault(connection, -1L);
    }

    int latest() {
        return latest;
    }
}
