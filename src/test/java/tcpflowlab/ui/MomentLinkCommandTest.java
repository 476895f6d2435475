package tcpflowlab.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * "Copy link to this moment": the command on the clipboard, read by a real POSIX shell and then
 * split as the JavaFX Maven plugin splits its arguments, names the moment's file again, whatever
 * blanks and quotes its folder holds.
 */
class MomentLinkCommandTest {
    private static final List<String> PATHS = List.of("/home/ann/tcpflowlab-moments/seed-buggy-at-12.400s-1a2b3c4d.json",
            "/home/Ann Lee/tcp flow lab/moments/x.json", "/tmp/Ann's moments/x.json", "/tmp/the \"good\" run/x.json",
            "/tmp/both ' and \" here/x $HOME `id` \\n.json", "/tmp/  two  blanks /x.json");

    @Test
    void theCommandSurvivesTheShellAndThePluginForPathsWithBlanksAndQuotes() throws Exception {
        assumeTrue(new File("/bin/sh").canExecute(), "a POSIX shell");
        for (String path : PATHS) {
            String command = MomentLink.command(Path.of(path));
            assertTrue(command.startsWith("./mvnw javafx:run -Djavafx.args="), command);
            List<String> words = shellWords(command.substring("./mvnw javafx:run ".length()));
            assertEquals(1, words.size(), command + " -> " + words);
            assertTrue(words.get(0).startsWith("-Djavafx.args="), words.get(0));
            List<String> args = pluginSplit(words.get(0).substring("-Djavafx.args=".length()));
            assertEquals(2, args.size(), path + " -> " + args);
            assertEquals("--moment", args.get(0));
            assertEquals(Path.of(path), MomentLink.argumentPath(args.get(1)), command);
        }
    }

    @Test
    void aPathAShellAlreadyUnquotedIsTakenAsItIs(@TempDir Path dir) throws Exception {
        assertEquals(Path.of("/home/Ann Lee/x.json"), MomentLink.argumentPath("/home/Ann Lee/x.json"));
        Path quoted = Files.writeString(dir.resolve("\"odd\" name.json"), "{}");
        assertEquals(quoted, MomentLink.argumentPath(quoted.toString()), "an existing file keeps its quotes");
        assertEquals(Path.of("'unbalanced"), MomentLink.argumentPath("'unbalanced"));
    }

    /** The words a POSIX shell makes of {@code text}, printed one per line by printf. */
    private static List<String> shellWords(String text) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", "printf '%s\\0' " + text).redirectErrorStream(true).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the shell ended"); // a hang guard only
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        List<String> words = new ArrayList<>(List.of(out.split("\0", -1)));
        words.remove(words.size() - 1);
        return words;
    }

    /**
     * How javafx-maven-plugin 0.0.8 (JavaFXRunMojo.splitComplexArgumentString) splits
     * -Djavafx.args: at blanks outside quotes, keeping the quote characters in the argument.
     */
    private static List<String> pluginSplit(String arguments) {
        List<String> args = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        char expected = ' ';
        for (char c : arguments.trim().toCharArray()) {
            if (c == expected || (expected == ' ' && Character.isWhitespace(c))) {
                if (expected == '"' || expected == '\'') {
                    sb.append(c);
                    expected = ' ';
                } else if (sb.length() > 0) {
                    args.add(sb.toString());
                    sb.setLength(0);
                }
            } else {
                if (expected == ' ' && (c == '"' || c == '\'')) {
                    expected = c;
                }
                sb.append(c);
            }
        }
        if (sb.length() > 0) {
            args.add(sb.toString());
        }
        return args;
    }
}
