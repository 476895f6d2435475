package tcpflowlab.sim;

import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.sim.app.ClientApp;
import tcpflowlab.sim.app.SpillServerApp;
import tcpflowlab.spill.Frames;
import tcpflowlab.spill.MemoryOverflowQueue;
import tcpflowlab.telemetry.EventKind;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Model's SPILL apps against a peer the test plays: a client that lies in its
 * acknowledgements or sits idle, a server that sends a broken frame or skips sequences.
 */
class SpillHostilePeerModelTest {
    private static final long MS = 1_000_000;
    private static final int FRAME = Frames.HEADER + 13; // the preset's 13-byte messages

    private final Scenario spill = Scenarios.preset("spill-and-replay", "client.disconnectEveryS=0");
    private final ScriptedPeers world = new ScriptedPeers(spill);
    private final MemoryOverflowQueue queue = new MemoryOverflowQueue(64 << 20);

    private SpillServerApp server() {
        SpillServerApp s = new SpillServerApp(world, queue);
        s.start();
        return s;
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    /** An honest client: everything from {@code first} on, in order, once; its acknowledgement is applied. */
    private void honestClientGetsEverythingFrom(long first) {
        ScriptedPeers.Peer honest = world.clientArrives();
        world.runFor(5 * MS);
        List<Long> got = honest.frameSequences();
        assertFalse(got.isEmpty(), "the honest client was served");
        assertEquals(range(first, first + got.size() - 1), got, "from " + first + ", in order, each once");
        long last = got.get(got.size() - 1);
        honest.deliver(Frames.ack(last));
        world.runFor(MS);
        assertEquals(last, queue.committedSequence(), "the honest acknowledgement is applied");
        assertFalse(honest.closed);
    }

    private String protocolErrors() {
        return world.events(EventKind.PROTOCOL_ERROR).toString();
    }

    @Test
    void anAckOfMessagesNeverSentOnThisConnectionDeletesNothing() { // item 1
        server();
        ScriptedPeers.Peer liar = world.clientArrives();
        liar.sendRoom = 10L * FRAME; // its socket takes 10 frames, then the rest waits in the queue
        world.runFor(20 * MS);
        assertEquals(range(1, 10), liar.frameSequences());
        long produced = queue.lastSequence();
        assertTrue(produced > 100, "produced " + produced);
        liar.deliver(Frames.ack(produced)); // produced, but never sent to it
        world.runFor(MS);
        assertEquals(0, queue.committedSequence(), "nothing deleted");
        assertTrue(liar.closed, "the liar's connection is closed");
        assertTrue(protocolErrors().contains("acknowledgement " + produced + " is beyond the last message sent")
                && protocolErrors().contains("allowed 0 .. 10"), protocolErrors());
        honestClientGetsEverythingFrom(1);
    }

    @Test
    void aBogusAckIsNotRememberedAndDoesNotBlockTheNextConnection() { // items 2 and 3
        server();
        ScriptedPeers.Peer liar = world.clientArrives();
        world.runFor(20 * MS);
        ByteArrayOutputStream acks = new ByteArrayOutputStream();
        acks.writeBytes(Frames.ack(100));
        acks.writeBytes(Frames.ack(Long.MAX_VALUE));
        acks.writeBytes(Frames.ack(100));
        liar.deliver(acks.toByteArray());
        world.runFor(MS);
        assertEquals(100, queue.committedSequence(), "the valid ack before the bogus one counts, the bogus one not");
        assertTrue(liar.closed);
        assertTrue(protocolErrors().contains("acknowledgement " + Long.MAX_VALUE + " is beyond"), protocolErrors());
        honestClientGetsEverythingFrom(101);
        honestClientGetsEverythingFrom(queue.committedSequence() + 1);
    }

    @Test
    void anAckGoingBackwardsClosesTheConnection() {
        server();
        ScriptedPeers.Peer liar = world.clientArrives();
        world.runFor(20 * MS);
        liar.deliver(Frames.ack(50));
        world.runFor(MS);
        liar.deliver(Frames.ack(40));
        world.runFor(MS);
        assertEquals(50, queue.committedSequence());
        assertTrue(liar.closed);
        assertTrue(protocolErrors().contains("acknowledgement 40 goes backwards"), protocolErrors());
        honestClientGetsEverythingFrom(51);
    }

    @Test
    void aReturningClientReacknowledgingIsHarmless() {
        server();
        ScriptedPeers.Peer first = world.clientArrives();
        world.runFor(20 * MS);
        first.deliver(Frames.ack(60));
        world.runFor(MS);
        first.end();
        world.runFor(MS);
        ScriptedPeers.Peer again = world.clientArrives();
        again.deliver(Frames.ack(60)); // before reading anything: what it acknowledged last time
        world.runFor(5 * MS);
        assertFalse(again.closed);
        assertEquals(60, queue.committedSequence());
        assertEquals(61, again.frameSequences().get(0));
        assertEquals("[]", protocolErrors());
    }

    @Test
    void partialAndRandomAcksAreRejectedAndApplyNothing() { // item 3: stray bytes, garbage
        server();
        ScriptedPeers.Peer split = world.clientArrives();
        world.runFor(20 * MS);
        byte[] ack = Frames.ack(30);
        split.deliver(java.util.Arrays.copyOfRange(ack, 0, 3));
        world.runFor(MS);
        split.deliver(java.util.Arrays.copyOfRange(ack, 3, 8)); // an ack split across writes is fine
        world.runFor(MS);
        assertEquals(30, queue.committedSequence());
        split.deliver(new byte[] {0, 0, 0}); // 3 stray bytes, then the client leaves
        split.end();
        world.runFor(MS);
        assertTrue(protocolErrors().contains("3 bytes into an acknowledgement"), protocolErrors());
        assertEquals(30, queue.committedSequence());

        ScriptedPeers.Peer garbage = world.clientArrives();
        world.runFor(5 * MS);
        byte[] noise = new byte[64];
        new Random(7).nextBytes(noise);
        garbage.deliver(noise);
        world.runFor(MS);
        assertTrue(garbage.closed);
        assertEquals(30, queue.committedSequence(), "nothing applied from garbage");
        honestClientGetsEverythingFrom(31);
    }

    @Test
    void aNewClientTakesOverFromAnIdleOne() {
        server();
        ScriptedPeers.Peer idle = world.clientArrives();
        idle.sendRoom = 5L * FRAME;
        world.runFor(10 * MS);
        honestClientGetsEverythingFrom(1);
        assertTrue(idle.closed, "the idle connection was closed");
        assertTrue(world.events(EventKind.DISCONNECT).stream().anyMatch(e -> e.detail().contains("takes over")),
                "" + world.events(EventKind.DISCONNECT));
    }

    // ------------------------------------------------------------------ the client against a hostile server

    private static byte[] frames(long first, long last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long s = first; s <= last; s++) {
            out.writeBytes(Frames.frame(s, new byte[13]));
        }
        return out.toByteArray();
    }

