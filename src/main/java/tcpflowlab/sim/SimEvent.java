package tcpflowlab.sim;

/** Something that happens at a virtual instant. */
@FunctionalInterface
public interface SimEvent {
    void fire();
}
