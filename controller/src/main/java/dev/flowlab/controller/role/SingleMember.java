package dev.flowlab.controller.role;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * A controller on its own: it claims {@link RoleClaim#EQUAL} for every switch, which is what a
 * switch gives a new connection anyway, so no ROLE_REQUEST is sent and a switch speaking any
 * OpenFlow version behaves as before roles existed. EQUAL rather than MASTER also means two
 * independent flowlab controllers on one bridge both keep working (each writes, neither demotes
 * the other), which is what a user who gives two targets without a cluster expects.
 */
public final class SingleMember implements Mastership {
    /** The member id a controller on its own reports. */
    public static final String ID = "local";

    private final Supplier<String> address;

    /** @param address where this controller listens ({@code HOST:PORT}), for the view; asked each time */
    public SingleMember(Supplier<String> address) {
        this.address = address;
    }

    @Override
    public void start(Listener listener) {
        // Nothing ever changes.
    }

    @Override
    public RoleClaim claim(DatapathId dpid) {
        return RoleClaim.EQUAL;
    }

    @Override
    public ClusterView view() {
        return new ClusterView(ID, List.of(new ClusterView.Member(ID, address.get())), Optional.of(ID));
    }
}
