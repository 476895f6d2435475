package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tcpflowlab.live.LiveOptions;

import java.net.InetSocketAddress;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs only the C-style server on real sockets, for a real client to connect to "
                + "(for example your own Python program). Listens on loopback unless you name another address.")
final class ServeCommand extends OneSideCommand {
    @Option(names = "--listen", paramLabel = "ADDR:PORT", defaultValue = "127.0.0.1:5000",
            description = "where to listen (default ${DEFAULT-VALUE}; other interfaces only when named, e.g. 0.0.0.0:5000)")
    String listen;

    @Option(names = "--spill-dir", paramLabel = "DIR",
            description = "SPILL policy: keep the durable queue here, so a restarted server replays what it holds "
                    + "(default: a temporary directory, removed at the end)")
    java.nio.file.Path spillDir;

    @Override
    LiveOptions options() {
        OutputDir.refuseEmpty("--spill-dir", spillDir);
        InetSocketAddress where = PeerAddress.resolve(listen, "--listen");
        if (spillDir != null) {
            SpillDirCheck.require(spillDir, "--spill-dir"); // before listening: no client meets a server that cannot start
        }
        return LiveOptions.serverOnly(where).withSpillDir(spillDir);
    }
}
