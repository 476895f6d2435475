package tcpflowlab.export;

import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Streams a run's telemetry to samples.csv, events.csv and segments.csv as it happens, so an
 * hour-long run needs no memory for its history. Each file starts with a comment line naming
 * the scenario, then a header row. The files are written under temporary names and get their
 * own names at {@link #close()}, whole (see {@link AtomicOutputFile}).
 *
 * <p>A write that fails (a full disk) does not throw into the engine that reports the
 * telemetry: that file stops, is not given its name, and {@link #close()} throws the failure
 * with the file's name; {@link #failed()} lets a caller stop the run early.
 */
public final class CsvTelemetryWriter implements TelemetrySink, Closeable {
    public static final String SAMPLES = "samples.csv";
    public static final String EVENTS = "events.csv";
    public static final String SEGMENTS = "segments.csv";

    /** One output file and whether writing it has failed. */
    private static final class Output {
        final AtomicOutputFile file;
        final Writer writer;
        IOException failure;
        boolean finished;

        Output(AtomicOutputFile file) {
            this.file = file;
            this.writer = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
        }

        /** False once the file has failed. */
        synchronized boolean write(String line) {
            if (failure != null || finished) {
                return failure == null; // rows after the end (a thread still winding down) are not kept
            }
            try {
                writer.write(line);
                return true;
            } catch (IOException e) {
                failure = AtomicOutputFile.naming(file.target(), e);
                return false;
            }
        }

        synchronized void flush() throws IOException {
            if (failure != null) {
                throw failure;
            }
            try {
                writer.flush();
            } catch (IOException e) {
                failure = AtomicOutputFile.naming(file.target(), e);
                throw failure;
            }
        }

        /** Commits a file that was written whole; drops one that failed (it may end mid-line). */
        synchronized void finish() throws IOException {
            if (finished && failure == null) {
                return;
            }
            finished = true;
            if (failure == null) {
                try {
                    writer.flush();
                    file.commit();
                    return;
                } catch (IOException e) {
                    failure = AtomicOutputFile.naming(file.target(), e);
                }
            }
            file.discard();
            throw failure;
        }
    }

    private final Output samples;
    private final Output events;
    private final Output segments;
    private volatile boolean failed;

    private final boolean includeSegments;

    public CsvTelemetryWriter(Path dir, String scenarioName) throws IOException {
        this(dir, scenarioName, true);
    }

    /** With {@code includeSegments} false, segments.csv gets its header only (the UI's temporary log). */
    public CsvTelemetryWriter(Path dir, String scenarioName, boolean includeSegments) throws IOException {
        this(dir, scenarioName, includeSegments, UnaryOperator.identity());
    }

    /** With {@code filter} around each file's stream (tests put a full disk there). */
    CsvTelemetryWriter(Path dir, String scenarioName, boolean includeSegments, UnaryOperator<OutputStream> filter)
            throws IOException {
        this.includeSegments = includeSegments;
        Files.createDirectories(dir);
        List<AtomicOutputFile> opened = new ArrayList<>();
        try {
            samples = open(dir.resolve(SAMPLES), filter, opened, scenarioName,
                    "time_s,server_send_queue_B,server_send_capacity_B,client_receive_queue_B,"
                            + "client_receive_capacity_B,advertised_window_B,bytes_in_flight_B,"
                            + "app_bytes_written,app_bytes_read,spill_depth_B,spill_depth_messages,spill_fsync_mean_us,"
                            + "messages_dropped,messages_lost_on_reset,flow_limit");
            events = open(dir.resolve(EVENTS), filter, opened, scenarioName,
                    "time_s,connection,side,event,errno,errno_name,bytes,detail");
            segments = open(dir.resolve(SEGMENTS), filter, opened, scenarioName,
                    "time_s,connection,from,src_port,dst_port,seq,ack,window_B,flags,length_B,note");
        } catch (IOException | RuntimeException e) {
            opened.forEach(AtomicOutputFile::discard);
            throw e;
        }
    }

    private static Output open(Path file, UnaryOperator<OutputStream> filter, List<AtomicOutputFile> opened,
                               String scenario, String header) throws IOException {
        AtomicOutputFile f = AtomicOutputFile.create(file, filter);
        opened.add(f);
        Output out = new Output(f);
        out.write("# TCP Flow Lab, scenario " + Printable.escape(scenario) + "\n" + header + "\n");
        return out;
    }

    @Override
    public void onSample(Sample s) {
        write(samples, Csv.seconds(s.timeNanos()) + ',' + s.serverSendQueue() + ',' + s.serverSendCapacity()
                + ',' + s.clientReceiveQueue() + ',' + s.clientReceiveCapacity() + ',' + s.advertisedWindow()
                + ',' + s.bytesInFlight() + ',' + s.appBytesWritten() + ',' + s.appBytesRead() + ','
                + s.spillDepthBytes() + ',' + s.spillDepthMessages() + ',' + (s.spillFsyncNanos() / 1000) + ','
                + s.messagesDropped() + ',' + (s.messagesLost() == Sample.UNKNOWN ? "" : Long.toString(s.messagesLost()))
                + ',' + s.flowLimit().csvName() + '\n');
    }

    @Override
    public void onEvent(TcpEvent e) {
        write(events, Csv.seconds(e.timeNanos()) + ',' + e.connection() + ',' + e.side().lower() + ','
                + e.kind().name() + ',' + (e.errno() == null ? "" : Integer.toString(e.errno().number())) + ','
                + (e.errno() == null ? "" : e.errno().name()) + ',' + e.bytes() + ',' + Csv.field(e.detail())
                + '\n');
    }

    @Override
    public void onSegment(SegmentRecord s) {
        if (!includeSegments) {
            return;
        }
        write(segments, Csv.seconds(s.timeNanos()) + ',' + s.connection() + ',' + s.from().lower() + ','
                + s.srcPort() + ',' + s.dstPort() + ',' + s.seq() + ',' + s.ack() + ',' + s.window() + ','
                + s.flagNames() + ',' + s.payloadLength() + ',' + Csv.field(s.note()) + '\n');
    }

    private void write(Output out, String line) {
        if (!out.write(line)) {
            failed = true;
        }
    }

    /** Whether a file could not be written (the run's output is incomplete; {@link #close()} says which). */
    public boolean failed() {
        return failed;
    }

    /** Pushes buffered rows to the files (safe from another thread: each file locks). */
    public void flush() throws IOException {
        samples.flush();
        events.flush();
        segments.flush();
    }

    /** Where one of the files is now: its temporary name while the run writes it, its own after {@link #close()}. */
    public Path path(String file) {
        return switch (file) {
            case SAMPLES -> samples.file.current();
            case EVENTS -> events.file.current();
            case SEGMENTS -> segments.file.current();
            default -> throw new IllegalArgumentException("not one of the telemetry files: " + file);
        };
    }

    /** Gives each whole file its name; throws the first failure, naming its file. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Output o : new Output[] {samples, events, segments}) {
            try {
                o.finish();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
