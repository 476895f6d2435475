package tcpflowlab.sim.tcp;

import java.util.List;

/**
 * A receiver as TcpEndpoint drives its buffer and window, without the rest of TCP: the sender
 * sends at most the window last offered, each arrival is answered with a new offer, and the
 * application reads now and then. Lets properties of the two mechanisms be checked together.
 */
final class WindowedReceiver {
    final ReceiveBuffer buffer;
    final AdvertisedWindow window;
    private final SendBuffer sender = new SendBuffer(Long.MAX_VALUE);
    private final long mss;
    private long offered;

    WindowedReceiver(long capacity, int windowScale, long mss) {
        this.buffer = new ReceiveBuffer(capacity);
        this.window = new AdvertisedWindow(windowScale);
        this.mss = mss;
        this.offered = offer();
    }

    long offered() {
        return offered;
    }

    long rightEdge() {
        return buffer.receivedEnd() + offered;
    }

    /** Sends up to {@code len} bytes, within the window offered; returns how many arrived. */
    int send(int len) {
        int n = (int) Math.min(len, offered);
        if (n > 0) {
            byte[] data = new byte[n];
            sender.append(data, 0, n, n);
            sender.markSent(sender.end());
            buffer.deliver(sender, sender.end() - n, n);
            sender.acknowledge(sender.end());
        }
        offered = offer();
        return n;
    }

    /** The application reads up to {@code len} bytes; the receiver then sends a window update. */
    void read(int len) {
        buffer.read(new byte[len], 0, len);
        offered = offer();
    }

    /** Alternates sends and reads of the given sizes, calling {@code check} after each. */
    void run(List<Integer> sizes, Runnable check) {
        for (int i = 0; i < sizes.size(); i++) {
            if (i % 2 == 0) {
                send(sizes.get(i));
            } else {
                read(sizes.get(i));
            }
            check.run();
        }
    }

    private long offer() {
        return window.offer(buffer.receivedEnd(), buffer.free(), buffer.capacity(), mss);
    }
}
