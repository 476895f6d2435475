package tcpflowlab.cli;

import tcpflowlab.live.LiveOptions;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** A HOST:PORT option resolved once; a name that does not resolve is one line naming it (exit 1). */
final class PeerAddress {
    private PeerAddress() {
    }

    static InetSocketAddress resolve(String text, String option) {
        InetSocketAddress a = LiveOptions.parseAddress(text, option);
        if (a.isUnresolved()) {
            throw new UncheckedIOException(new UnknownHostException(option + " " + text + ": unknown host '"
                    + a.getHostString() + "' (the name does not resolve)"));
        }
        return a;
    }
}
