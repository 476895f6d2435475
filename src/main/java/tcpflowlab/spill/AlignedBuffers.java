package tcpflowlab.spill;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The aligned direct buffers a queue's direct segments write from, kept for reuse: a segment
 * roll would otherwise allocate 8 MiB of direct memory that only a garbage collection frees,
 * 20 times a second at full speed. Aligned to 64 KiB, which covers any block size O_DIRECT asks for.
 */
final class AlignedBuffers {
    static final int ALIGNMENT = 64 * 1024;

    private final int bytes;
    private final int keep;
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    private int allocated;

    /** Buffers of {@code bytes} (a multiple of the alignment); at most {@code keep} are kept when returned. */
    AlignedBuffers(int bytes, int keep) {
        if (bytes % ALIGNMENT != 0) {
            throw new IllegalArgumentException("buffer size " + bytes + " is not a multiple of " + ALIGNMENT);
        }
        this.bytes = bytes;
        this.keep = keep;
    }

    synchronized ByteBuffer take() {
        ByteBuffer b = free.poll();
        if (b == null) {
            allocated++;
            b = ByteBuffer.allocateDirect(bytes + ALIGNMENT).alignedSlice(ALIGNMENT);
        }
        b.clear();
        return b;
    }

    synchronized void give(ByteBuffer b) {
        if (free.size() < keep) {
            free.push(b);
        }
    }

    int bufferBytes() {
        return bytes;
    }

    /** How many buffers were ever allocated (for tests of the reuse). */
    synchronized int allocated() {
        return allocated;
    }
}
