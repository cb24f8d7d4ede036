package dev.flowlab.apps.stp;

import java.util.Locale;

/**
 * What the spanning tree lets a switch port do, in 802.1D's words where they fit.
 */
public enum PortState {
    /** Up for less than the hold time and no link found on it yet: it may join two switches, so it drops. */
    HELD,
    /** Joins two switches on a cable off the tree: drops what it receives, so floods cannot loop. */
    BLOCKING,
    /** A host port, or an end of a tree cable: traffic passes. */
    FORWARDING,
    /** Down: carries nothing, whatever its entry says. */
    DISABLED;

    /**
     * The state a port should be in.
     *
     * @param up      link up and not administratively down
     * @param held    still within its hold time since it came up
     * @param linkEnd link discovery saw a link on it
     * @param onTree  it is an end of a cable of the spanning tree
     */
    static PortState decide(boolean up, boolean held, boolean linkEnd, boolean onTree) {
        if (!up) {
            return DISABLED;
        }
        if (linkEnd) {
            return onTree ? FORWARDING : BLOCKING;
        }
        return held ? HELD : FORWARDING;
    }

    /** Whether the port's drop entry must be in the switch. */
    boolean drops() {
        return this == HELD || this == BLOCKING;
    }

    /** Lower case, as logs and REST show it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
