package dev.flowlab.controller.api;

/** What an app did with a packet-in: let the next app see it, or stop the chain. */
public enum Verdict {
    /** Not handled (or only observed): the next app in {@link App#order()} sees the packet. */
    CONTINUE,
    /** Handled: later apps do not see the packet. */
    HANDLED
}
