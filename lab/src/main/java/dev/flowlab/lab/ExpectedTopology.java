package dev.flowlab.lab;

import dev.flowlab.controller.ExpectedNetwork;
import dev.flowlab.topologies.Link;
import dev.flowlab.topologies.Switch;
import dev.flowlab.topologies.Topology;
import dev.flowlab.controller.VlanPorts;
import dev.flowlab.controller.api.VlanRole;
import dev.flowlab.topologies.PortVlan;
import dev.flowlab.dataplane.OpenFlowVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/** The one place a {@link Topology} becomes what a controller must see before traffic flows. */
public final class ExpectedTopology {
    private ExpectedTopology() {
    }

    /**
     * Every switch of the topology by its datapath id, with the ports of all its links, and both
     * directions of every switch-to-switch link.
     */
    public static ExpectedNetwork of(Topology topology) {
        Map<DatapathId, Set<OFPort>> ports = new HashMap<>();
        for (Switch s : topology.switches()) {
            Set<OFPort> own = new HashSet<>();
            for (Link l : topology.linksOf(s.name())) {
                own.add(OFPort.of(l.nodeA().equals(s.name()) ? l.portA() : l.portB()));
            }
            ports.put(DatapathId.of(s.dpid()), own);
        }
        Set<dev.flowlab.controller.api.Link> links = new HashSet<>();
        for (Link l : topology.links()) {
            var a = topology.switchNamed(l.nodeA());
            var b = topology.switchNamed(l.nodeB());
            if (a.isPresent() && b.isPresent()) {
                var link = new dev.flowlab.controller.api.Link(DatapathId.of(a.get().dpid()), OFPort.of(l.portA()),
                        DatapathId.of(b.get().dpid()), OFPort.of(l.portB()));
                links.add(link);
                links.add(link.reversed());
            }
        }
        return new ExpectedNetwork(ports, links);
    }

    /**
     * The VLAN role of every switch port the topology gives one, by the port's name on this machine
     * ({@code prefix} + interface name): what the controller's VLAN stage must enforce, since Open vSwitch
     * applies the ports' own tag, trunks and dot1q-tunnel only in its NORMAL action.
     */
    public static VlanPorts vlanPorts(Topology topology, String prefix) {
        Map<String, VlanRole> roles = new HashMap<>();
        for (Link l : topology.links()) {
            role(l.vlanA()).ifPresent(r -> roles.put(prefix + l.interfaceA(), r));
            role(l.vlanB()).ifPresent(r -> roles.put(prefix + l.interfaceB(), r));
        }
        return new VlanPorts(roles);
    }

    private static Optional<VlanRole> role(PortVlan vlan) {
        if (vlan == null) {
            return Optional.empty();
        }
        return Optional.of(switch (vlan.mode()) {
            case ACCESS -> VlanRole.access(vlan.tag());
            case TRUNK -> VlanRole.trunk(vlan.vlans());
            case QINQ -> VlanRole.tunnel(vlan.tag());
        });
    }

    /**
     * The OpenFlow version bridges that offer {@code protocols} speak with the embedded controller: the newest
     * of them (the controller speaks all four, and both sides pick the newest they share).
     */
    public static OFVersion switchVersion(List<OpenFlowVersion> protocols) {
        OpenFlowVersion newest = protocols.stream().max(Comparator.naturalOrder()).orElseThrow();
        return switch (newest) {
            case OPENFLOW10 -> OFVersion.OF_10;
            case OPENFLOW13 -> OFVersion.OF_13;
            case OPENFLOW14 -> OFVersion.OF_14;
            case OPENFLOW15 -> OFVersion.OF_15;
        };
    }
}
