package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;

import java.io.PrintWriter;
import java.util.Locale;

@Command(name = "fields", mixinStandardHelpOptions = true,
        description = "Lists every scenario field (for --set and JSON files) with its default, range and live effect.")
final class FieldsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioCodec codec = new ScenarioCodec();
        Scenario defaults = Scenario.defaults();
        out.printf("%-28s %-12s %-34s %s%n", "FIELD", "DEFAULT", "ALLOWED", "DURING A RUN");
        java.util.List<String> notes = new java.util.ArrayList<>();
        for (ScenarioField f : ScenarioField.values()) {
            out.printf("%-28s %-12s %-34s %s%s%n", f.path(), codec.getText(defaults, f), f.allowed(),
                    f.liveEffect().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    f.modelOnly().map(n -> " (Model only)").orElse(""));
            f.modelOnly().ifPresent(n -> notes.add(f.path() + ": " + n + "."));
        }
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(out::println);
        }
        out.flush();
    }
}
