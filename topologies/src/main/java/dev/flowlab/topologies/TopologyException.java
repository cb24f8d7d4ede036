package dev.flowlab.topologies;

/**
 * A topology that cannot be built; the message names the element at fault and says what to change.
 * {@link #element()} tells which node or link it is, so a file loader can point at its line.
 */
public class TopologyException extends IllegalArgumentException {
    private final String element;

    /** An error about the topology as a whole; {@code message} is the whole one-line message. */
    public TopologyException(String message) {
        this(null, message);
    }

    /**
     * @param element the node name ({@code h1}) or link ({@code s1 <-> s2}) at fault, or null
     * @param message the whole one-line message
     */
    public TopologyException(String element, String message) {
        super(message);
        this.element = element;
    }

    /** The node name or link ({@code "s1 <-> s2"}) at fault, or null when the error is not about one element. */
    public String element() {
        return element;
    }
}
