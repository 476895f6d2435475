package tcpflowlab.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The scenario presets shipped in {@code assets/scenarios/}; their names are listed, in menu
 * order, in {@code assets/scenarios/presets.txt}.
 */
public final class Presets {
    private static final String DIR = "/assets/scenarios/";

    private final ScenarioCodec codec;

    public Presets(ScenarioCodec codec) {
        this.codec = codec;
    }

    public List<String> names() {
        try (InputStream in = open("presets.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Scenario load(String name) {
        if (!names().contains(name)) {
            throw new InvalidScenarioException("unknown preset '" + name + "'; presets: "
                    + String.join(", ", names()));
        }
        try (InputStream in = open(name + ".json")) {
            return codec.read(in, "preset " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream open(String file) throws IOException {
        InputStream in = Presets.class.getResourceAsStream(DIR + file);
        if (in == null) {
            throw new IOException("missing resource " + DIR + file + " (is assets/ on the class path?)");
        }
        return in;
    }
}
