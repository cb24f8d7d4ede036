package dev.flowlab.dataplane;

import dev.flowlab.topologies.Link;
import dev.flowlab.topologies.LinkParams;

/**
 * A link of a running {@link Network}: one veth pair. {@link #down()} and {@link #up()} act on both ends,
 * as Mininet's {@code link s1 s2 down} does, so neither side keeps sending into a dead link.
 */
public final class VethLink {
    private final Plan.Veth veth;
    private volatile boolean up = true;

    VethLink(Plan.Veth veth) {
        this.veth = veth;
    }

    /** The node at end A. */
    public String nodeA() {
        return veth.a().node();
    }

    /** The node at end B. */
    public String nodeB() {
        return veth.b().node();
    }

    /** End A's interface, e.g. {@code h1-eth0}. */
    public String interfaceA() {
        return veth.a().ifname();
    }

    /** End B's interface, e.g. {@code s1-eth1}. */
    public String interfaceB() {
        return veth.b().ifname();
    }

    /** The shaping it was built with. */
    public LinkParams params() {
        return veth.link().params();
    }

    /** Takes both ends down. */
    public void down() {
        setBoth(false);
    }

    /** Brings both ends up again. */
    public void up() {
        setBoth(true);
    }

    /** Whether it was last set up (true after the build). */
    public boolean isUp() {
        return up;
    }

    Link link() {
        return veth.link();
    }

    Plan.Veth veth() {
        return veth;
    }

    private synchronized void setBoth(boolean wantUp) {
        for (Plan.End e : java.util.List.of(veth.a(), veth.b())) {
            InNamespace.run(e.namespace(), () -> {
                try (Rtnetlink nl = new Rtnetlink()) {
                    nl.setUp(e.ifname(), wantUp);
                }
            });
        }
        up = wantUp;
    }

    @Override
    public String toString() {
        return interfaceA() + "<->" + interfaceB() + (up ? "" : " (down)");
    }
}
