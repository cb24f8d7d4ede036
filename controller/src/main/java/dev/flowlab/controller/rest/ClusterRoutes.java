package dev.flowlab.controller.rest;

import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.core.SwitchRegistry;
import dev.flowlab.controller.openflow.SwitchConnection;
import dev.flowlab.controller.role.ClusterView;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/cluster}: the controllers of the cluster as this member sees them (members, leader,
 * which one this is) and the role this member holds for each connected switch, with the generation id
 * the switch reported and why it last refused a claim. A controller on its own shows one member and
 * EQUAL for every switch.
 */
final class ClusterRoutes {
    record SwitchRoleView(String dpid, String role, long generationId, String refusal) {
        static SwitchRoleView of(Switch sw) {
            if (sw instanceof SwitchConnection c) {
                return new SwitchRoleView(sw.id().toString(), sw.role().name(), c.generationId(),
                        c.roleRefusal().orElse(null));
            }
            return new SwitchRoleView(sw.id().toString(), sw.role().name(), 0, null);
        }
    }

    record ClusterJson(String self, String leader, List<ClusterView.Member> members, List<SwitchRoleView> switches) {
    }

    private final SwitchRegistry registry;

    ClusterRoutes(SwitchRegistry registry) {
        this.registry = registry;
    }

    void register(RouteTable routes) {
        routes.add("GET", "/api/cluster", r -> cluster());
    }

    private ClusterJson cluster() {
        ClusterView view = registry.mastership().view();
        List<SwitchRoleView> roles = registry.switches().stream().sorted(Comparator.comparing(Switch::id))
                .map(SwitchRoleView::of).toList();
        return new ClusterJson(view.self(), view.leader().orElse(null), view.members(), roles);
    }
}
