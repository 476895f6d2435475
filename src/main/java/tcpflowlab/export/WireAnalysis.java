package tcpflowlab.export;

import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.TcpFlags;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Wireshark's TCP analysis should find in a capture of our segments, computed from our own
 * segment stream with the same rules (epan/dissectors/packet-tcp.c): a zero window is any
 * segment advertising 0 that is not SYN, FIN or RST; a window update is a segment without data
 * that changes the window, not to 0, without moving seq or ack; a window-full segment carries
 * data up to exactly the right edge the peer offered; a keep-alive has at most one byte at
 * sequence next-1. The export's tests compare these counts with tshark's.
 */
public record WireAnalysis(long packets, long zeroWindow, long windowUpdate, long windowFull, long keepAlive,
                           long resets, Map<Integer, Long> frameBytesBySourcePort) {

    /** What Wireshark's analysis says of one segment. */
    public record Verdict(boolean zeroWindow, boolean windowUpdate, boolean windowFull, boolean keepAlive,
                          boolean reset) {
    }

    /**
     * Classifies the segments of a stream one at a time, in order, keeping the per-direction
     * state Wireshark keeps; the Live engine's capture uses it as the segments arrive.
     */
    public static final class Classifier {
        /** Per-direction state: next expected seq, last ack and window seen. */
        private static final class Flow {
            long nextSeq = -1;
            long lastAck = -1;
            long lastWindow = -1;
        }

        private final Map<String, Flow> flows = new HashMap<>();

        public Verdict classify(SegmentRecord s) {
            Flow fwd = flows.computeIfAbsent(s.srcPort() + ">" + s.dstPort(), k -> new Flow());
            Flow rev = flows.computeIfAbsent(s.dstPort() + ">" + s.srcPort(), k -> new Flow());
            boolean syn = s.has(TcpFlags.SYN);
            boolean fin = s.has(TcpFlags.FIN);
            boolean rst = s.has(TcpFlags.RST);
            int len = s.payloadLength();
            boolean special = syn || fin || rst;
            boolean keepAlive = !special && len <= 1 && fwd.nextSeq >= 0
                    && s.seq() == ((fwd.nextSeq - 1) & 0xFFFF_FFFFL);
            boolean update = !keepAlive && !special && len == 0 && fwd.lastWindow >= 0
                    && s.window() != fwd.lastWindow && s.window() != 0
                    && s.seq() == fwd.nextSeq && s.ack() == fwd.lastAck;
            boolean full = !special && len > 0 && rev.lastAck >= 0
                    && ((s.seq() + len) & 0xFFFF_FFFFL) == ((rev.lastAck + rev.lastWindow) & 0xFFFF_FFFFL);
            boolean zero = !special && s.window() == 0;
            long end = (s.seq() + len + (syn ? 1 : 0) + (fin ? 1 : 0)) & 0xFFFF_FFFFL;
            if (!keepAlive && !rst) {
                fwd.nextSeq = end;
            }
            if (s.has(TcpFlags.ACK) && !rst) {
                fwd.lastAck = s.ack();
                fwd.lastWindow = s.window();
            }
            return new Verdict(zero, update, full, keepAlive, rst);
        }
    }

    public static WireAnalysis of(List<SegmentRecord> segments) {
        Classifier classifier = new Classifier();
        Map<Integer, Long> bytes = new HashMap<>();
        long zero = 0;
        long update = 0;
        long full = 0;
        long keepAlive = 0;
        long resets = 0;
        for (SegmentRecord s : segments) {
            int options = s.has(TcpFlags.SYN) ? PcapWriter.SYN_OPTIONS : 0;
            bytes.merge(s.srcPort(), (long) (PcapWriter.IP_HEADER + PcapWriter.TCP_HEADER + options
                    + s.payloadLength()), Long::sum);
            Verdict v = classifier.classify(s);
            zero += v.zeroWindow() ? 1 : 0;
            update += v.windowUpdate() ? 1 : 0;
            full += v.windowFull() ? 1 : 0;
            keepAlive += v.keepAlive() ? 1 : 0;
            resets += v.reset() ? 1 : 0;
        }
        return new WireAnalysis(segments.size(), zero, update, full, keepAlive, resets, bytes);
    }
}
