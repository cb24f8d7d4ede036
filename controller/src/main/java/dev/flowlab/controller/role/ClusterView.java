package dev.flowlab.controller.role;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the controllers of a cluster are, as one member sees them: what {@code /api/cluster} shows
 * besides the role this member holds per switch.
 *
 * @param self    this member's id
 * @param members every member, this one included
 * @param leader  the member that currently leads (hands out mastership), if one is known
 */
public record ClusterView(String self, List<Member> members, Optional<String> leader) {
    public ClusterView {
        Objects.requireNonNull(self, "self");
        members = List.copyOf(members);
        Objects.requireNonNull(leader, "leader");
    }

    /**
     * One controller of the cluster.
     *
     * @param id      its member id ({@code ID} of {@code --cluster ID@HOST:PORT,...})
     * @param address where the cluster reaches it ({@code HOST:PORT})
     */
    public record Member(String id, String address) {
    }
}
