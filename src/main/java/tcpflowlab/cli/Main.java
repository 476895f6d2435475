package tcpflowlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import tcpflowlab.scenario.InvalidScenarioException;

/** Entry point of the headless command line. */
@Command(name = "tcpflowlab", mixinStandardHelpOptions = true, versionProvider = VersionText.class,
        description = "Simulates TCP flow control between a C-style server and a Python-style client.",
        subcommands = {RunCommand.class, PresetsCommand.class, ValidateCommand.class,
                FieldsCommand.class, NotesCommand.class, BenchCommand.class, CompareCommand.class, DiffCommand.class, SweepCommand.class, LessonCommand.class, ServeCommand.class, ConnectCommand.class, SpillBenchCommand.class, LiveBenchCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad input (a bad scenario, flag or value), with a clear message. */
    public static final int EXIT_BAD_INPUT = 2;
    /** A file or socket could not be used (the message says which and why). */
    public static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /** Like {@link #execute(String...)} with output and errors written to the given writers. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        if (out != null) {
            cl.setOut(out);
        }
        if (err != null) {
            cl.setErr(err);
        }
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof InvalidScenarioException bad) {
                line.getErr().println("error: " + String.join("\n       ", bad.problems()));
                return EXIT_BAD_INPUT;
            }
            java.io.IOException io = ex instanceof java.io.IOException i ? i
                    : ex instanceof java.io.UncheckedIOException u ? u.getCause() : null;
            if (io != null) {
                // a file or socket the user named could not be used: say which and why, no stack trace
                line.getErr().println("error: " + IoProblem.describe(io));
                return EXIT_FAILED;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
