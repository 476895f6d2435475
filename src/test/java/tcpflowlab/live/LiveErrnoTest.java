package tcpflowlab.live;

import org.junit.jupiter.api.Test;
import tcpflowlab.telemetry.Errno;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.nio.channels.NotYetConnectedException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Java's exceptions carry strerror() texts on Linux; they map back to errno numbers. */
class LiveErrnoTest {
    @Test
    void knownMessagesMapToTheirErrno() {
        assertEquals(Optional.of(Errno.ECONNRESET), LiveErrno.of(new IOException("Connection reset by peer")));
        assertEquals(Optional.of(Errno.ECONNRESET), LiveErrno.of(new IOException("Connection reset")));
        assertEquals(Optional.of(Errno.EPIPE), LiveErrno.of(new IOException("Broken pipe")));
        assertEquals(Optional.of(Errno.ENOTCONN), LiveErrno.of(new IOException("Transport endpoint is not connected")));
        assertEquals(Optional.of(Errno.ECONNREFUSED), LiveErrno.of(new ConnectException("Connection refused")));
        assertEquals(Optional.of(Errno.EHOSTUNREACH), LiveErrno.of(new ConnectException("No route to host")));
        assertEquals(Optional.of(Errno.EADDRINUSE), LiveErrno.of(new BindException("Address already in use")));
        assertEquals(Optional.of(Errno.ENETUNREACH), LiveErrno.of(new java.net.SocketException("Network is unreachable")));
        assertEquals(Optional.of(Errno.ETIMEDOUT), LiveErrno.of(new java.net.SocketTimeoutException("connect timed out")));
        assertEquals(Optional.of(Errno.ENOTCONN), LiveErrno.of(new NotYetConnectedException()));
    }

    @Test
    void eachBindFailureMapsToItsOwnErrno() {
        // Java throws BindException for EADDRINUSE, EACCES and EADDRNOTAVAIL alike; the text tells them apart
        assertEquals(Optional.of(Errno.EACCES), LiveErrno.of(new BindException("Permission denied")));
        assertEquals(Optional.of(Errno.EADDRNOTAVAIL), LiveErrno.of(new BindException("Cannot assign requested address")));
        assertEquals("EACCES (13) Permission denied", LiveErrno.describe(new BindException("Permission denied")));
        assertEquals(Optional.empty(), LiveErrno.of(new BindException("Something else")));
    }

    @Test
    void unknownOnesKeepTheirOriginalMessageWithoutAJavaClassName() {
        IOException odd = new IOException("Something odd");
        assertEquals(Optional.empty(), LiveErrno.of(odd));
        assertEquals("Something odd", LiveErrno.describe(odd));
        assertEquals("/q/x: not a directory", LiveErrno.describe(new java.nio.file.FileSystemException("/q/x", null, "Not a directory")));
        assertEquals("ECONNRESET (104) Connection reset by peer", LiveErrno.describe(new IOException("Connection reset by peer")));
    }
}
