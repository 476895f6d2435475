package tcpflowlab.spill;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The delivery position (the highest sequence the client acknowledged), kept durable in two
 * alternating checksummed slots of one small file: a write that is torn by a crash can only
 * damage the slot being written, and the other still holds the previous position. Each slot is
 * {@code sequence (8) | generation (8) | newest segment's first sequence (8) | CRC32C of the three (4)};
 * the valid slot with the higher generation wins. Slots written before the newest segment was
 * recorded ({@code sequence | generation | CRC32C of both}, 20 bytes) are still read, as "not known".
 * <p>
 * The newest segment's first sequence is a high-water mark: it is durable before the segment's
 * name is, so a newest segment file that is later removed is seen missing rather than leaving
 * its sequences free to be issued again.
 */
final class CommitPosition implements AutoCloseable {
    static final String FILE = "position";
    private static final int SLOT = 32;
    private static final int SLOT_BYTES = 28;
    private static final int OLD_SLOT_BYTES = 20;

    /** What the file's bytes say: the winning slot's values, and what was wrong with the rest. */
    record Content(long sequence, long generation, long newestSegment, boolean valid, String damage) {
    }

    private final SegmentFile file;
    // Written by the queue's owner (commits) and its fsync thread (the newest segment), under this
    // object's lock; read without it (volatile), so a reader never waits for the other's fsync.
    private volatile long sequence;
    private long generation;
    private volatile long newestSegment;
    private long pendingNewest;

    private final boolean existed;
    private final boolean valid;
    private final String damage;

    private CommitPosition(SegmentFile file, Content c, boolean existed) {
        this.file = file;
        this.sequence = c.sequence();
        this.generation = c.generation();
        this.newestSegment = c.newestSegment();
        this.existed = existed;
        this.valid = c.valid();
        this.damage = c.damage();
    }

    static CommitPosition open(Storage storage, Path dir) throws IOException {
        SegmentFile f = storage.open(dir.resolve(FILE), true);
        long size = f.size();
        if (size == 0) {
            // new (or never written): its name must be durable before a commit relies on it
            storage.forceDirectory(dir);
        }
        ByteBuffer b = ByteBuffer.allocate(2 * SLOT);
        while (b.hasRemaining() && f.read(b, b.position()) > 0) {
            // a short read: read on
        }
        return new CommitPosition(f, decode(b.array(), b.position(), size), size > 0);
    }

    /** Reads the slots from the first {@code n} bytes of a position file of {@code size} bytes. */
    static Content decode(byte[] bytes, int n, long size) {
        long bestSeq = 0;
        long bestGen = -1;
        long newest = 0;
        StringBuilder damage = new StringBuilder();
        for (int slot = 0; slot < 2; slot++) {
            int at = slot * SLOT;
            int got = Math.max(0, Math.min(SLOT_BYTES, n - at));
            ByteBuffer b = ByteBuffer.wrap(bytes, 0, n);
            long seq = -1;
            long gen = -1;
            long base = 0;
            if (got >= SLOT_BYTES && b.getInt(at + 24) == crc(b.getLong(at), b.getLong(at + 8), b.getLong(at + 16))) {
                seq = b.getLong(at);
                gen = b.getLong(at + 8);
                base = b.getLong(at + 16);
            } else if (got >= OLD_SLOT_BYTES && b.getInt(at + 16) == oldCrc(b.getLong(at), b.getLong(at + 8))) {
                seq = b.getLong(at); // written by a version that did not record the newest segment
                gen = b.getLong(at + 8);
            } else if (!zeros(bytes, at, got)) { // an all-zero slot was never written
                damage.append(damage.length() == 0 ? "" : "; ").append("slot ").append(slot)
                        .append(got < OLD_SLOT_BYTES ? " is cut short" : " fails its checksum");
                continue;
            } else {
                continue;
            }
            if (seq < 0 || gen < 0 || base < 0) {
                damage.append(damage.length() == 0 ? "" : "; ").append("slot ").append(slot).append(" holds a negative value");
                continue;
            }
            newest = Math.max(newest, base); // only ever raised: the higher one is the later
            if (gen > bestGen) {
                bestSeq = seq;
                bestGen = gen;
            }
        }
        if (size > 2 * SLOT) {
            damage.append(damage.length() == 0 ? "" : "; ").append("it is ").append(size).append(" bytes, at most ")
                    .append(2 * SLOT).append(" expected");
        }
        return new Content(bestSeq, Math.max(0, bestGen), newest, bestGen >= 0, damage.length() == 0 ? null : damage.toString());
    }

    private static boolean zeros(byte[] b, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the file had any bytes when opened (a queue that ever acknowledged or was opened writes it). */
    boolean existed() {
        return existed;
    }

    /** Whether a valid slot gave the position (else it is 0: none was ever committed, or both are damaged). */
    boolean valid() {
        return valid;
    }

    /** What was wrong with the file when opened, or null. */
    String damage() {
        return damage;
    }

    long sequence() {
        return sequence;
    }

    /** The first sequence of the newest segment, as durable: 0 when not known (a file of the older layout). */
    long newestSegment() {
        return newestSegment;
    }

    /** Writes the new position into the older slot and forces it (with a newest segment still pending, if any). */
    synchronized void commit(long newSequence) throws IOException {
        write(newSequence, Math.max(newestSegment, pendingNewest));
    }

    /** Records {@code first} as the newest segment's first sequence, durably, unless a later one is recorded. */
    synchronized void newestSegment(long first) throws IOException {
        if (first > newestSegment) {
            write(sequence, first);
        }
    }

    /**
     * Notes a segment about to be created, to be made durable by {@link #forcePendingNewest} (or the
     * next commit) before its name: no I/O here, so a roll need not wait for an fsync.
     */
    synchronized void pendingNewest(long first) {
        pendingNewest = Math.max(pendingNewest, first);
    }

    /** Makes the pending newest segment durable, if there is one. */
    synchronized void forcePendingNewest() throws IOException {
        if (pendingNewest > newestSegment) {
            write(sequence, pendingNewest);
        }
    }

    private void write(long newSequence, long newest) throws IOException {
        long gen = generation + 1;
        ByteBuffer b = ByteBuffer.allocate(SLOT_BYTES);
        b.putLong(newSequence).putLong(gen).putLong(newest).putInt(crc(newSequence, gen, newest)).flip();
        file.writeAt(b, (gen % 2) * SLOT); // only the older slot changes; the newer one stays intact
        file.force();
        sequence = newSequence;
        generation = gen;
        newestSegment = newest;
    }

    private static int crc(long seq, long gen, long newest) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(24).putLong(seq).putLong(gen).putLong(newest).array());
        return (int) c.getValue();
    }

    private static int oldCrc(long seq, long gen) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(16).putLong(seq).putLong(gen).array());
        return (int) c.getValue();
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }
}
