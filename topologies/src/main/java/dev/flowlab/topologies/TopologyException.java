package dev.flowlab.topologies;

/** A topology that cannot be built; the message names the element at fault and says what to change. */
public class TopologyException extends IllegalArgumentException {
    public TopologyException(String message) {
        super(message);
    }
}
