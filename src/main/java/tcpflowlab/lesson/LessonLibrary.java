package tcpflowlab.lesson;

import tcpflowlab.scenario.InvalidScenarioException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lessons shipped in {@code assets/lessons/}, listed in menu order in {@code lessons.txt};
 * and the one place that turns "a name or a file" into a lesson.
 */
public final class LessonLibrary {
    private static final String DIR = "/assets/lessons/";

    private final LessonCodec codec;

    public LessonLibrary(LessonCodec codec) {
        this.codec = codec;
    }

    public List<String> names() {
        try (InputStream in = open("lessons.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Lesson load(String name) {
        if (!names().contains(name)) {
            throw new InvalidScenarioException("unknown lesson '" + name + "'; lessons: " + String.join(", ", names()));
        }
        try (InputStream in = open(name + ".json")) {
            return codec.parse(in.readAllBytes(), "lesson " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shipped lesson's name, or else a lesson file's path. */
    public Lesson resolve(String nameOrFile) {
        if (names().contains(nameOrFile)) {
            return load(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.exists(file)) {
            throw new InvalidScenarioException("'" + nameOrFile + "' is neither a lesson (" + String.join(", ", names())
                    + ") nor a file");
        }
        return codec.read(file);
    }

    private InputStream open(String file) throws IOException {
        InputStream in = LessonLibrary.class.getResourceAsStream(DIR + file);
        if (in == null) {
            throw new IOException("missing resource " + DIR + file + " (is assets/ on the class path?)");
        }
        return in;
    }
}
