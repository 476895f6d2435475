package tcpflowlab.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One golden file of scripts/kernel-windows.py: the regime in its header and the windows the
 * Linux reader advertised on its ACKs after the first second.
 *
 * @param header the "# key: value" lines, by key
 * @param windows the advertised windows in bytes, in capture order
 */
record KernelWindowGolden(String name, Map<String, String> header, List<Long> windows) {
    static final String DIRECTORY = "/golden/windows";

    static List<KernelWindowGolden> all() {
        try (Stream<Path> files = Files.list(Path.of(KernelWindowGolden.class.getResource(DIRECTORY).toURI()))) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().map(KernelWindowGolden::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static KernelWindowGolden read(Path file) {
        Map<String, String> header = new HashMap<>();
        List<Long> windows = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            if (line.startsWith("#")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    header.put(line.substring(1, colon).trim(), line.substring(colon + 2).trim());
                }
            } else if (!line.isBlank()) {
                windows.add(Long.parseLong(line.trim().split("\\s+")[1]));
            }
        }
        return new KernelWindowGolden(file.getFileName().toString(), header, windows);
    }

    String get(String key) {
        String v = header.get(key);
        if (v == null) {
            throw new IllegalStateException(name + ": no '# " + key + ":' line in the header");
        }
        return v;
    }

    double number(String key) {
        return Double.parseDouble(get(key));
    }

    /** The Model's settings for this regime, as --set overrides of the backpressure preset. */
    List<String> overrides() {
        double gapUs = number("chunk-B") / number("rate-Bps") * 1e6;
        return List.of("sockets.clientRcvBuf=" + get("rcvbuf-B"), "client.readSize=" + get("read-B"),
                "client.processingDelayMs=" + get("delay-ms"), "client.replySize=0",
                "server.messageSize=" + get("chunk-B"), "server.sendGapUs=" + gapUs,
                "run.durationS=" + get("seconds"));
    }

    @Override
    public String toString() {
        return name;
    }
}
