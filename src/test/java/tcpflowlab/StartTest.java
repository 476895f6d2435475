package tcpflowlab;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tcpflowlab.cli.Main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class StartTest {
    @Test
    void everyCommandOfTheCommandLineRunsTheCommandLine() {
        var commands = new CommandLine(new Main()).getSubcommands().keySet();
        assertFalse(commands.isEmpty());
        for (String command : commands) {
            assertEquals(Start.Mode.CLI, Start.modeFor(command, "--whatever"), command);
        }
    }

    @Test
    void helpAndVersionRunTheCommandLine() {
        for (String option : new String[] {"-h", "--help", "-V", "--version"}) {
            assertEquals(Start.Mode.CLI, Start.modeFor(option), option);
        }
    }

    @Test
    void noArgumentsOrAppOptionsOpenTheWindow() {
        assertEquals(Start.Mode.APP, Start.modeFor());
        assertEquals(Start.Mode.APP, Start.modeFor("--preset", "seed-buggy"));
        assertEquals(Start.Mode.APP, Start.modeFor("--lesson", "zero-window"));
        assertEquals(Start.Mode.APP, Start.modeFor("--presentation"));
        assertEquals(Start.Mode.APP, Start.modeFor("--exit-after-first-frame"));
    }

    @Test
    void aMistypedCommandGoesToTheCommandLineWhichRejectsIt() {
        assertEquals(Start.Mode.CLI, Start.modeFor("rnu", "-p", "seed-buggy"));
        var err = new java.io.StringWriter();
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err), "rnu"));
    }
}
