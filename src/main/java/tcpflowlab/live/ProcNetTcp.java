package tcpflowlab.live;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses /proc/net/tcp and /proc/net/tcp6 strictly: a row that does not have the expected
 * columns in the expected format is skipped and counted, never guessed at. Format (kernel
 * net/ipv4/tcp_ipv4.c, get_tcp4_sock): {@code sl local_address rem_address st
 * tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...}, addresses as hex
 * {@code ADDR:PORT} (IPv4 8 hex digits, IPv6 32).
 */
public final class ProcNetTcp {
    /** The rows that parsed, and how many lines did not. */
    public record Result(List<TcpSocketRow> rows, int malformed) {
    }

    private ProcNetTcp() {
    }

    public static Result parse(String text) {
        List<TcpSocketRow> rows = new ArrayList<>();
        int malformed = 0;
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || (i == 0 && line.startsWith("sl"))) {
                continue;
            }
            TcpSocketRow row = parseRow(line);
            if (row == null) {
                malformed++;
            } else {
                rows.add(row);
            }
        }
        return new Result(List.copyOf(rows), malformed);
    }

    static TcpSocketRow parseRow(String line) {
        String[] f = line.split("\\s+");
        if (f.length < 10 || !f[0].endsWith(":")) {
            return null;
        }
        try {
            String[] local = address(f[1]);
            String[] remote = address(f[2]);
            if (local == null || remote == null) {
                return null;
            }
            int state = Integer.parseInt(f[3], 16);
            String[] queues = f[4].split(":");
            String[] timer = f[5].split(":");
            if (queues.length != 2 || timer.length != 2 || f[3].length() != 2) {
                return null;
            }
            long tx = Long.parseLong(queues[0], 16);
            long rx = Long.parseLong(queues[1], 16);
            int tr = Integer.parseInt(timer[0], 16);
            long inode = Long.parseLong(f[9]);
            return new TcpSocketRow(local[0], Integer.parseInt(local[1], 16), remote[0],
                    Integer.parseInt(remote[1], 16), state, tx, rx, tr, inode);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "0100007F:1F90" -> {"127.0.0.1", "1F90"}; IPv6 in the kernel's 4-word order. */
    private static String[] address(String field) {
        int colon = field.indexOf(':');
        if (colon < 0 || field.length() - colon - 1 != 4) {
            return null;
        }
        String hex = field.substring(0, colon);
        String port = field.substring(colon + 1);
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            // little-endian words on x86: 0100007F is 127.0.0.1
            return new String[] {(v & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 24) & 0xFF), port};
        }
        if (hex.length() == 32) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 4; w++) {
                long word = Long.parseLong(hex.substring(w * 8, w * 8 + 8), 16);
                for (int by = 0; by < 4; by += 2) {
                    int hi = (int) ((word >> (8 * by)) & 0xFF);
                    int lo = (int) ((word >> (8 * (by + 1))) & 0xFF);
                    if (b.length() > 0) {
                        b.append(':');
                    }
                    b.append(Integer.toHexString((hi << 8) | lo));
                }
            }
            return new String[] {b.toString(), port};
        }
        return null;
    }
}
