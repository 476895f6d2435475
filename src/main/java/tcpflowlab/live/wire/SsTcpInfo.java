package tcpflowlab.live.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * One socket's TCP_INFO as {@code ss -tinH} prints it (iproute2 misc/ss.c, tcp_show_info): a
 * line with state, queues and addresses, then an indented line of {@code name:value} fields.
 * Java cannot read TCP_INFO itself, so this is how the poller gets it. ss prints
 * {@code snd_wnd} only when it is not 0 (and not at all before iproute2 and Linux knew it),
 * so its absence means 0 only where the same ss printed it for some socket before.
 *
 * @param sndWnd the window the peer last advertised, as this socket uses it; -1 if not printed
 * @param backoff the exponential backoff count: with a zero window, the persist probes sent
 */
public record SsTcpInfo(String state, long recvQ, long sendQ, int localPort, int remotePort, long sndWnd,
                        long rcvSpace, long rwndLimitedMs, long sndbufLimitedMs, long busyMs, long retrans,
                        long lastSndMs, long backoff) {

    /** The sockets that parsed, and how many entries did not. */
    public record Result(List<SsTcpInfo> sockets, int malformed) {
    }

    public static Result parse(String text) {
        List<SsTcpInfo> out = new ArrayList<>();
        int malformed = 0;
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String head = lines[i];
            if (head.isBlank() || Character.isWhitespace(head.charAt(0)) || head.startsWith("State")) {
                continue;
            }
            String info = i + 1 < lines.length && !lines[i + 1].isEmpty()
                    && Character.isWhitespace(lines[i + 1].charAt(0)) ? lines[++i] : "";
            SsTcpInfo s = parse(head, info);
            if (s == null) {
                malformed++;
            } else {
                out.add(s);
            }
        }
        return new Result(List.copyOf(out), malformed);
    }

    private static SsTcpInfo parse(String head, String info) {
        String[] f = head.trim().split("\\s+");
        if (f.length < 5) {
            return null;
        }
        try {
            int local = port(f[3]);
            int remote = port(f[4]);
            if (local < 0 || remote < 0) {
                return null;
            }
            return new SsTcpInfo(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), local, remote,
                    field(info, "snd_wnd"), field(info, "rcv_space"), field(info, "rwnd_limited"),
                    field(info, "sndbuf_limited"), field(info, "busy"), retrans(info), field(info, "lastsnd"),
                    field(info, "backoff"));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "127.0.0.1:5000", "[::1]:5000", "0.0.0.0:*" (any port: 0); -1 if there is none. */
    private static int port(String address) {
        int colon = address.lastIndexOf(':');
        String p = colon < 0 ? "" : address.substring(colon + 1);
        if (p.equals("*")) {
            return 0;
        }
        if (p.isEmpty()) {
            return -1;
        }
        int port = Integer.parseInt(p);
        return port >= 0 && port <= 65_535 ? port : -1;
    }

    /** The number after " name:" (up to a non-digit), or -1 if the field is not there. */
    private static long field(String info, String name) {
        int at = find(info, name);
        if (at < 0) {
            return -1;
        }
        int end = at;
        while (end < info.length() && Character.isDigit(info.charAt(end))) {
            end++;
        }
        return end == at ? -1 : Long.parseLong(info.substring(at, end));
    }

    /** "retrans:0/3": the total, after the slash. */
    private static long retrans(String info) {
        int at = find(info, "retrans");
        if (at < 0) {
            return -1;
        }
        int slash = info.indexOf('/', at);
        int end = slash + 1;
        while (end < info.length() && Character.isDigit(info.charAt(end))) {
            end++;
        }
        return slash < 0 || end == slash + 1 ? -1 : Long.parseLong(info.substring(slash + 1, end));
    }

    private static int find(String info, String name) {
        String key = name + ":";
        int from = 0;
        while (true) {
            int at = info.indexOf(key, from);
            if (at < 0) {
                return -1;
            }
            if (at == 0 || Character.isWhitespace(info.charAt(at - 1))) {
                return at + key.length();
            }
            from = at + 1;
        }
    }
}
