package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tcpflowlab.live.LiveOptions;

@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Runs only the Python-style client on real sockets, against a real server (for example your own C server).")
final class ConnectCommand extends OneSideCommand {
    @Option(names = "--to", paramLabel = "HOST:PORT", required = true, description = "the server to connect to")
    String to;

    @Override
    LiveOptions options() {
        return LiveOptions.clientOnly(LiveOptions.parseAddress(to, "--to"));
    }
}
