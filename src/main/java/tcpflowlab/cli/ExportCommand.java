package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcpflowlab.engine.Engines;
import tcpflowlab.export.PcapWriter;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Exports a Model run.",
        subcommands = {ExportCommand.Pcap.class})
final class ExportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "pcap", mixinStandardHelpOptions = true,
            description = "Runs a scenario in the Model and writes its segments as a libpcap file for Wireshark/tshark.")
    static final class Pcap implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        ScenarioOptions scenarioOptions;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "the .pcap file to write")
        Path out;

        @Option(names = "--force", description = "overwrite FILE if it exists")
        boolean force;

        @Override
        public Integer call() throws Exception {
            if (!force && Files.exists(out)) {
                throw new InvalidScenarioException(out + " already exists; choose another --out or add --force to overwrite");
            }
            ScenarioCodec codec = new ScenarioCodec();
            Scenario scenario = scenarioOptions.load(codec);
            long packets;
            try (PcapWriter pcap = new PcapWriter(out)) {
                new Engines(codec).model(scenario, List.of(pcap)).runToEnd();
                packets = pcap.packets();
            }
            spec.commandLine().getOut().printf("%s: %,d packets of scenario %s (%s s)%n", out, packets, tcpflowlab.export.Printable.escape(scenario.name()),
                    ScenarioField.format(scenario.run().durationS()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
