package tcpflowlab.spill;

import java.util.ArrayDeque;
import java.util.Iterator;

/** The SPILL policy's queue for the Model: the same contract as the disk queue, in memory, deterministic. */
public final class MemoryOverflowQueue implements OverflowQueue {
    private final ArrayDeque<SpillQueue.Record> records = new ArrayDeque<>();
    private final long capacityBytes;
    private long last;
    private long committed;
    private long bytes;

    public MemoryOverflowQueue(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    @Override
    public long append(byte[] payload) throws QueueFullException {
        if (bytes + payload.length + SpillQueue.HEADER > capacityBytes) {
            throw new QueueFullException("spill queue full: " + bytes + " of " + capacityBytes + " B");
        }
        records.add(new SpillQueue.Record(++last, payload));
        bytes += payload.length + SpillQueue.HEADER;
        return last;
    }

    @Override
    public Reader reader() {
        long[] next = {committed + 1};
        return () -> {
            // Records are few and short-lived in the model: a scan from the head is enough.
            for (Iterator<SpillQueue.Record> it = records.iterator(); it.hasNext(); ) {
                SpillQueue.Record r = it.next();
                if (r.sequence() == next[0]) {
                    next[0]++;
                    return r;
                }
                if (r.sequence() > next[0]) {
                    break;
                }
            }
            return null;
        };
    }

    @Override
    public void acknowledge(long sequence) {
        if (sequence <= committed) {
            return;
        }
        if (sequence > last) {
            throw new IllegalArgumentException("acknowledging " + sequence + " but the queue ends at " + last);
        }
        while (!records.isEmpty() && records.peekFirst().sequence() <= sequence) {
            bytes -= records.pollFirst().payload().length + SpillQueue.HEADER;
        }
        committed = sequence;
    }

    @Override
    public long lastSequence() {
        return last;
    }

    @Override
    public long committedSequence() {
        return committed;
    }

    @Override
    public long depthBytes() {
        return bytes;
    }

    @Override
    public void close() {
    }
}
