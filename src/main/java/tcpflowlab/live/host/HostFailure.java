package tcpflowlab.live.host;

/** A host cannot do its part (the address cannot be bound): the run fails with this message. */
public final class HostFailure extends RuntimeException {
    public HostFailure(String message) {
        super(message, null, false, false);
    }
}
