package tcpflowlab.chart;

import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpFlags;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ladder (sequence) diagram of the last segments: the client's timeline on the left, the
 * server's on the right, each segment an arrow from its sender down to the other side, labelled
 * with seq, ack, window, flags and length. Zero-window advertisements and probes are orange,
 * resets red, SYN and FIN blue. Plain Java2D, so the same code draws on screen (through
 * FXGraphics2D) and into an SVG export (JFreeSVG).
 */
public final class LadderRenderer {
    public static final Color DATA = new Color(0x222222);
    public static final Color ACK_ONLY = new Color(0x777777);
    public static final Color ZERO = ChartStyle.PROBE;
    public static final Color RESET = ChartStyle.ERROR;
    public static final Color HANDSHAKE = ChartStyle.KNOB;

    /** An arrow's place on the drawing, for clicks. */
    public record Hit(int index, Line2D line) {
    }

    private LadderRenderer() {
    }

    public static Color colour(SegmentRecord s) {
        if (s.has(TcpFlags.RST)) {
            return RESET;
        }
        if ("zero-window probe".equals(s.note()) || (s.window() == 0 && !s.has(TcpFlags.SYN) && !s.has(TcpFlags.FIN))) {
            return ZERO;
        }
        if (s.has(TcpFlags.SYN) || s.has(TcpFlags.FIN)) {
            return HANDSHAKE;
        }
        return s.payloadLength() > 0 ? DATA : ACK_ONLY;
    }

    public static String label(SegmentRecord s) {
        return String.format(Locale.ROOT, "%s seq=%d ack=%d win=%d len=%d%s", s.flagNames(), s.seq(), s.ack(), s.window(),
                s.payloadLength(), s.note() == null || s.note().isEmpty() || s.note().equals("data") || s.note().equals("ACK")
                        ? "" : "  (" + s.note() + ")");
    }

    /** The vertical distance between two arrows when each has room for its label. */
    public static double rowPitch(int fontSize) {
        return fontSize * 1.6;
    }

    /** The height that shows {@code segments} arrows, each at {@link #rowPitch}, with the header. */
    public static int heightFor(int segments, int fontSize) {
        return (int) Math.ceil(fontSize * 3.5 + segments * rowPitch(fontSize)) + 1;
    }

