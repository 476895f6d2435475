package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tcpflowlab.live.LiveOptions;

@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Runs only the Python-style client on real sockets, against a real server (for example your own C server).")
final class ConnectCommand extends OneSideCommand {
    @Option(names = "--to", paramLabel = "HOST:PORT", required = true, description = "the server to connect to")
    String to;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "3",
            description = "give up one connect() after this long without an answer: ETIMEDOUT (default ${DEFAULT-VALUE}; "
                    + "0.1 .. 600)")
    double connectTimeoutS;

    @Override
    LiveOptions options() {
        if (!(connectTimeoutS >= 0.1 && connectTimeoutS <= 600)) {
            throw new IllegalArgumentException("--connect-timeout " + connectTimeoutS + " is not allowed: 0.1 .. 600 s");
        }
        return LiveOptions.clientOnly(PeerAddress.resolve(to, "--to"))
                .withConnectTimeout(java.time.Duration.ofNanos(Math.round(connectTimeoutS * 1e9)));
    }
}
