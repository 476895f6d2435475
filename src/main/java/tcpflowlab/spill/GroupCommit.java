package tcpflowlab.spill;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Makes appended records durable and advances the durable sequence: every fsync of the queue's
 * segments and directory goes through here, and for GROUP a thread of its own runs them.
 * <p>
 * GROUP commits run on their own thread, so appends never wait for an fsync: the appender
 * writes a group to the page cache and asks for it to be forced; the syncer forces the
 * active segment and then advances the durable sequence. Sealing a segment and the syncer's
 * fsync take the same lock, so a segment is never closed under an fsync.
 * Rolling a GROUP segment does not fsync on the appender either: the sealed file and the
 * new name in the directory wait here for the syncer, which forces them (and the new file
 * before its name) before it advances the durable sequence, so that never covers a record
 * whose segment or name is not on disk.
 */
final class GroupCommit {
    /** A sealed segment's file that the syncer has still to force and close. */
    private record Sealed(Path path, SegmentFile file) {
    }

    private final SpillConfig config;
    private final Storage storage;
    private final SegmentLog log;
    private final BooleanSupplier queueFailed;
    private final Consumer<IOException> onSyncFailure;
    private final AtomicLong fsyncs = new AtomicLong();
    private final AtomicLong fsyncNanos = new AtomicLong();
    private CommitPosition position;
    private volatile long durableSequence;

    private final Object forceLock = new Object();
    private volatile SegmentFile activeFile;
    private final List<Sealed> sealing = new ArrayList<>(); // guarded by forceLock
    private volatile int sealingCount; // sealing.size(), for readers that need not lock
    private boolean directoryDirty; // guarded by forceLock
    private Thread syncer;
    private long syncRequested;
    private boolean syncerStop;

    /**
     * @param queueFailed whether the queue failed (the syncer then leaves its files alone)
     * @param onSyncFailure told of the syncer's I/O failure; the syncer stops
     */
    GroupCommit(SpillConfig config, Storage storage, SegmentLog log, BooleanSupplier queueFailed,
                Consumer<IOException> onSyncFailure) {
        this.config = config;
        this.storage = storage;
        this.log = log;
        this.queueFailed = queueFailed;
        this.onSyncFailure = onSyncFailure;
    }

    /** The position file, once recovery has opened it: new segments' first sequences go there. */
    void attach(CommitPosition position) {
        this.position = position;
    }

    /** The position file attached, or null before recovery opened it. */
    CommitPosition position() {
        return position;
    }

    void startSyncer() {
        syncer = new Thread(this::syncLoop, "spill-fsync");
        syncer.setDaemon(true);
        syncer.start();
    }

    private void syncLoop() {
        while (true) {
            long target;
            synchronized (this) {
                while (!syncerStop && syncRequested <= durableSequence) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (syncerStop) {
                    return;
                }
                target = syncRequested;
            }
            try {
                synchronized (forceLock) {
                    if (!queueFailed.getAsBoolean()) {
                        forcePending(true);
                    }
                }
                if (target > durableSequence) {
                    durableSequence = target;
                }
            } catch (IOException e) {
                onSyncFailure.accept(e); // the appender's next call fails the queue
                return;
            }
        }
    }

    void requestSync(long target) {
        synchronized (this) {
            if (target > syncRequested) {
                syncRequested = target;
                notifyAll();
            }
        }
    }

    void stopSyncer() {
        Thread t = syncer;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        synchronized (this) {
            syncerStop = true;
            notifyAll();
        }
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        syncer = null;
    }

    long durableSequence() {
        return durableSequence;
    }

    void durableSequence(long sequence) {
        durableSequence = sequence;
    }

    void activeFile(SegmentFile file) {
        activeFile = file;
    }

    void force(SegmentFile f) throws IOException {
        long t0 = System.nanoTime();
        f.force();
        fsyncNanos.addAndGet(System.nanoTime() - t0);
        fsyncs.incrementAndGet();
    }

    /** Forces what waits for an fsync now (the active segment too when asked), on the caller's thread. */
    void forceNow(boolean forceActive) throws IOException {
        synchronized (forceLock) {
            forcePending(forceActive);
        }
    }

