package tcpflowlab.spill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue against segments that write on a thread of their own and take their time about it
 * (what {@link DirectAppendFile} does, slowed down so that every race is lost): readers must
 * never see a record before its bytes are in the file, across appends, rolls and reopens.
 */
class InFlightWritesTest {

    /** Appends are queued and written 2 ms later by a single writer thread, in order. */
    static final class SlowWriterStorage extends ForwardingStorage {
        @Override
        public SegmentFile openAppender(Path file, boolean create, AlignedBuffers buffers) throws IOException {
            SegmentFile real = open(file, create); // buffered: the delay below stands for the device
            ExecutorService writer = Executors.newSingleThreadExecutor();
            return new SegmentFile() {
                private long end = real.size();
                private Future<?> last;

                @Override
                public void append(ByteBuffer src) {
                    ByteBuffer copy = ByteBuffer.allocate(src.remaining());
                    copy.put(src).flip();
                    end += copy.remaining();
                    last = writer.submit(() -> {
                        Thread.sleep(2);
                        real.append(copy);
                        return null;
                    });
                }

                @Override
                public void flush() throws IOException {
                    Future<?> f = last;
                    if (f != null) {
                        try {
                            f.get(); // the writer runs in order: the last one done means all are
                        } catch (Exception e) {
                            throw new IOException(e);
                        }
                    }
                }

                @Override
                public void writeAt(ByteBuffer src, long position) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read(ByteBuffer dst, long position) throws IOException {
                    flush();
                    return real.read(dst, position);
                }

                @Override
                public void force() throws IOException {
                    flush();
                    real.force();
                }

                @Override
                public void truncate(long size) throws IOException {
                    flush();
                    real.truncate(size);
                    end = size;
                }

                @Override
                public long size() {
                    return end;
                }

                @Override
                public void close() throws IOException {
                    flush();
                    writer.shutdown();
                    real.close();
                }
            };
        }
    }

    @Test
    void aReaderRightBehindTheAppenderFindsEveryRecordAcrossRolls(@TempDir Path dir) throws Exception {
        SpillConfig cfg = SpillConfig.defaults(dir).withSegmentBytes(16 * 1024);
        byte[] payload = new byte[1000];
        long expected = 1;
        int mostSegments = 0;
        try (SpillQueue q = SpillQueue.open(cfg, new SlowWriterStorage())) {
            SpillQueue.Cursor c = q.cursor(0);
            for (long s = 1; s <= 600; s++) {
                Arrays.fill(payload, (byte) s);
                assertEquals(s, q.append(payload));
                mostSegments = Math.max(mostSegments, q.segmentCount());
                if (s % 3 == 0) {
                    SpillQueue.Record r;
                    while ((r = c.next()) != null) {
                        assertEquals(expected, r.sequence());
                        assertEquals((byte) expected, r.payload()[999], "payload of " + expected);
                        expected++;
                    }
                }
                if (s % 50 == 0) {
                    q.acknowledge(expected - 1); // sealed segments are deleted while others are in flight
                }
            }
            assertTrue(mostSegments >= 3, "rolled: " + mostSegments);
        }
        assertEquals(601, expected, "the reader had every record by the last append");
        try (SpillQueue q = SpillQueue.open(cfg, new SlowWriterStorage())) {
            assertTrue(q.recoveryReport().clean(), q.recoveryReport().toString());
            assertEquals(600, q.lastSequence());
        }
    }
}
