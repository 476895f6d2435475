package tcpflowlab.sim;

import tcpflowlab.scenario.Scenario;
import tcpflowlab.sim.tcp.SimSocket;
import tcpflowlab.spill.Frames;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Model application's world with the other side played by the test: sockets whose peer is a
 * script (what it sends, how much it takes, when it ends), so a test can be the hostile peer
 * the real Model apps never are.
 */
final class ScriptedPeers implements ModelAppContext {
    record Event(Side side, EventKind kind, int connection, String detail) {
    }

    private final Simulator sim = new Simulator();
    private final Scenario scenario;
    private final ArrayDeque<Peer> acceptQueue = new ArrayDeque<>();
    private SimEvent acceptWaiter;
    private int connections;
    final List<Event> events = new ArrayList<>();
    final List<Peer> dialled = new ArrayList<>();

    ScriptedPeers(Scenario scenario) {
        this.scenario = scenario;
    }

    /** A client connects to the app under test (a server). */
    Peer clientArrives() {
        Peer p = new Peer(++connections);
        acceptQueue.add(p);
        if (acceptWaiter != null) {
            SimEvent w = acceptWaiter;
            acceptWaiter = null;
            sim.schedule(sim.now(), w);
        }
        return p;
    }

    void runFor(long nanos) {
        sim.runUntil(sim.now() + nanos);
    }

    List<Event> events(EventKind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    @Override
    public Simulator sim() {
        return sim;
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    @Override
    public void beforeCall() {
    }

    @Override
    public SplittableRandom random() {
        return new SplittableRandom(1);
    }

    @Override
    public void event(Side side, EventKind kind, Errno errno, long bytes, int connection, String detail) {
        events.add(new Event(side, kind, connection, detail));
    }

    @Override
    public void listen() {
    }

    @Override
    public void stopListening() {
    }

    @Override
    public SimSocket accept() {
        return acceptQueue.poll();
    }

    @Override
    public void onAcceptable(SimEvent event) {
        if (!acceptQueue.isEmpty()) {
            sim.schedule(sim.now(), event);
        } else {
            acceptWaiter = event;
        }
    }

    /** The app under test (a client) connects: the handshake completes 1 ms later. */
    @Override
    public SimSocket connect(SimEvent onDone) {
        Peer p = new Peer(++connections);
        dialled.add(p);
        sim.after(1_000_000, onDone);
        return p;
    }

    /** One connection; the app under test holds this end, the script plays the other. */
    final class Peer implements SimSocket {
        private final int id;
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        private final ArrayDeque<Byte> inbound = new ArrayDeque<>();
        private boolean ended;
        boolean closed;
        /** Bytes the app may still send before the socket is full (EAGAIN). */
        long sendRoom = Long.MAX_VALUE;
        private SimEvent readWaiter;

        Peer(int id) {
            this.id = id;
        }

        /** The script sends bytes to the app. */
        void deliver(byte[] b) {
            for (byte x : b) {
                inbound.add(x);
            }
            wakeReader();
        }

        /** The script closes its end (FIN). */
        void end() {
            ended = true;
            wakeReader();
        }

        private void wakeReader() {
            if (readWaiter != null) {
                SimEvent w = readWaiter;
                readWaiter = null;
                sim.schedule(sim.now(), w);
            }
        }

        byte[] sent() {
            return sent.toByteArray();
        }

        /** The sequences of the whole frames the app sent on this connection. */
        List<Long> frameSequences() {
            List<Long> seqs = new ArrayList<>();
            new Frames.Decoder().feed(sent(), 0, sent.size(), (seq, payload) -> seqs.add(seq));
            return seqs;
        }

        /** The acknowledgements the app sent on this connection. */
        List<Long> acks() {
            List<Long> acks = new ArrayList<>();
            ByteBuffer b = ByteBuffer.wrap(sent());
            while (b.remaining() >= Frames.ACK) {
                acks.add(b.getLong());
            }
            return acks;
        }

        @Override
        public int send(byte[] buf, int off, int len) {
            if (closed) {
                return Errno.EPIPE.asReturn();
            }
            int n = (int) Math.min(len, sendRoom);
            if (n == 0) {
                return Errno.EAGAIN.asReturn();
            }
            sent.write(buf, off, n);
            sendRoom -= n;
            return n;
        }

        @Override
        public int recv(byte[] buf, int off, int len) {
            if (inbound.isEmpty()) {
                return ended ? 0 : Errno.EAGAIN.asReturn();
            }
            int n = 0;
            while (n < len && !inbound.isEmpty()) {
                buf[off + n++] = inbound.poll();
            }
            return n;
        }

        @Override
        public int close() {
            closed = true;
            return 0;
        }

        @Override
        public int shutdownWrite() {
            return 0;
        }

        @Override
        public int getpeername() {
            return closed ? Errno.ENOTCONN.asReturn() : 0;
        }

        @Override
        public int takeError() {
            return 0;
        }

        @Override
        public int available() {
            return inbound.size();
        }

        @Override
        public void setLingerZero(boolean on) {
        }

        @Override
        public void onReadable(SimEvent event) {
            readWaiter = event;
            if (!inbound.isEmpty() || ended) {
                wakeReader();
            }
        }

        @Override
        public void onWritable(SimEvent event) {
            // the script never frees room: the app waits
        }

        @Override
        public void cancelWaits() {
            readWaiter = null;
        }

        @Override
        public int connection() {
            return id;
        }
    }
}
