package tcpflowlab.spill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the server hands to a client is only what survives the policy's failure model. Were a
 * GROUP record sent before its group commit and then taken by a crash, the restarted queue would
 * issue its sequence again for a new message, and the client, which has that sequence, would drop
 * the new message as a duplicate: a silent loss.
 */
class DurableDeliveryTest {
    private static SpillConfig group(Path dir) {
        // a group commit only when asked (records and time both far away)
        return new SpillConfig(dir, 64L << 20, 1 << 20, 1L << 30, FsyncPolicy.GROUP, Integer.MAX_VALUE, 3_600_000L);
    }

    @Test
    void aGroupRecordReachesAClientOnlyAfterItsCommit(@TempDir Path dir) throws Exception {
        try (SpillQueue q = SpillQueue.open(group(dir))) {
            for (int i = 0; i < 10; i++) {
                q.append(new byte[] {(byte) i});
            }
            OverflowQueue.Reader reader = q.reader();
            assertNull(reader.next(), "nothing is sent before the group commit makes it durable");
            q.sync();
            List<Long> sent = new ArrayList<>();
            SpillQueue.Record r;
            while ((r = reader.next()) != null) {
                sent.add(r.sequence());
            }
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), sent);
            q.append(new byte[] {42});
            assertNull(reader.next(), "the eleventh waits for its commit too");
        }
    }

    @Test
    void afterAPowerCutNoSequenceAClientWasSentIsIssuedAgain(@TempDir Path dir) throws Exception {
        long highestSent = 0;
        PowerLossTest.PowerCutStorage storage = new PowerLossTest.PowerCutStorage();
        SpillQueue q = SpillQueue.open(group(dir), storage);
        for (int i = 0; i < 100; i++) {
            q.append(new byte[] {(byte) i});
        }
        q.sync();
        for (int i = 0; i < 50; i++) {
            q.append(new byte[] {(byte) i}); // appended, not yet committed
        }
        OverflowQueue.Reader reader = q.reader();
        SpillQueue.Record r;
        while ((r = reader.next()) != null) {
            highestSent = r.sequence();
        }
        Map<Path, byte[]> disk = storage.cut(); // the uncommitted 50 are gone
        try {
            q.close();
        } catch (IOException expected) {
            // the power is off
        }
        PowerLossTest.restore(dir, disk);
        try (SpillQueue again = SpillQueue.open(group(dir))) {
            long next = again.append(new byte[] {7});
            assertTrue(next > highestSent, "new message got sequence " + next + ", but a client was already sent "
                    + highestSent + " and would drop it as a duplicate");
        }
    }
}
