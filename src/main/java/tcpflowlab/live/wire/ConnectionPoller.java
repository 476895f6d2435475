package tcpflowlab.live.wire;

import tcpflowlab.live.TcpSocketRow;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the run's own sockets say, poll after poll, without a capture: their rows of
 * /proc/net/tcp (state, queues, timer 4 = the persist timer), the server socket's TCP_INFO
 * from ss (snd_wnd: the client's advertised window as the sender uses it; backoff: the
 * persist probes sent), and the applications' own errno results. A connection is a
 * client/server port pair, numbered in the order it is first seen. A connection whose two
 * sockets leave the table without an orderly close (no TIME_WAIT, no FIN both ways) was reset;
 * the side whose socket this process still holds open is the one that received the RST.
 * No host-wide counter is read. Thread-safe: the poller and the applications call in.
 */
final class ConnectionPoller {
    static final int FIN_WAIT1 = 4;
    static final int FIN_WAIT2 = 5;
    static final int TIME_WAIT = 6;
    static final int CLOSE_WAIT = 8;
    static final int LAST_ACK = 9;
    static final int CLOSING = 0x0B;

    private static final class Polled {
        final int number;
        final Map<Side, TcpSocketRow> rows = new EnumMap<>(Side.class);
        final Map<Side, Boolean> fin = new EnumMap<>(Side.class);
        long window = -1;
        long backoff;
        boolean persistArmed;
        boolean timeWaitSeen;
        boolean ended;
        boolean reset;

        Polled(int number) {
            this.number = number;
        }
    }

    private final Set<Integer> serverPorts;
    private final ClientWindows windows;
    private final Map<Long, Polled> byPair = new LinkedHashMap<>();
    private final Map<Integer, Polled> byNumber = new HashMap<>();
    private boolean sndWndPrinted;
    private int numbered;

    ConnectionPoller(Set<Integer> serverPorts, ClientWindows windows) {
        this.serverPorts = Set.copyOf(serverPorts);
        this.windows = windows;
    }

    /** One poll's readings; returns the events they show, at time {@code t}. */
    synchronized List<TcpEvent> poll(long t, List<TcpSocketRow> table, List<SsTcpInfo> infos, Set<Long> openInodes) {
        List<TcpEvent> out = new ArrayList<>();
        Map<Long, Map<Side, TcpSocketRow>> now = new LinkedHashMap<>();
        for (TcpSocketRow r : table) {
            if (r.state() == TcpSocketRow.LISTEN) {
                continue;
            }
            if (serverPorts.contains(r.localPort())) {
                now.computeIfAbsent(pair(r.remotePort(), r.localPort()), k -> new EnumMap<>(Side.class)).put(Side.SERVER, r);
            } else if (serverPorts.contains(r.remotePort())) {
                now.computeIfAbsent(pair(r.localPort(), r.remotePort()), k -> new EnumMap<>(Side.class)).put(Side.CLIENT, r);
            }
        }
        Map<Long, SsTcpInfo> senders = new HashMap<>();
        for (SsTcpInfo i : infos) {
            sndWndPrinted |= i.sndWnd() >= 0;
            if (serverPorts.contains(i.localPort()) && !i.state().startsWith("LISTEN")) {
                senders.put(pair(i.remotePort(), i.localPort()), i);
            }
        }
        for (Map.Entry<Long, Map<Side, TcpSocketRow>> e : now.entrySet()) {
            Polled c = byPair.get(e.getKey());
            if (c == null || c.ended) {
                if (onlyEnded(e.getValue())) {
                    continue; // it ended before we looked: not one of ours to number
                }
                c = new Polled(++numbered);
                byPair.put(e.getKey(), c);
                byNumber.put(c.number, c);
            }
            c.rows.clear();
            c.rows.putAll(e.getValue());
            states(t, c, out);
            window(t, c, e.getValue().get(Side.SERVER), senders.get(e.getKey()), out);
        }
        for (Map.Entry<Long, Polled> e : byPair.entrySet()) {
            Polled c = e.getValue();
            if (!c.ended && !now.containsKey(e.getKey())) {
                vanished(t, c, openInodes, out);
            }
        }
        return out;
    }

    /** An application's socket call failed: ECONNRESET or EPIPE mean its side received a RST. */
    synchronized List<TcpEvent> socketResult(long t, Side side, int connection, Errno errno) {
        Polled c = byNumber.get(connection);
        if ((errno != Errno.ECONNRESET && errno != Errno.EPIPE) || c == null || c.reset) {
            return List.of();
        }
        return reset(t, c, side, "the " + side.lower() + " application's socket call failed with " + errno.label());
    }

    private static boolean onlyEnded(Map<Side, TcpSocketRow> rows) {
        return rows.values().stream().allMatch(r -> r.state() == TIME_WAIT || r.state() == TcpSocketRow.CLOSE);
    }

    private void states(long t, Polled c, List<TcpEvent> out) {
        for (Side side : Side.values()) {
            TcpSocketRow r = c.rows.get(side);
            if (r == null) {
                continue;
            }
            int s = r.state();
            c.timeWaitSeen |= s == TIME_WAIT;
            boolean sentFin = s == FIN_WAIT1 || s == FIN_WAIT2 || s == TIME_WAIT || s == CLOSING || s == LAST_ACK;
            boolean gotFin = s == CLOSE_WAIT || s == LAST_ACK || s == CLOSING || s == TIME_WAIT;
            if (sentFin) {
                fin(t, c, side, "its socket is in " + stateName(s), out);
            }
            if (gotFin) {
                fin(t, c, side.peer(), "the " + side.lower() + "'s socket is in " + stateName(s), out);
            }
        }
    }

