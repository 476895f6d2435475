package tcpflowlab.sim.app;

/**
 * What the kernel holds for one connection at one instant (the Model's endpoints, or the real
 * kernel's table): the server's send queue, the client's receive queue, the window the client
 * offers and the bytes in flight, each with the buffer it lives in.
 */
public record KernelQueues(long sendQueue, long sendCapacity, long receiveQueue, long receiveCapacity,
                           long window, long inFlight) {
}
