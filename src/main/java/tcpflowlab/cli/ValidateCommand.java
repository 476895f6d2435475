package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a scenario file: unknown fields, types, ranges. Exit code 2 when invalid.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "scenario JSON file")
    Path file;

    @Override
    public Integer call() {
        Scenario s = new ScenarioCodec().read(file);
        spec.commandLine().getOut().println(file + ": valid scenario '" + tcpflowlab.export.Printable.escape(s.name()) + "'");
        return 0;
    }
}
