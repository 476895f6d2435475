package tcpflowlab.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.telemetry.Sample;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A disk that fills up under the CSV writer, injected as a stream that fails like write(2) with ENOSPC. */
class CsvFullDiskTest {
    /** Takes {@code room} bytes, then fails the way the OS does, without a file name. */
    private static final class FullDisk extends FilterOutputStream {
        private long room;

        FullDisk(OutputStream out, long room) {
            super(out);
            this.room = room;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > room) {
                throw new IOException("No space left on device");
            }
            room -= len;
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    @Test
    void aFullDiskStopsTheFileNamesItAndLeavesNoHalfFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("samples.csv"), "the previous run's file");
        CsvTelemetryWriter w = new CsvTelemetryWriter(dir, "story", true, s -> new FullDisk(s, 50_000));
        for (int i = 0; i < 20_000 && !w.failed(); i++) {
            w.onSample(new Sample(i * 1_000_000L, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        }
        assertTrue(w.failed(), "the writer noticed");
        FileSystemException e = assertThrows(FileSystemException.class, w::close);
        assertEquals(dir.resolve("samples.csv").toString(), e.getFile());
        assertEquals("No space left on device", e.getReason());
        assertEquals("the previous run's file", Files.readString(dir.resolve("samples.csv")),
                "a file that could not be written whole does not replace the one there");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("events.csv", "samples.csv", "segments.csv"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
    }

    @Test
    void aFileIsNotVisibleUnderItsNameUntilItIsWholeAndADiscardKeepsTheOldOne(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("summary.json");
        try (AtomicOutputFile f = AtomicOutputFile.create(target)) {
            f.stream().write("{}".getBytes());
            assertTrue(Files.notExists(target));
            f.commit();
        }
        assertEquals("{}", Files.readString(target));
        try (AtomicOutputFile f = AtomicOutputFile.create(target)) {
            f.stream().write("{\"half".getBytes());
        } // not committed
        assertEquals("{}", Files.readString(target));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("a\\nb\\rc\\td\\x1b[0m\\x7f\\u202eé", Printable.escape("a\nb\rc\td\u001b[0m\u007f\u202eé"));
        assertEquals("plain name", Printable.escape("plain name"));
    }
}
