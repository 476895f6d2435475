package tcpflowlab.live;

import tcpflowlab.telemetry.Errno;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Java reports socket errors as exceptions whose messages are the C library's strerror()
 * texts on Linux; this maps them back to errno numbers and names, so the Live engine's event
 * stream reads like the Model's. An exception it does not recognise maps to empty, and the
 * caller shows the original message.
 */
public final class LiveErrno {
    /** glibc strerror() texts (lower case) and the errno each names, in the order tried. */
    private static final Map<String, Errno> MESSAGES = new LinkedHashMap<>();

    static {
        MESSAGES.put("connection reset", Errno.ECONNRESET);
        MESSAGES.put("broken pipe", Errno.EPIPE);
        MESSAGES.put("not connected", Errno.ENOTCONN);
        MESSAGES.put("connection refused", Errno.ECONNREFUSED);
        MESSAGES.put("address already in use", Errno.EADDRINUSE);
        MESSAGES.put("no route to host", Errno.EHOSTUNREACH);
        MESSAGES.put("timed out", Errno.ETIMEDOUT);
        MESSAGES.put("resource temporarily unavailable", Errno.EAGAIN);
        MESSAGES.put("permission denied", Errno.EACCES);
        MESSAGES.put("cannot assign requested address", Errno.EADDRNOTAVAIL);
        MESSAGES.put("network is unreachable", Errno.ENETUNREACH);
    }

    private LiveErrno() {
    }

    public static Optional<Errno> of(Throwable t) {
        if (t instanceof BindException) {
            // bind(2) fails in several ways (in use, privileged port, not a local address): the text says which
            return byMessage(t);
        }
        if (t instanceof ConnectException) {
            String m = lower(t);
            if (m.contains("timed out")) {
                return Optional.of(Errno.ETIMEDOUT);
            }
            if (m.contains("no route")) {
                return Optional.of(Errno.EHOSTUNREACH);
            }
            return Optional.of(Errno.ECONNREFUSED);
        }
        if (t instanceof NoRouteToHostException) {
            return Optional.of(Errno.EHOSTUNREACH);
        }
        if (t instanceof SocketTimeoutException) {
            return Optional.of(Errno.ETIMEDOUT);
        }
        if (t instanceof NotYetConnectedException) {
            return Optional.of(Errno.ENOTCONN);
        }
        if (t instanceof ClosedChannelException) {
            return Optional.empty();
        }
        if (t instanceof IOException) {
            return byMessage(t);
        }
        return Optional.empty();
    }

    private static Optional<Errno> byMessage(Throwable t) {
        String m = lower(t);
        for (Map.Entry<String, Errno> e : MESSAGES.entrySet()) {
            if (m.contains(e.getKey())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** "ECONNRESET (104) Connection reset by peer", or the exception's own words (no Java class name). */
    public static String describe(Throwable t) {
        return of(t).map(e -> e.label() + " " + e.message()).orElseGet(() -> inWords(t));
    }

    private static String inWords(Throwable t) {
        if (t instanceof java.nio.file.FileSystemException f) {
            String reason = f.getReason() == null ? "cannot be used" : f.getReason().toLowerCase(Locale.ROOT);
            return f.getFile() + ": " + reason;
        }
        if (t.getMessage() != null && !t.getMessage().isBlank()) {
            return t.getMessage();
        }
        return "failed (" + t.getClass().getSimpleName() + ", no reason given)";
    }

    private static String lower(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    }
}
