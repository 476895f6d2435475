package tcpflowlab.live.wire;

import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The run's connections from the wire: dumpcap captures the loopback interface, filtered to
 * the run's ports, and writes pcapng to a pipe; one thread reads it as it comes, and every
 * segment of the run becomes a {@link SegmentRecord} and, through {@link WireEvents}, the
 * events the Model would report for it.
 */
final class CaptureTruth implements ConnectionTruth {
    /** How long dumpcap may take to say it is capturing before we call it refused. */
    private static final long START_TIMEOUT_SECONDS = 5;

    /** The outcome of trying: a running capture, or the reason there is none. */
    record Attempt(CaptureTruth truth, String whyNot) {
    }

    private final Process process;
    private final TelemetrySink sink;
    private final WireSegments segments;
    private final WireEvents events = new WireEvents();
    private final ClientWindows windows = new ClientWindows();
    private final OutputStream copy;
    private final Thread reader;
    private volatile boolean closing;
    private volatile String failure;
    /** Packets read, ours or the start-up marker's. */
    private volatile long packets;

    private CaptureTruth(Process process, TruthOptions options, TelemetrySink sink, java.util.function.LongSupplier epochNanosAtStart,
                         OutputStream copy) {
        this.process = process;
        this.sink = sink;
        this.segments = new WireSegments(options.serverPorts(), epochNanosAtStart);
        this.copy = copy;
        this.reader = new Thread(this::read, "loopback-capture");
        this.reader.setDaemon(true);
    }

    static Attempt start(TruthOptions options, TelemetrySink sink, java.util.function.LongSupplier epochNanosAtStart) {
        try (DatagramSocket marker = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return start(options, sink, epochNanosAtStart, marker);
        } catch (IOException e) {
            return new Attempt(null, "no loopback datagram socket to check the capture with: " + e.getMessage());
        }
    }

    /**
     * dumpcap says "Capturing on" before its filter sees packets, so the capture is live only
     * once a datagram we send to {@code marker} comes back through it (the decoder skips it:
     * it is not TCP).
     */
    private static Attempt start(TruthOptions options, TelemetrySink sink, java.util.function.LongSupplier epochNanosAtStart,
                                 DatagramSocket marker) throws IOException {
        String filter = "(" + options.captureFilter() + ") or (udp and dst host "
                + marker.getLocalAddress().getHostAddress() + " and dst port "
                + marker.getLocalPort() + ")";
        Process p;
        try {
            p = new ProcessBuilder("dumpcap", "-i", "lo", "-f", filter, "-w", "-").start();
        } catch (IOException e) {
            return new Attempt(null, "dumpcap is not installed (apt-get install tshark brings it)");
        }
        String refusal = awaitCapturing(p);
        if (refusal != null) {
            p.destroyForcibly();
            return new Attempt(null, refusal);
        }
        OutputStream copy = null;
        if (options.captureCopy() != null) {
            try {
                copy = Files.newOutputStream(options.captureCopy());
            } catch (IOException e) {
                p.destroyForcibly();
                return new Attempt(null, "cannot write the capture to " + options.captureCopy() + ": " + e.getMessage());
            }
        }
        CaptureTruth t = new CaptureTruth(p, options, sink, epochNanosAtStart, copy);
        t.reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        byte[] ping = {0};
        while (t.packets == 0 && t.failure == null && System.nanoTime() < deadline) {
            marker.send(new DatagramPacket(ping, 1, marker.getLocalSocketAddress()));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (t.packets == 0) {
            String why = t.failure;
            t.close();
            return new Attempt(null, "the loopback capture never delivered a packet"
                    + (why == null ? " within " + START_TIMEOUT_SECONDS + " s" : ": " + why));
        }
        return new Attempt(t, null);
    }

    /** Waits for dumpcap's "Capturing on" line; returns why not if it never comes. */
    private static String awaitCapturing(Process p) {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> said = CompletableFuture.supplyAsync(() -> {
            String last = null;
            try {
                for (String line; (line = err.readLine()) != null; ) {
                    if (line.contains("Capturing on")) {
                        return null;
                    }
                    if (!line.isBlank()) {
                        last = line.trim();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            return last == null ? "dumpcap ended without a word" : last;
        });
        String refusal;
        try {
            refusal = said.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            refusal = "dumpcap did not start capturing within " + START_TIMEOUT_SECONDS + " s";
        }
        if (refusal != null) {
            return "capturing on the loopback interface is not permitted here (dumpcap: " + refusal + ")";
        }
        // Keep draining dumpcap's messages so it never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // discard
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "dumpcap-messages");
        drain.setDaemon(true);
        drain.start();
        return null;
    }

    private void read() {
        PcapngStream stream = new PcapngStream(this::onPacket);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = process.getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (copy != null) {
                    copy.write(buffer, 0, n);
                }
                stream.feed(buffer, 0, n);
            }
            if (!closing) {
                failure = "the loopback capture ended early (dumpcap exited with " + process.waitFor() + ")";
            }
        } catch (IOException e) {
            failure = "the loopback capture could not be read: " + e.getMessage();
        } catch (PcapngFormatException e) {
            failure = "the loopback capture is damaged: " + e.getMessage();
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a sink that failed: stop here, and say so, rather than go on with events missing
            failure = "the loopback capture stopped: " + e;
            process.destroy();
        } finally {
            closeCopy();
        }
    }

    private void onPacket(int linkType, long epochNanos, byte[] data, int offset, int length) {
        packets++;
        TcpPacket p = PacketDecoder.decode(linkType, epochNanos, data, offset, length, sink.wantsPayloads());
        if (p == null) {
            return;
        }
        SegmentRecord s = segments.place(p);
        if (s == null) {
            return;
        }
        WireEvents.Observation o = events.observe(s);
        long w = events.window(s.connection(), Side.CLIENT);
        if (w >= 0) {
            windows.put(s.connection(), w);
        }
        sink.onSegment(new SegmentRecord(s.timeNanos(), s.connection(), s.from(), s.srcPort(), s.dstPort(), s.seq(),
                s.ack(), s.window(), s.flags(), s.payloadLength(), s.payload(), o.note(), s.mssOption(),
                s.windowScaleOption()));
        List<TcpEvent> caused = o.events();
        for (TcpEvent e : caused) {
            sink.onEvent(e);
        }
    }

    @Override
    public Source source() {
        return Source.CAPTURE;
    }

    @Override
    public String description() {
        return "from a loopback capture (dumpcap)";
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
        // the RST itself is on the wire
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public void close() {
        closing = true;
        process.destroy(); // SIGTERM: dumpcap writes what it holds and ends the stream
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeCopy() {
        if (copy != null) {
            try {
                copy.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = "the copy of the capture could not be finished: " + e.getMessage();
                }
            }
        }
    }
}
