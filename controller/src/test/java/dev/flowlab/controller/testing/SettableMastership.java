package dev.flowlab.controller.testing;

import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.role.ClusterView;
import dev.flowlab.controller.role.Mastership;
import dev.flowlab.controller.role.RoleClaim;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * A {@link Mastership} a test sets by hand: one claim for every switch, changed with {@link #set}, and
 * a record of what the controller told it ("master 1", "refused 1 MASTER (generation 5): why").
 */
public final class SettableMastership implements Mastership {
    private final String self;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile RoleClaim claim;
    private volatile Listener listener;

    public SettableMastership(String self, RoleClaim initial) {
        this.self = self;
        this.claim = initial;
    }

    /** Claims {@code next} for every switch from now on, and tells the controller. */
    public void set(RoleClaim next) {
        claim = next;
        listener.claimsChanged();
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void start(Listener listener) {
        this.listener = listener;
    }

    @Override
    public RoleClaim claim(DatapathId dpid) {
        return claim;
    }

    @Override
    public ClusterView view() {
        return new ClusterView(self, List.of(new ClusterView.Member(self, "127.0.0.1:1")), Optional.of(self));
    }

    @Override
    public void becameMaster(Switch sw) {
        events.add("master " + sw.id().getLong());
    }

    @Override
    public void claimRefused(DatapathId dpid, RoleClaim refused, String why) {
        events.add("refused " + dpid.getLong() + " " + refused + ": " + why);
    }
}
