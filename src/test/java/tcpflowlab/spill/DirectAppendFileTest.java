package tcpflowlab.spill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The O_DIRECT appender: every byte lands in order, padding never shows, reopening continues the file. */
class DirectAppendFileTest {
    private static final AlignedBuffers BUFFERS = new AlignedBuffers(
            DirectAppendFile.BUFFER_BYTES + 2 * AlignedBuffers.ALIGNMENT, 2 * DirectAppendFile.BUFFERS);

    private static SegmentFile openDirect(Path file, boolean create) throws Exception {
        Optional<SegmentFile> f = DirectAppendFile.open(file, create, BUFFERS);
        assumeTrue(f.isPresent(), "this file system refuses O_DIRECT; GROUP writes buffered here");
        return f.get();
    }

    private static byte[] readAll(SegmentFile f, Random rnd) throws Exception {
        byte[] out = new byte[(int) f.size()];
        int at = 0;
        while (at < out.length) {
            // odd, unaligned read sizes, as the queue's cursor makes
            ByteBuffer b = ByteBuffer.allocate(1 + rnd.nextInt(9000));
            int n = f.read(b, at);
            assertTrue(n > 0, "read at " + at + " of " + out.length);
            System.arraycopy(b.array(), 0, out, at, n);
            at += n;
        }
        assertEquals(-1, f.read(ByteBuffer.allocate(10), out.length), "nothing past the contents, padding included");
        return out;
    }

    @Test
    void appendsOfEverySizeReadBackExactlyAcrossReopenAndTruncate(@TempDir Path dir) throws Exception {
        Random rnd = new Random(42);
        Path file = dir.resolve("00000000000000000001.seg");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        SegmentFile f = openDirect(file, true);
        assertInstanceOf(DirectAppendFile.class, Storage.DISK.openAppender(dir.resolve("other.seg"), true, BUFFERS));
        for (int i = 0; i < 300; i++) {
            // from 1 byte to beyond the 2 MiB staging buffer, so writes split and tails carry over
            int len = i % 50 == 49 ? (3 << 20) + rnd.nextInt(5000) : 1 + rnd.nextInt(i % 3 == 0 ? 70_000 : 1500);
            byte[] data = new byte[len];
            rnd.nextBytes(data);
            ByteBuffer src = ByteBuffer.allocateDirect(len + 7);
            src.position(7); // an unaligned source, as the queue's batch is not aligned
            src.put(data).flip().position(7);
            f.append(src);
            assertEquals(0, src.remaining());
            expected.write(data);
            assertEquals(expected.size(), f.size());
            if (i % 37 == 0) {
                f.force();
            }
            if (i % 60 == 59) { // reopen mid-block: the partial tail block must come back
                byte[] onDisk = Files.readAllBytes(file);
                for (int k = expected.size(); k < onDisk.length; k++) {
                    // a crash here leaves this tail: recovery reads only zeros as padding
                    assertEquals(0, onDisk[k], "padding byte " + k + " is zero");
                }
                f.close();
                assertEquals(expected.size(), Files.size(file), "close cuts the padding");
                f = openDirect(file, false);
            }
        }
        assertTrue(Files.size(file) >= expected.size(), "on disk: contents plus padding");
        assertTrue(Files.size(file) - expected.size() < 65536, "padding is less than a block");
        assertArrayEquals(expected.toByteArray(), readAll(f, rnd));

        long cut = expected.size() - 12_345;
        f.truncate(cut);
        byte[] more = new byte[5000];
        rnd.nextBytes(more);
        f.append(ByteBuffer.wrap(more));
        byte[] want = Arrays.copyOf(expected.toByteArray(), (int) cut + more.length);
        System.arraycopy(more, 0, want, (int) cut, more.length);
        assertArrayEquals(want, readAll(f, rnd), "appends follow a truncation");
        f.close();
        assertArrayEquals(want, Files.readAllBytes(file));
    }

    @Test
    void aForceFromAnotherThreadCoversEveryByteAppendedBeforeIt(@TempDir Path dir) throws Exception {
        Random rnd = new Random(7);
        Path file = dir.resolve("00000000000000000001.seg");
        SegmentFile f = openDirect(file, true);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        java.util.concurrent.ExecutorService syncer = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < 40; i++) {
                byte[] data = new byte[1 + rnd.nextInt(3 << 20)];
                rnd.nextBytes(data);
                f.append(ByteBuffer.wrap(data));
                expected.write(data);
                long from = expected.size() - data.length;
                // the queue's fsync thread: force, then the file must hold the last append
                // (read at once: the writer needs milliseconds for megabytes, this microseconds)
                syncer.submit(() -> {
                    f.force();
                    ByteBuffer onDisk = ByteBuffer.allocate(data.length);
                    try (var ch = java.nio.channels.FileChannel.open(file)) {
                        while (onDisk.hasRemaining() && ch.read(onDisk, from + onDisk.position()) > 0) {
                            // read the region of the last append
                        }
                    }
                    assertEquals(data.length, onDisk.position(), "forced bytes present");
                    assertArrayEquals(data, onDisk.array());
                    return null;
                }).get();
            }
        } finally {
            syncer.shutdownNow();
            f.close();
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
    }

    @Test
    void aGroupQueueRecoversAZeroPaddedTailAndASealedSegmentWithPadding(@TempDir Path dir) throws Exception {
        SpillConfig cfg = SpillConfig.defaults(dir).withSegmentBytes(8192);
        try (SpillQueue q = SpillQueue.open(cfg)) {
            for (long s = 1; s <= 200; s++) {
                q.append(SpillQueueTest.payload(s));
            }
        }
        // what a crash before close leaves: padding after the contents of every segment
        for (Path p : Storage.DISK.list(dir)) {
            if (p.toString().endsWith(".seg")) {
                Files.write(p, new byte[4096 - (int) (Files.size(p) % 4096)], java.nio.file.StandardOpenOption.APPEND);
            }
        }
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertEquals(200, q.lastSequence(), q.recoveryReport().toString());
            assertTrue(q.recoveryReport().notes().stream().noneMatch(n -> n.contains("corrupt") || n.contains("missing")),
                    "padding is not damage: " + q.recoveryReport());
            assertEquals(200, SpillQueueTest.readAll(q).size());
            assertEquals(201, q.append(SpillQueueTest.payload(201)));
        }
        try (SpillQueue q = SpillQueue.open(cfg)) {
            assertEquals(201, SpillQueueTest.readAll(q).size());
        }
    }
}
