package dev.flowlab.controller.api;

/**
 * Hears hosts appear, move and disappear. Callbacks run on the I/O thread of the switch that saw
 * the change and must not block.
 */
public interface HostListener {

    /** A MAC was seen for the first time on an edge port. */
    default void onHostAdded(HostInfo host) {
    }

    /** A known MAC was seen on another edge port: it moved (or its old port was a mistake). */
    default void onHostMoved(HostInfo before, HostInfo after) {
    }

    /** A host was forgotten: its port or switch went down, or its port turned out to join two switches. */
    default void onHostRemoved(HostInfo host) {
    }
}
