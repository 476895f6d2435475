package tcpflowlab.sim.app;

/**
 * Sees the application-level byte streams: what the server handed to send() and what the
 * client got from recv(). Used to check that the client reads exactly a prefix of what the
 * server wrote; the default does nothing and costs nothing.
 */
public interface StreamTap {
    StreamTap NONE = new StreamTap() {
    };

    default void written(int connection, byte[] buf, int off, int len) {
    }

    default void read(int connection, byte[] buf, int off, int len) {
    }
}
