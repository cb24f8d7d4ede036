package dev.flowlab.controller.api;

/**
 * Hears links come and go. Callbacks run on the thread that saw the change (a switch's I/O thread
 * or the controller's timer) and must not block.
 */
public interface TopologyListener {

    /** A link was seen for the first time (or again after it went down). */
    default void onLinkUp(Link link) {
    }

    /**
     * A link went down: its port or switch went down, or its LLDP frames stopped arriving. By the
     * time this runs, {@link TopologyService#links()} and paths no longer contain it.
     */
    default void onLinkDown(Link link) {
    }

    /** A listener that runs {@code action} on every link change, whichever way (for apps that recompute everything). */
    static TopologyListener onEveryChange(Runnable action) {
        return new TopologyListener() {
            @Override
            public void onLinkUp(Link link) {
                action.run();
            }

            @Override
            public void onLinkDown(Link link) {
                action.run();
            }
        };
    }
}
