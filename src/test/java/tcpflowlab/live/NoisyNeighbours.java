package tcpflowlab.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Other connections on the same host, busy doing what a Live run must not report as its own:
 * pairs that reset (a close with unread data, and SO_LINGER {on, 0}) and a pair whose receiver
 * never reads, so its window goes to zero and the sender's persist timer probes. Loopback only,
 * stops when closed or after {@code maxMillis}, whichever comes first.
 */
final class NoisyNeighbours implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Socket> stalled = new ArrayList<>();
    private final long deadline;
    private volatile boolean stop;
    final AtomicLong resets = new AtomicLong();

    NoisyNeighbours(long maxMillis) throws IOException {
        deadline = System.nanoTime() + maxMillis * 1_000_000L;
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start("neighbour-accept", this::acceptAndReset);
        start("neighbour-reset", this::connectAndReset);
        start("neighbour-stall", this::stall);
    }

    private boolean going() {
        return !stop && System.nanoTime() < deadline;
    }

    private void start(String name, ThrowingRunnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (IOException e) {
                // a neighbour that trips over its own closed socket is still a neighbour
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** The accepting side reads nothing and closes with SO_LINGER {on, 0}: RST every time. */
    private void acceptAndReset() throws IOException {
        listener.setSoTimeout(100);
        while (going()) {
            try (Socket s = listener.accept()) {
                s.setSoLinger(true, 0);
            } catch (java.net.SocketTimeoutException e) {
                // look at the clock again
            }
        }
    }

    /** Connects, sends a little (left unread), waits for the reset, reads to see it, again. */
    private void connectAndReset() throws IOException {
        while (going()) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                s.setSoTimeout(200);
                OutputStream out = s.getOutputStream();
                out.write(new byte[100]);
                out.flush();
                try {
                    InputStream in = s.getInputStream();
                    while (in.read() >= 0) {
                        // until the reset (or end of stream)
                    }
                } catch (IOException reset) {
                    resets.incrementAndGet();
                }
            } catch (IOException e) {
                // the listener's backlog was full: try again
            }
            sleep(20);
        }
    }

    /** A receiver with a 4 KiB buffer that never reads: its window closes and stays closed. */
    private void stall() throws IOException {
        try (ServerSocket ss = new ServerSocket()) {
            ss.setReceiveBufferSize(4096); // inherited by the accepted socket, before the handshake
            ss.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Socket sender = new Socket();
            sender.setSendBufferSize(65_536);
            sender.connect(ss.getLocalSocketAddress());
            Socket receiver = ss.accept();
            synchronized (stalled) {
                stalled.add(sender);
                stalled.add(receiver);
            }
            sender.setSoTimeout(100);
            OutputStream out = sender.getOutputStream();
            byte[] chunk = new byte[1024];
            Thread writer = new Thread(() -> {
                try {
                    while (going()) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "neighbour-stall-writer");
            writer.setDaemon(true);
            writer.start();
            while (going()) {
                sleep(50);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        stop = true;
        listener.close();
        synchronized (stalled) {
            for (Socket s : stalled) {
                s.setSoLinger(true, 0);
                s.close();
            }
        }
        for (Thread t : threads) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private interface ThrowingRunnable {
        void run() throws IOException;
    }
}
