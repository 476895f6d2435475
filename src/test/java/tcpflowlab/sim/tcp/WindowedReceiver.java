package tcpflowlab.sim.tcp;

import tcpflowlab.scenario.AckMode;

import java.util.List;

/**
 * A receiver as TcpEndpoint drives it, without the rest of TCP: the sender sends at most the
 * window last offered, every arrival and every read is answered with a new offer, and the
 * application reads now and then. Lets properties of the receive-side mechanisms (memory,
 * overhead share, MSS estimate, window selection) be checked together.
 */
final class WindowedReceiver {
    final Receiver receiver;
    final ReceiveBuffer buffer;
    private final SendBuffer sender = new SendBuffer(Long.MAX_VALUE);
    private long offered;
    private long now;

    /** @param rcvbuf sk_rcvbuf in bytes of memory; with {@code linux} false a textbook buffer of payload */
    WindowedReceiver(long rcvbuf, int windowScale, long mss, boolean linux) {
        this.receiver = new Receiver(rcvbuf, linux, windowScale, mss, false, rcvbuf);
        this.buffer = receiver.buffer();
        receiver.established(mss);
        this.offered = receiver.offer();
    }

    WindowedReceiver(long rcvbuf, int windowScale, long mss) {
        this(rcvbuf, windowScale, mss, true);
    }

    long offered() {
        return offered;
    }

    long rightEdge() {
        return buffer.receivedEnd() + offered;
    }

    /** Sends up to {@code len} bytes in one segment, within the window offered; returns how many arrived. */
    int send(int len) {
        int n = (int) Math.min(len, offered);
        if (n > 0) {
            byte[] data = new byte[n];
            sender.append(data, 0, n, n);
            sender.markSent(sender.end());
            now += 1_000_000;
            receiver.arrive(sender, sender.end() - n, n, true, now, 200_000_000L, AckMode.LINUX, 40_000_000L);
            sender.acknowledge(sender.end());
        }
        offered = receiver.offer();
        return n;
    }

    /** The application reads up to {@code len} bytes; the receiver then offers a window again. */
    void read(int len) {
        receiver.read(new byte[len], 0, len);
        offered = receiver.offer();
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
}
