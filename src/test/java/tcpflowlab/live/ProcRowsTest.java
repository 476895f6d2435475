package tcpflowlab.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which of the kernel's tables the Live probe reads: tcp6 first, tcp only when a socket is missing. */
class ProcRowsTest {
    private static Path proc(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("net"));
        for (String[] f : List.of(new String[] {"tcp4.txt", "net/tcp"}, new String[] {"tcp6.txt", "net/tcp6"})) {
            try (InputStream in = ProcRowsTest.class.getResourceAsStream("/proc/" + f[0])) {
                Files.write(dir.resolve(f[1]), in.readAllBytes());
            }
        }
        return dir;
    }

    @Test
    void socketsInTcp6AreFoundWithoutReadingTcp(@TempDir Path dir) throws IOException {
        ProcRows rows = new ProcRows(proc(dir));
        List<TcpSocketRow> read = rows.read(List.of(new int[] {8080, 54321}));
        assertTrue(ProcRows.find(read, 8080, 54321).isPresent());
        assertTrue(read.stream().noneMatch(r -> r.localPort() == 5000 || r.localPort() == 40000),
                "tcp is not read (each read walks the kernel's whole connection hash): " + read);
    }

    @Test
    void anIpv4OnlySocketIsFoundInTcp(@TempDir Path dir) throws IOException {
        ProcRows rows = new ProcRows(proc(dir));
        List<TcpSocketRow> read = rows.read(List.of(new int[] {8080, 54321}, new int[] {40000, 5000}));
        assertEquals(8000, ProcRows.find(read, 40000, 5000).orElseThrow().rxQueue());
        assertEquals(8000, rows.row(40000, 5000).orElseThrow().rxQueue());
        assertTrue(rows.row(40001, 5000).isEmpty(), "a socket in neither table has left the kernel");
        assertTrue(ProcRows.find(read, 5000, 0).isEmpty(), "a listening socket is not a connection");
    }
}