    /**
     * Draws the segments, oldest at the top; when they do not all fit at {@link #rowPitch}, the
     * newest that fit. Returns where each arrow is.
     */
    public static List<Hit> draw(Graphics2D g, Rectangle2D area, List<SegmentRecord> segments, int selected, int fontSize) {
        List<Hit> hits = new ArrayList<>();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(area);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, fontSize);
        Font bold = font.deriveFont(Font.BOLD);
        double left = area.getX() + area.getWidth() * 0.12;
        double right = area.getX() + area.getWidth() * 0.88;
        double top = area.getY() + fontSize * 2.5;
        double bottom = area.getMaxY() - fontSize;
        g.setFont(bold);
        g.setColor(Color.BLACK);
        g.drawString("client", (float) (left - fontSize * 1.5), (float) (area.getY() + fontSize * 1.5));
        g.drawString("server", (float) (right - fontSize * 1.5), (float) (area.getY() + fontSize * 1.5));
        g.setStroke(new BasicStroke(2f));
        g.setColor(new Color(0x999999));
        g.draw(new Line2D.Double(left, top - fontSize * 0.5, left, bottom));
        g.draw(new Line2D.Double(right, top - fontSize * 0.5, right, bottom));
        if (segments.isEmpty()) {
            return hits;
        }
        double step = Math.max(rowPitch(fontSize), (bottom - top) / Math.max(1, segments.size()));
        int first = Math.max(0, segments.size() - (int) Math.floor((bottom - top) / step + 1e-9));
        g.setFont(font);
        for (int i = first; i < segments.size(); i++) {
            SegmentRecord s = segments.get(i);
            double y0 = top + (i - first) * step;
            double y1 = y0 + step * 0.8;
            boolean fromClient = s.from() == Side.CLIENT;
            double x0 = fromClient ? left : right;
            double x1 = fromClient ? right : left;
            Color c = colour(s);
            boolean probe = "zero-window probe".equals(s.note());
            g.setColor(c);
            g.setStroke(i == selected ? new BasicStroke(3.5f)
                    : probe ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(1.6f));
            Line2D line = new Line2D.Double(x0, y0, x1, y1);
            g.draw(line);
            arrowHead(g, x0, y0, x1, y1, fontSize * 0.6);
            hits.add(new Hit(i, line));
            String text = String.format(Locale.ROOT, "%.6f s  %s", s.timeNanos() / 1e9, label(s));
            int w = g.getFontMetrics().stringWidth(text);
            float tx = Math.max((float) left + 4, (float) (Math.min(x0, x1) + (Math.abs(x1 - x0) - w) / 2));
            float ty = (float) ((y0 + y1) / 2 - fontSize * 0.45);
            // A white backing keeps the label readable where it crosses its own arrow.
            g.setColor(new Color(255, 255, 255, 225));
            g.fill(new Rectangle2D.Double(tx - 2, ty - fontSize + 2, w + 4, fontSize + 2));
            g.setColor(c);
            g.drawString(text, tx, ty);
        }
        return hits;
    }

    private static void arrowHead(Graphics2D g, double x0, double y0, double x1, double y1, double size) {
        double a = Math.atan2(y1 - y0, x1 - x0);
        Path2D head = new Path2D.Double();
        head.moveTo(x1, y1);
        head.lineTo(x1 - size * Math.cos(a - 0.4), y1 - size * Math.sin(a - 0.4));
        head.lineTo(x1 - size * Math.cos(a + 0.4), y1 - size * Math.sin(a + 0.4));
        head.closePath();
        g.fill(head);
    }

    /** The arrow nearest to (x, y), within a few pixels, or -1. */
    public static int hitTest(List<Hit> hits, double x, double y) {
        int best = -1;
        double bestDist = 6;
        for (Hit h : hits) {
            double d = h.line().ptSegDist(x, y);
            if (d < bestDist) {
                bestDist = d;
                best = h.index();
            }
        }
        return best;
    }

    /** Why a segment was sent, for the "what is this segment" pane. */
    public static String explain(SegmentRecord s) {
        if (s.has(TcpFlags.RST)) {
            return "A reset: the connection ends at once. A kernel sends one when close() finds unread data, when "
                    + "SO_LINGER {on, 0} is set, or when a segment arrives for a connection it does not know.";
        }
        if ("zero-window probe".equals(s.note())) {
            return "A zero-window probe: the persist timer fired while the receiver's window was zero. It carries no "
                    + "data and uses sequence number next-unacknowledged - 1, so the receiver must answer with an ACK "
                    + "that tells the current window. Wireshark calls it a TCP Keep-Alive.";
        }
        if (s.has(TcpFlags.SYN)) {
            return "Handshake: SYN (and SYN-ACK) carry the MSS and the window scale each side will use.";
        }
        if (s.has(TcpFlags.FIN)) {
            return "FIN: an orderly close; the receiver reads end of stream after the last byte.";
        }
        if (s.window() == 0) {
            return "This side advertises a zero window: its receive buffer is full because its application does not "
                    + "read fast enough. The other side must stop sending data.";
        }
        if ("window update".equals(s.note())) {
            return "A window update: the application read enough that the window can reopen by a worthwhile amount.";
        }
        if (s.payloadLength() > 0) {
            return "Data: " + s.payloadLength() + " bytes of the application's stream, as much as the window, Nagle and "
                    + "silly-window avoidance allow at once.";
        }
        return "An acknowledgement: it says how much has arrived (ack) and how much more may come (window).";
    }
}
