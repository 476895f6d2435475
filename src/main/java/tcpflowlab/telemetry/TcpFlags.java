package tcpflowlab.telemetry;

/** TCP header flag bits, with the values they have on the wire. */
public final class TcpFlags {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    private TcpFlags() {
    }

    /** "SYN|ACK"-style names in wire order, for logs and CSV. */
    public static String names(int flags) {
        StringBuilder b = new StringBuilder();
        append(b, flags, SYN, "SYN");
        append(b, flags, FIN, "FIN");
        append(b, flags, RST, "RST");
        append(b, flags, PSH, "PSH");
        append(b, flags, ACK, "ACK");
        return b.toString();
    }

    private static void append(StringBuilder b, int flags, int bit, String name) {
        if ((flags & bit) != 0) {
            if (b.length() > 0) {
                b.append('|');
            }
            b.append(name);
        }
    }
}