    @Test
    void aMalformedFrameClosesTheConnectionAndTheClientReconnects() { // item 15
        ClientApp client = new ClientApp(world);
        client.start();
        world.runFor(2 * MS);
        ScriptedPeers.Peer first = world.dialled.get(0);
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.writeBytes(frames(1, 3));
        bad.writeBytes(ByteBuffer.allocate(Frames.HEADER).putLong(4).putInt(Integer.MAX_VALUE).array());
        bad.writeBytes(frames(5, 6));
        first.deliver(bad.toByteArray());
        world.runFor(20 * MS);
        assertTrue(first.closed, "the client closed the broken connection");
        assertTrue(protocolErrors().contains("frame length 2147483647 for sequence 4 is out of range"), protocolErrors());
        assertEquals(3, client.delivered(), "what came before the damage is kept");
        world.runFor(3_000 * MS); // the reconnect back-off
        assertEquals(2, world.dialled.size(), "the client connected again");
        ScriptedPeers.Peer second = world.dialled.get(1);
        second.deliver(frames(1, 8)); // the server replays from the last acknowledgement
        world.runFor(20 * MS);
        assertEquals(8, client.delivered());
        assertEquals(8, client.lastSeen());
        assertEquals(3, client.duplicates());
        assertEquals(0, client.gaps());
        assertEquals(List.of(8L), second.acks());
    }

    @Test
    void skippedSequencesAreCountedAndNamed() {
        ClientApp client = new ClientApp(world);
        client.start();
        world.runFor(2 * MS);
        ScriptedPeers.Peer s = world.dialled.get(0);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(frames(1, 2));
        b.writeBytes(frames(5, 5));
        s.deliver(b.toByteArray());
        world.runFor(20 * MS);
        assertEquals(1, client.gaps());
        assertTrue(protocolErrors().contains("sequences 3 .. 4 never arrived: 2 messages lost"), protocolErrors());
    }
}
