package tcpflowlab.live.wire;

/** A capture stream that is not pcapng, or a damaged block in one; the message names where. */
public final class PcapngFormatException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public PcapngFormatException(String message) {
        super(message);
    }
}
