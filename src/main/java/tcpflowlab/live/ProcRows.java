package tcpflowlab.live;

import tcpflowlab.live.host.KernelRows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The kernel's TCP socket table on Linux: /proc/net/tcp and tcp6, one row per socket. */
final class ProcRows implements KernelRows {
    private final Path tcp4;
    private final Path tcp6;
    private final boolean available;

    ProcRows(Path procRoot) {
        this.tcp4 = procRoot.resolve("net/tcp");
        this.tcp6 = procRoot.resolve("net/tcp6");
        this.available = Files.isReadable(tcp4);
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public Optional<TcpSocketRow> row(int localPort, int remotePort) {
        return find(read(List.of(new int[] {localPort, remotePort})), localPort, remotePort);
    }

    /**
     * The rows of both tables, or only of tcp6 when every wanted socket is there (none when
     * nothing is wanted). Reading a table
     * walks the kernel's whole connection hash (milliseconds on a large machine, however few
     * sockets it holds), so the second read is skipped when it can be: Java's sockets are
     * IPv6 ones (IPv4 addresses mapped) wherever IPv6 is on, so tcp6 is read first.
     *
     * @param wanted {local port, remote port} pairs
     */
    List<TcpSocketRow> read(List<int[]> wanted) {
        List<TcpSocketRow> all = new ArrayList<>();
        if (!available || wanted.isEmpty()) {
            return all;
        }
        all.addAll(table(tcp6));
        boolean allFound = true;
        for (int[] w : wanted) {
            allFound &= find(all, w[0], w[1]).isPresent();
        }
        if (!allFound) {
            all.addAll(table(tcp4));
        }
        return all;
    }

    private static List<TcpSocketRow> table(Path p) {
        try {
            // Malformed rows are skipped by the parser, never guessed at.
            return ProcNetTcp.parse(Files.readString(p, StandardCharsets.US_ASCII)).rows();
        } catch (IOException e) {
            return List.of(); // tcp6 is absent without IPv6
        }
    }

    /** The connected (not listening) socket with these ports. */
    static Optional<TcpSocketRow> find(List<TcpSocketRow> rows, int localPort, int remotePort) {
        for (TcpSocketRow r : rows) {
            if (r.localPort() == localPort && r.remotePort() == remotePort && r.state() != TcpSocketRow.LISTEN) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
