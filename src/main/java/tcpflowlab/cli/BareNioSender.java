package tcpflowlab.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The JVM's floor for bench-live: the C sender's protocol in plain NIO and nothing else (one
 * write() per message on a non-blocking channel, a select() for OP_WRITE when it returns 0),
 * so what the project's server loses to it is the project's, and what it loses to C is Java's.
 * Listens on 127.0.0.1 (an ephemeral port), serves one reader, stops when the reader closes.
 */
final class BareNioSender implements AutoCloseable {
    private final ServerSocketChannel listener;
    private final Thread thread;
    private volatile boolean stopped;

    BareNioSender(int messageBytes, int sndBuf) throws IOException {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress("127.0.0.1", 0), 1);
        thread = new Thread(() -> serve(messageBytes, sndBuf), "bench-bare-nio");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.socket().getLocalPort();
    }

    private void serve(int messageBytes, int sndBuf) {
        ByteBuffer message = ByteBuffer.allocate(messageBytes);
        while (message.hasRemaining()) {
            message.put((byte) "hello world\n".charAt(message.position() % 12));
        }
        message.flip();
        try (SocketChannel ch = listener.accept(); Selector sel = Selector.open()) {
            ch.setOption(StandardSocketOptions.SO_SNDBUF, sndBuf);
            ch.configureBlocking(false);
            SelectionKey key = ch.register(sel, 0);
            while (!stopped) {
                ch.write(message);
                if (!message.hasRemaining()) {
                    message.rewind();
                    continue;
                }
                key.interestOps(SelectionKey.OP_WRITE); // EAGAIN: wait until writable
                sel.select(100);
                sel.selectedKeys().clear();
                key.interestOps(0);
            }
        } catch (IOException e) {
            // the reader closed the connection (or close() closed the listener): the run is over
        }
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        listener.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
