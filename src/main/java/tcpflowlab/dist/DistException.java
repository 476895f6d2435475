package tcpflowlab.dist;

/** The app image could not be built; the message says which step and why. */
public final class DistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DistException(String message) {
        super(message);
    }

    public DistException(String message, Throwable cause) {
        super(message, cause);
    }
}