    private void fin(long t, Polled c, Side from, String why, List<TcpEvent> out) {
        if (c.fin.getOrDefault(from, false)) {
            return;
        }
        c.fin.put(from, true);
        String source = " (/proc/net/tcp: " + why + ")";
        out.add(new TcpEvent(t, from, EventKind.FIN_SENT, null, 0, c.number, "the " + from.lower() + " sent a FIN" + source));
        out.add(new TcpEvent(t, from.peer(), EventKind.FIN_RECEIVED, null, 0, c.number,
                "the " + from.peer().lower() + " received the " + from.lower() + "'s FIN" + source));
    }

    /** The client's window as the server socket uses it: the one reading both the line and the shading get. */
    private void window(long t, Polled c, TcpSocketRow server, SsTcpInfo sender, List<TcpEvent> out) {
        boolean persist = server != null && server.timer() == TcpSocketRow.TIMER_ZERO_WINDOW_PROBE;
        if (persist && !c.persistArmed) {
            out.add(new TcpEvent(t, Side.SERVER, EventKind.PERSIST_TIMER, null, server.txQueue(), c.number,
                    "the server socket's persist timer is armed (timer 4 in /proc/net/tcp), "
                            + server.txQueue() + " B in its send queue"));
        }
        c.persistArmed = persist;
        long window;
        String how;
        if (sender != null && sender.sndWnd() >= 0) {
            window = sender.sndWnd();
            how = "the server socket's snd_wnd (ss -tin)";
        } else if (sender != null && sndWndPrinted) {
            window = 0; // ss leaves snd_wnd out exactly when it is 0
            how = "the server socket's snd_wnd (ss -tin)";
        } else if (server != null && !sndWndPrinted) {
            window = persist ? 0 : -1; // without snd_wnd only the persist timer tells
            how = "the server socket's persist timer (/proc/net/tcp)";
        } else {
            return; // no reading this time: keep the last one
        }
        long before = c.window;
        c.window = window;
        windows.put(c.number, window);
        if (before > 0 && window == 0 || before < 0 && window == 0) {
            out.add(new TcpEvent(t, Side.CLIENT, EventKind.ZERO_WINDOW, null, 0, c.number,
                    "the client's advertised window is 0 (from " + how + ")"));
        } else if (before == 0 && window != 0) {
            out.add(new TcpEvent(t, Side.CLIENT, EventKind.WINDOW_UPDATE, null, Math.max(0, window), c.number,
                    window > 0 ? "the client's window reopened to " + window + " B (from " + how + ")"
                            : "the client's window is no longer 0 (from " + how + ")"));
        }
        long backoff = sender == null ? -1 : Math.max(0, sender.backoff());
        if (window == 0 && backoff > c.backoff) {
            for (long n = c.backoff + 1; n <= backoff; n++) {
                out.add(new TcpEvent(t, Side.SERVER, EventKind.ZERO_WINDOW_PROBE, null, 0, c.number,
                        "persist probe #" + n + " (the server socket's backoff in ss -tin)"));
            }
        }
        if (backoff >= 0) {
            c.backoff = backoff;
        }
    }

    private void vanished(long t, Polled c, Set<Long> openInodes, List<TcpEvent> out) {
        c.ended = true;
        boolean orderly = c.timeWaitSeen || (c.fin.getOrDefault(Side.SERVER, false) && c.fin.getOrDefault(Side.CLIENT, false));
        if (orderly || c.reset) {
            return;
        }
        TcpSocketRow server = c.rows.get(Side.SERVER);
        TcpSocketRow client = c.rows.get(Side.CLIENT);
        boolean serverOpen = server != null && openInodes.contains(server.inode());
        boolean clientOpen = client != null && openInodes.contains(client.inode());
        if (serverOpen != clientOpen) {
            Side receiver = serverOpen ? Side.SERVER : Side.CLIENT;
            out.addAll(reset(t, c, receiver, "both sockets left /proc/net/tcp without an orderly close, and only the "
                    + receiver.lower() + "'s is still open here"));
            return;
        }
        for (Side side : Side.values()) {
            out.add(new TcpEvent(t, side, EventKind.DISCONNECT, null, 0, c.number,
                    "the connection's sockets left /proc/net/tcp without an orderly close (a reset); which side sent "
                            + "the RST cannot be seen without a capture"));
        }
    }

    private List<TcpEvent> reset(long t, Polled c, Side receiver, String why) {
        c.reset = true;
        Side sender = receiver.peer();
        return List.of(
                new TcpEvent(t, sender, EventKind.RST_SENT, null, 0, c.number, "the " + sender.lower() + " sent a RST: " + why),
                new TcpEvent(t, receiver, EventKind.RST_RECEIVED, null, 0, c.number,
                        "the " + receiver.lower() + " received a RST: " + why));
    }

    private static long pair(int clientPort, int serverPort) {
        return ((long) clientPort << 16) | serverPort;
    }

    private static String stateName(int s) {
        return switch (s) {
            case FIN_WAIT1 -> "FIN_WAIT1";
            case FIN_WAIT2 -> "FIN_WAIT2";
            case TIME_WAIT -> "TIME_WAIT";
            case CLOSE_WAIT -> "CLOSE_WAIT";
            case LAST_ACK -> "LAST_ACK";
            case CLOSING -> "CLOSING";
            default -> "state " + s;
        };
    }
}
