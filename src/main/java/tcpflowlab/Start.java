package tcpflowlab;

import tcpflowlab.cli.Main;
import tcpflowlab.ui.Launcher;

import java.util.Set;

/**
 * The one launcher of the app image ({@code bin/tcpflowlab}): a command ({@code run}, {@code sweep},
 * ...) or {@code --help}/{@code --version} runs the command line in the terminal with its exit
 * codes; nothing, or app options such as {@code --preset} or {@code --presentation}, opens the window.
 */
public final class Start {
    /** Where the arguments go. */
    public enum Mode { CLI, APP }

    private static final Set<String> CLI_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private Start() {
    }

    public static void main(String[] args) {
        if (modeFor(args) == Mode.CLI) {
            System.exit(Main.execute(args));
        }
        Launcher.main(args);
    }

    /**
     * App options all start with a dash; any other first word is taken as a command, so a
     * mistyped one ({@code rnu}) gets the command line's "unmatched argument" and exit code 2 in
     * the terminal instead of a window that ignores it.
     */
    public static Mode modeFor(String... args) {
        if (args.length == 0) {
            return Mode.APP;
        }
        String first = args[0];
        return CLI_OPTIONS.contains(first) || !first.startsWith("-") ? Mode.CLI : Mode.APP;
    }
}
