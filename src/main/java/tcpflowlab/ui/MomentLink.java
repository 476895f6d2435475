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

    /**
     * The command that opens the app at the moment in {@code file}, for a POSIX shell: the
     * arguments are single-quoted for the shell, and the path quoted once more for the JavaFX
     * Maven plugin, which splits its arguments at blanks outside quotes and hands the quotes on
     * to the app ({@link #argumentPath} takes them off). So a folder like "Moments (Ann's)" or
     * "/home/a b" survives both.
     */
    static String command(Path file) {
        return "./mvnw javafx:run -Djavafx.args=" + shellQuoted("--moment " + pluginQuoted(file.toAbsolutePath()
                .toString()));
    }

    /** {@code word} as one word for a POSIX shell, whatever it holds. */
    static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** {@code word} as one argument for the JavaFX plugin: double quotes around it, a double quote inside single ones. */
    static String pluginQuoted(String word) {
        return "\"" + word.replace("\"", "\"'\"'\"") + "\"";
    }

    /**
     * The path a {@code --moment} argument names: as given when such a file exists or nothing is
     * quoted (a shell took the quotes off), else with the JavaFX plugin's quotes taken off.
     */
    static Path argumentPath(String argument) {
        Path given = Path.of(argument);
        if (Files.exists(given) || !(argument.startsWith("\"") || argument.startsWith("'"))) {
            return given;
        }
        StringBuilder path = new StringBuilder();
        char quote = 0;
        for (char c : argument.toCharArray()) {
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else {
                path.append(c);
            }
        }
        return quote == 0 ? Path.of(path.toString()) : given;
    }
}
