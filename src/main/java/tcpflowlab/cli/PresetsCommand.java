package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;

import java.io.PrintWriter;

@Command(name = "presets", mixinStandardHelpOptions = true, description = "Lists the scenario presets.")
final class PresetsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioCodec codec = new ScenarioCodec();
        Presets presets = new Presets(codec);
        for (String name : presets.names()) {
            Scenario s = presets.load(name);
            out.printf("%-26s %s%n", name, firstSentence(s.description()));
        }
        out.flush();
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(". ");
        return dot < 0 ? text : text.substring(0, dot + 1);
    }
}
