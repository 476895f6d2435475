package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs the story's four variants (fixed read / drain x CLOSE / BLOCK) in the Model and on the "
                + "real kernel (loopback) and prints whether they agree: reset, zero window, time to first EAGAIN.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "3", description = "seconds per variant and engine (default ${DEFAULT-VALUE})")
    double seconds;

    @Override
    public Integer call() throws InterruptedException {
        List<EngineComparison.Row> rows = EngineComparison.run(seconds);
        spec.commandLine().getOut().print(EngineComparison.table(rows));
        boolean agree = rows.stream().allMatch(EngineComparison.Row::classesAgree);
        spec.commandLine().getOut().println(agree ? "outcome classes agree in every variant"
                : "outcome classes DIFFER in at least one variant");
        spec.commandLine().getOut().flush();
        return agree ? 0 : 1;
    }
}
