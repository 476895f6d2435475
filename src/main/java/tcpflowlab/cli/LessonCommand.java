package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.export.Printable;
import tcpflowlab.lesson.Lesson;
import tcpflowlab.lesson.LessonCheck;
import tcpflowlab.lesson.LessonCodec;
import tcpflowlab.lesson.LessonLibrary;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.ScenarioCodec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = "Lists the shipped lessons, or checks a lesson headless.",
        subcommands = {LessonCommand.ListLessons.class, LessonCommand.Check.class})
final class LessonCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static LessonLibrary library() {
        return new LessonLibrary(new LessonCodec(new ScenarioCodec()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Names the shipped lessons, in menu order.")
    static final class ListLessons implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            LessonLibrary lib = library();
            for (String name : lib.names()) {
                Lesson l = lib.load(name);
                out.printf("%-24s %s (%d steps, %d questions)%n", name, l.title(), l.steps().size(), l.questions());
            }
            out.flush();
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Plays lessons headless on the Model and checks that every step stops where it says,"
                    + " in order, that every question gets an answer from the run (among the choices, and the one"
                    + " the text expects). Exit code 2 names the step and the reason when not."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME|FILE", arity = "0..*", description = "a shipped lesson's name or a lesson file")
        List<String> lessons = new ArrayList<>();

        @Option(names = "--all", description = "check every shipped lesson")
        boolean all;

        @Option(names = {"-q", "--quiet"}, description = "print only the verdict per lesson")
        boolean quiet;

        @Override
        public Integer call() {
            LessonLibrary lib = library();
            List<String> names = new ArrayList<>(lessons);
            if (all) {
                names.addAll(lib.names());
            }
            if (names.isEmpty()) {
                throw new InvalidScenarioException("lesson check: name a lesson (" + String.join(", ", lib.names())
                        + "), a lesson file, or --all");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            LessonCheck check = new LessonCheck(new ScenarioCodec());
            int failed = 0;
            for (String name : names) {
                Lesson lesson = lib.resolve(name);
                LessonCheck.Report report = check.check(lesson);
                if (!quiet) {
                    report.lines().forEach(l -> out.println("  " + Printable.escape(l)));
                }
                if (report.passed()) {
                    out.println(Printable.escape(name) + ": ok, " + lesson.steps().size() + " steps, "
                            + lesson.questions() + " questions");
                } else {
                    failed++;
                    err.println(Printable.escape(name) + ": FAILED at " + Printable.escape(report.failure().get().describe()));
                }
                out.flush();
                err.flush();
            }
            return failed == 0 ? 0 : Main.EXIT_BAD_INPUT;
        }
    }
}
