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
        return find(readAll(), localPort, remotePort);
    }

    /** Every row of both tables; malformed rows are skipped by the parser, never guessed at. */
    List<TcpSocketRow> readAll() {
        List<TcpSocketRow> all = new ArrayList<>();
        if (!available) {
            return all;
        }
        for (Path p : List.of(tcp4, tcp6)) {
            try {
                all.addAll(ProcNetTcp.parse(Files.readString(p, StandardCharsets.US_ASCII)).rows());
            } catch (IOException e) {
                // tcp6 is absent without IPv6: nothing to add
            }
        }
        return all;
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
