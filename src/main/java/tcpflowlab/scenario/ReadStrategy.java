package tcpflowlab.scenario;

/** How the Python-style client reads its socket. */
public enum ReadStrategy {
    /** One blocking recv(readSize) per loop, then the processing delay: the story's Server B. */
    FIXED_READ,
    /** Wait until readable, recv(readSize) until EAGAIN, then process the whole batch once. */
    DRAIN
}
