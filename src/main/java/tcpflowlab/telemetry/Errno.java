package tcpflowlab.telemetry;

/**
 * The Linux errno values a socket call in either engine can report. Numbers are the x86-64
 * Linux ones, because the story (the README's) is told in them: "Errno 104", "Errno 107".
 */
public enum Errno {
    EPIPE(32, "Broken pipe"),
    EAGAIN(11, "Resource temporarily unavailable"),
    EADDRINUSE(98, "Address already in use"),
    ECONNRESET(104, "Connection reset by peer"),
    ENOTCONN(107, "Transport endpoint is not connected"),
    ETIMEDOUT(110, "Connection timed out"),
    ECONNREFUSED(111, "Connection refused"),
    EHOSTUNREACH(113, "No route to host"),
    EACCES(13, "Permission denied"),
    EADDRNOTAVAIL(99, "Cannot assign requested address"),
    ENETUNREACH(101, "Network is unreachable");

    private final int number;
    private final String message;

    Errno(int number, String message) {
        this.number = number;
        this.message = message;
    }

    public int number() {
        return number;
    }

    public String message() {
        return message;
    }

    /** "ECONNRESET (104)", the form used in logs and chart labels. */
    public String label() {
        return name() + " (" + number + ")";
    }

    /**
     * Socket calls in the model return a byte count or a negated errno number, as the C API
     * does with {@code -1}/{@code errno}; this decodes the negative form.
     */
    public static Errno fromReturn(int ret) {
        if (ret >= 0) {
            throw new IllegalArgumentException("not an error return: " + ret);
        }
        return byNumber(-ret);
    }

    public static Errno byNumber(int number) {
        for (Errno e : values()) {
            if (e.number == number) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown errno " + number);
    }

    /** The negated number, as a model socket call returns it. */
    public int asReturn() {
        return -number;
    }
}
