package tcpflowlab.spill;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The delivery position (the highest sequence the client acknowledged), kept durable in two
 * alternating checksummed slots of one small file: a write that is torn by a crash can only
 * damage the slot being written, and the other still holds the previous position. Each slot is
 * {@code sequence (8) | generation (8) | CRC32C of both (4)}; the valid slot with the higher
 * generation wins.
 */
final class CommitPosition implements AutoCloseable {
    static final String FILE = "position";
    private static final int SLOT = 32;

    private final SegmentFile file;
    private long sequence;
    private long generation;

    private final boolean existed;
    private final boolean valid;
    private final String damage;

    private CommitPosition(SegmentFile file, long sequence, long generation, boolean existed, boolean valid,
                           String damage) {
        this.file = file;
        this.sequence = sequence;
        this.generation = generation;
        this.existed = existed;
        this.valid = valid;
        this.damage = damage;
    }

    static CommitPosition open(Storage storage, Path dir) throws IOException {
        SegmentFile f = storage.open(dir.resolve(FILE), true);
        long size = f.size();
        if (size == 0) {
            // new (or never written): its name must be durable before a commit relies on it
            storage.forceDirectory(dir);
        }
        long bestSeq = 0;
        long bestGen = -1;
        StringBuilder damage = new StringBuilder();
        for (int slot = 0; slot < 2; slot++) {
            ByteBuffer b = ByteBuffer.allocate(20);
            int n = Math.max(0, f.read(b, (long) slot * SLOT));
            if (n < 20) {
                if (n > 0 && !zeros(b, n)) {
                    damage.append(damage.length() == 0 ? "" : "; ").append("slot ").append(slot).append(" is cut short");
                }
                continue;
            }
            b.flip();
            long seq = b.getLong();
            long gen = b.getLong();
            int crc = b.getInt();
            if (crc == crc(seq, gen) && seq >= 0) {
                if (gen > bestGen) {
                    bestSeq = seq;
                    bestGen = gen;
                }
            } else if (!zeros(b, 20)) { // an all-zero slot was never written
                damage.append(damage.length() == 0 ? "" : "; ").append("slot ").append(slot).append(" fails its checksum");
            }
        }
        if (size > 2 * SLOT) {
            damage.append(damage.length() == 0 ? "" : "; ").append("it is ").append(size).append(" bytes, at most ")
                    .append(2 * SLOT).append(" expected");
        }
        return new CommitPosition(f, bestSeq, Math.max(0, bestGen), size > 0, bestGen >= 0,
                damage.length() == 0 ? null : damage.toString());
    }

    private static boolean zeros(ByteBuffer b, int n) {
        for (int i = 0; i < n; i++) {
            if (b.get(i) != 0) {
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

    /** Writes the new position into the older slot and forces it. */
    void commit(long newSequence) throws IOException {
        long gen = generation + 1;
        ByteBuffer b = ByteBuffer.allocate(20);
        b.putLong(newSequence).putLong(gen).putInt(crc(newSequence, gen)).flip();
        writeAt(b, (gen % 2) * SLOT);
        file.force();
        sequence = newSequence;
        generation = gen;
    }

    private void writeAt(ByteBuffer b, long position) throws IOException {
        file.writeAt(b, position); // only the older slot changes; the newer one stays intact
    }

    private static int crc(long seq, long gen) {
        CRC32C c = new CRC32C();
        ByteBuffer b = ByteBuffer.allocate(16).putLong(seq).putLong(gen);
        c.update(b.array());
        return (int) c.getValue();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