    /**
     * Forces, in this order, the first sequence of a segment created since (in the position
     * file), the sealed segments waiting for it (then closes them), the active segment, and the
     * directory if a segment was created since: a new file first, then its name.
     * Caller holds forceLock.
     */
    private void forcePending(boolean forceActive) throws IOException {
        position.forcePendingNewest(); // a new segment's first sequence is durable before its name
        while (!sealing.isEmpty()) {
            SegmentFile f = sealing.get(0).file();
            force(f);
            sealing.remove(0);
            sealingCount = sealing.size();
            f.close();
        }
        SegmentFile f = activeFile;
        if (f != null && (forceActive || directoryDirty)) {
            force(f);
        }
        if (directoryDirty) {
            storage.forceDirectory(config.dir());
            directoryDirty = false;
        }
    }

    /**
     * Seals {@code old} and starts the segment after {@code lastSequence}. The records written so
     * far become durable with the fsync asked for here.
     */
    void roll(LogSegment old, long lastSequence) throws IOException {
        if (config.policy() == FsyncPolicy.GROUP) {
            // The syncer seals the old segment and makes the new name durable; the records
            // written so far become durable with that fsync, asked for now. The new segment's
            // first sequence is recorded in the position file first (by the syncer, or the next
            // acknowledgement): the file is created under the lock the syncer holds from that
            // write to the directory's fsync, so its name is never durable before the record.
            synchronized (forceLock) {
                position.pendingNewest(lastSequence + 1);
                LogSegment next = log.createSegment(lastSequence + 1);
                sealing.add(new Sealed(old.path, old.file));
                sealingCount = sealing.size();
                directoryDirty = true;
                activeFile = next.file;
            }
            old.file = null;
            requestSync(lastSequence);
            return;
        }
        synchronized (forceLock) {
            force(old.file);
            old.file.close();
            old.file = null;
            activeFile = null;
        }
        durableSequence = lastSequence;
        newSegment(lastSequence + 1);
    }

    /**
     * Creates a segment and makes it and its name durable before returning, its first sequence
     * recorded as the newest segment's before either.
     */
    void newSegment(long first) throws IOException {
        LogSegment s = log.createSegment(first);
        position.newestSegment(first);
        s.file.force();
        storage.forceDirectory(config.dir()); // the new name must survive a crash too
        activeFile = s.file;
    }

    /** An acknowledged segment need not reach the disk: closes it if it still waits for the syncer. */
    void dropSealing(Path path) throws IOException {
        synchronized (forceLock) {
            for (int i = 0; i < sealing.size(); i++) {
                if (sealing.get(i).path().equals(path)) {
                    sealing.remove(i).file().close();
                    sealingCount = sealing.size();
                    return;
                }
            }
        }
    }

    /**
     * A segment sealed moments ago may still have writes in flight on its own thread: a reader
     * opening it by name waits for them. Rare (only until the syncer has sealed it), so the
     * common case does not take the lock.
     */
    void awaitSealed(Path path) throws IOException {
        if (sealingCount == 0) {
            return;
        }
        synchronized (forceLock) {
            for (Sealed x : sealing) {
                if (x.path().equals(path)) {
                    x.file().flush();
                    return;
                }
            }
        }
    }

    /** After a failure: closes the sealed files still waiting, ignoring further errors. */
    void closeSealing() {
        synchronized (forceLock) {
            for (Sealed f : sealing) {
                try {
                    f.file().close();
                } catch (IOException e) {
                    // already failing
                }
            }
            sealing.clear();
            sealingCount = 0;
        }
    }

    /** As a crashed process leaves them: the sealed files' writes stop, nothing is forced or closed. */
    void abandonSealing() throws IOException {
        synchronized (forceLock) {
            for (Sealed f : sealing) {
                f.file().abandon();
            }
        }
    }

    long fsyncCount() {
        return fsyncs.get();
    }

    long fsyncNanosTotal() {
        return fsyncNanos.get();
    }
}
