package tcpflowlab.live.wire;

import tcpflowlab.live.ProcNetTcp;
import tcpflowlab.live.TcpSocketRow;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The run's connections without a capture: every poll period, this process's reading of
 * /proc/net/tcp{,6}, one {@code ss -tinH} for the run's ports, and the socket inodes this
 * process holds open go to a {@link ConnectionPoller}. One thread; it stops on close.
 */
final class PollingTruth implements ConnectionTruth {
    private final TruthOptions options;
    private final TelemetrySink sink;
    private final LongSupplier clock;
    private final ClientWindows windows = new ClientWindows();
    private final ConnectionPoller poller;
    private final String whyNoCapture;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String failure;

    PollingTruth(TruthOptions options, TelemetrySink sink, LongSupplier clock, String whyNoCapture) {
        this.options = options;
        this.sink = sink;
        this.clock = clock;
        this.whyNoCapture = whyNoCapture;
        this.poller = new ConnectionPoller(options.serverPorts(), windows);
        this.thread = new Thread(this::run, "connection-poller");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long period = options.pollPeriod().toNanos();
        long next = System.nanoTime();
        while (running) {
            pollOnce();
            next += period;
            long left = next - System.nanoTime();
            if (left <= 0) {
                next = System.nanoTime();
                continue;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                return; // close() interrupts
            }
        }
    }

    void pollOnce() {
        List<TcpSocketRow> rows = rows();
        List<SsTcpInfo> infos = SsCommand.query(options.serverPorts());
        deliver(poller.poll(clock.getAsLong(), rows, infos, openSocketInodes()));
    }

    private List<TcpSocketRow> rows() {
        List<TcpSocketRow> all = new ArrayList<>();
        for (String name : List.of("net/tcp", "net/tcp6")) {
            try {
                all.addAll(ProcNetTcp.parse(Files.readString(options.procRoot().resolve(name),
                        StandardCharsets.US_ASCII)).rows());
            } catch (IOException e) {
                if (name.equals("net/tcp") && failure == null) {
                    failure = "cannot read " + options.procRoot().resolve(name) + ": " + e.getMessage();
                }
            }
        }
        return all;
    }

    /** The inodes of the sockets this process holds open: {@code socket:[12345]} in /proc/self/fd. */
    private Set<Long> openSocketInodes() {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(options.procRoot().resolve("self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[") && target.endsWith("]")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | NumberFormatException e) {
                    // the descriptor closed while we looked
                }
            }
        } catch (IOException e) {
            // no /proc/self/fd: resets stay unattributed
        }
        return inodes;
    }

    private void deliver(List<TcpEvent> events) {
        for (TcpEvent e : events) {
            sink.onEvent(e);
        }
    }

    @Override
    public Source source() {
        return Source.POLLING;
    }

    @Override
    public String description() {
        return "from this connection's /proc/net/tcp row and ss -tin: " + whyNoCapture;
    }

    @Override
    public long clientWindow(int connection) {
        return windows.get(connection);
    }

    @Override
    public int connections() {
        return windows.latest();
    }

    @Override
    public void socketResult(Side side, int connection, Errno errno) {
        deliver(poller.socketResult(clock.getAsLong(), side, connection, errno));
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
