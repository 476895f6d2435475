package tcpflowlab.spill;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random sequences of append / read / acknowledge / reopen / crash against an in-memory deque:
 * FIFO, no gaps, and after a reopen or crash a reader sees again only what was not acknowledged.
 */
class SpillModelTest {
    enum Op { APPEND, APPEND_MANY, READ_SOME, ACK_READ, REOPEN, CRASH }

    @Provide
    Arbitrary<List<Op>> programs() {
        return Arbitraries.of(Op.values()).list().ofMinSize(5).ofMaxSize(60);
    }

    @Provide
    Arbitrary<FsyncPolicy> policies() {
        return Arbitraries.of(FsyncPolicy.OS, FsyncPolicy.GROUP);
    }

    @Property(tries = 100)
    void behavesLikeADequeThatSurvivesRestarts(@ForAll("programs") List<Op> program,
                                               @ForAll("policies") FsyncPolicy policy) throws Exception {
        check(program, policy);
    }

    /** A program jqwik found (CI, seed -4548030130998922306): crashes right after appends and rolls. */
    @net.jqwik.api.Example
    void crashesBetweenAppendsAndReopens() throws Exception {
        check(java.util.Arrays.stream(("APPEND_MANY READ_SOME ACK_READ READ_SOME APPEND READ_SOME APPEND APPEND_MANY REOPEN "
                + "APPEND READ_SOME REOPEN READ_SOME APPEND APPEND READ_SOME APPEND CRASH CRASH "
                + "ACK_READ CRASH APPEND_MANY APPEND APPEND APPEND CRASH APPEND CRASH ACK_READ REOPEN "
                + "READ_SOME APPEND CRASH APPEND REOPEN CRASH REOPEN APPEND_MANY REOPEN CRASH READ_SOME "
                + "CRASH CRASH READ_SOME READ_SOME APPEND_MANY READ_SOME REOPEN APPEND_MANY REOPEN "
                + "APPEND REOPEN REOPEN APPEND CRASH").split(" ")).map(Op::valueOf).toList(), FsyncPolicy.GROUP);
    }

    private void check(List<Op> program, FsyncPolicy policy) throws Exception {
        Path dir = Files.createTempDirectory("spill-model");
        try {
            // OS: every append reaches the page cache at once, so a crash (dropping the instance
            // without closing it) loses nothing this process wrote. GROUP: a crash loses the
            // unwritten batch, never more than what was not yet durable.
            SpillConfig cfg = SpillConfig.defaults(dir).withSegmentBytes(2048).withPolicy(policy);
            SpillQueue q = SpillQueue.open(cfg);
            ArrayDeque<Long> model = new ArrayDeque<>(); // unacknowledged, in order
            long next = 1;
            long delivered = 0; // highest sequence handed to the "client" since the last restart
            SpillQueue.Cursor cursor = q.cursor(q.committedSequence());
            java.util.Random r = new java.util.Random(program.hashCode());
            for (Op op : program) {
                switch (op) {
                    case APPEND -> {
                        assertEquals(next, q.append(SpillQueueTest.payload(next)));
                        model.add(next++);
                    }
                    case APPEND_MANY -> {
                        for (int i = 0; i < 30; i++) {
                            assertEquals(next, q.append(SpillQueueTest.payload(next)));
                            model.add(next++);
                        }
                    }
                    case READ_SOME -> {
                        int n = r.nextInt(20);
                        for (int i = 0; i < n; i++) {
                            SpillQueue.Record rec = cursor.next();
                            if (rec == null) {
                                break;
                            }
                            // the next unacknowledged record: the one after, unless a GROUP crash took
                            // records from the end of a segment sealed just before (a gap the model has too)
                            long due = -1;
                            for (long m : model) {
                                if (m > Math.max(delivered, q.committedSequence())) {
                                    due = m;
                                    break;
                                }
                            }
                            assertEquals(due, rec.sequence(), "FIFO, no gap but those a crash left");
                            assertArrayEquals(SpillQueueTest.payload(rec.sequence()), rec.payload());
                            delivered = rec.sequence();
                        }
                    }
                    case ACK_READ -> {
                        if (delivered > q.committedSequence()) {
                            q.acknowledge(delivered);
                            while (!model.isEmpty() && model.peekFirst() <= delivered) {
                                model.pollFirst();
                            }
                        }
                    }
                    case REOPEN, CRASH -> {
                        long durable = q.durableSequence();
                        if (op == Op.REOPEN) {
                            q.close();
                        } else {
                            q.abandon(); // as a killed process leaves it
                        }
                        q = SpillQueue.open(cfg);
                        if (op == Op.CRASH && policy == FsyncPolicy.GROUP) {
                            // A crash may take records that were not yet durable: from the tail,
                            // or from the end of a segment sealed just before (a gap readers
                            // skip). Never a durable one, never one out of order, none invented.
                            List<Long> kept = new ArrayList<>();
                            SpillQueue.Cursor all = q.cursor(q.committedSequence());
                            SpillQueue.Record rec;
                            while ((rec = all.next()) != null) {
                                kept.add(rec.sequence());
                            }
                            for (long seq : model) {
                                if (seq <= durable) {
                                    org.junit.jupiter.api.Assertions.assertTrue(kept.contains(seq), "durable " + seq + " lost: " + kept);
                                }
                            }
                            org.junit.jupiter.api.Assertions.assertTrue(model.containsAll(kept), "only appended records: " + kept);
                            model.clear();
                            model.addAll(kept);
                            next = q.lastSequence() + 1;
                        }
                        cursor = q.cursor(q.committedSequence());
                        delivered = q.committedSequence(); // unacknowledged records are delivered again
                    }
                }
                assertEquals(model.size(), q.depthMessages(), "depth after " + op);
                assertEquals(next - 1, q.lastSequence());
            }
            List<Long> rest = new ArrayList<>();
            SpillQueue.Cursor all = q.cursor(q.committedSequence());
            SpillQueue.Record rec;
            while ((rec = all.next()) != null) {
                rest.add(rec.sequence());
            }
            assertEquals(new ArrayList<>(model), rest, "exactly the unacknowledged records, in order");
            q.close();
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
