package tcpflowlab.export;

import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a run's telemetry to samples.csv, events.csv and segments.csv as it happens, so an
 * hour-long run needs no memory for its history. Each file starts with a comment line naming
 * the scenario, then a header row.
 */
public final class CsvTelemetryWriter implements TelemetrySink, Closeable {
    public static final String SAMPLES = "samples.csv";
    public static final String EVENTS = "events.csv";
    public static final String SEGMENTS = "segments.csv";

    private final Writer samples;
    private final Writer events;
    private final Writer segments;

    private final boolean includeSegments;

    public CsvTelemetryWriter(Path dir, String scenarioName) throws IOException {
        this(dir, scenarioName, true);
    }

    /** With {@code includeSegments} false, segments.csv gets its header only (the UI's temporary log). */
    public CsvTelemetryWriter(Path dir, String scenarioName, boolean includeSegments) throws IOException {
        this.includeSegments = includeSegments;
        Files.createDirectories(dir);
        samples = open(dir.resolve(SAMPLES), scenarioName,
                "time_s,server_send_queue_B,server_send_capacity_B,client_receive_queue_B,"
                        + "client_receive_capacity_B,advertised_window_B,bytes_in_flight_B,"
                        + "app_bytes_written,app_bytes_read,spill_depth_B,spill_depth_messages,spill_fsync_mean_us");
        events = open(dir.resolve(EVENTS), scenarioName,
                "time_s,connection,side,event,errno,errno_name,bytes,detail");
        segments = open(dir.resolve(SEGMENTS), scenarioName,
                "time_s,connection,from,src_port,dst_port,seq,ack,window_B,flags,length_B,note");
    }

    private static Writer open(Path file, String scenario, String header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write("# TCP Flow Lab, scenario " + scenario.replace('\n', ' ') + "\n");
        w.write(header);
        w.write('\n');
        return w;
    }

    @Override
    public void onSample(Sample s) {
        write(samples, Csv.seconds(s.timeNanos()) + ',' + s.serverSendQueue() + ',' + s.serverSendCapacity()
                + ',' + s.clientReceiveQueue() + ',' + s.clientReceiveCapacity() + ',' + s.advertisedWindow()
                + ',' + s.bytesInFlight() + ',' + s.appBytesWritten() + ',' + s.appBytesRead() + ','
                + s.spillDepthBytes() + ',' + s.spillDepthMessages() + ',' + (s.spillFsyncNanos() / 1000) + '\n');
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

    private static void write(Writer w, String line) {
        try {
            w.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pushes buffered rows to the files (safe from another thread: Writer methods lock). */
    public void flush() throws IOException {
        samples.flush();
        events.flush();
        segments.flush();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Writer w : new Writer[] {samples, events, segments}) {
            try {
                w.close();
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
