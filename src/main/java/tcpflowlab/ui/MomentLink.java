package tcpflowlab.ui;

import tcpflowlab.engine.Moment;
import tcpflowlab.engine.MomentCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * "Copy link to this moment": the moment saved as a file in one folder the user can find again
 * (the run's own folder is temporary), and the command line that reopens the app there. No
 * file dialog, so a teacher can press it at each moment while preparing a lesson; the status
 * bar names the file. {@code -Dtcpflowlab.momentDir} moves the folder.
 */
final class MomentLink {
    private final MomentCodec codec;
    private final Path dir;

    MomentLink(MomentCodec codec, Path dir) {
        this.codec = codec;
        this.dir = dir;
    }

    /** {@code ~/tcpflowlab-moments}, or where -Dtcpflowlab.momentDir says. */
    static Path defaultDir() {
        String set = System.getProperty("tcpflowlab.momentDir");
        return set != null ? Path.of(set) : Path.of(System.getProperty("user.home"), "tcpflowlab-moments");
    }

    /** Writes the moment ("seed-buggy-at-12.400s-1a2b3c4d.json": the same moment, the same file). */
    Path save(Moment moment) throws IOException {
        Files.createDirectories(dir);
        String text = codec.write(moment);
        String name = String.format(Locale.ROOT, "%s-at-%.3fs-%08x.json",
                moment.scenario().name().replaceAll("[^A-Za-z0-9._-]+", "-"), moment.atNanos() / 1e9, text.hashCode());
        Path file = dir.resolve(name);
        codec.write(moment, file);
        return file;
    }

    /** The command that opens the app at the moment in {@code file}. */
    static String command(Path file) {
        return "mvn javafx:run -Djavafx.args=\"--moment " + file.toAbsolutePath() + "\"";
    }
}
