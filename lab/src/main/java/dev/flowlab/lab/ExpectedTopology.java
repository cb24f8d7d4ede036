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
import java.util.function.Predicate;
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
        return of(topology, s -> true, l -> true);
    }

    /**
     * As {@link #of(Topology)} for the network as it is now: a switch that is off is not expected, nor a link
     * that is down or touches a switch that is off ({@link #linksDown} gives those).
     *
     * @param switchOn whether a switch (by its topology name) is on
     * @param linkUp   whether a link of the topology is up
     */
    public static ExpectedNetwork of(Topology topology, Predicate<String> switchOn, Predicate<Link> linkUp) {
        Map<DatapathId, Set<OFPort>> ports = new HashMap<>();
        for (Switch s : topology.switches()) {
            if (!switchOn.test(s.name())) {
                continue;
            }
            Set<OFPort> own = new HashSet<>();
            for (Link l : topology.linksOf(s.name())) {
                own.add(OFPort.of(l.nodeA().equals(s.name()) ? l.portA() : l.portB()));
            }
            ports.put(DatapathId.of(s.dpid()), own);
        }
        return new ExpectedNetwork(ports, switchLinks(topology, l -> switchOn.test(l.nodeA()) && switchOn.test(l.nodeB())
                && linkUp.test(l)));
    }

    /**
     * Both directions of every switch-to-switch link that is down now (taken down, or touching a switch that is off):
     * what the controller must no longer see, or an app would send traffic into it.
     */
    public static Set<dev.flowlab.controller.api.Link> linksDown(Topology topology, Predicate<String> switchOn,
                                                                 Predicate<Link> linkUp) {
        return switchLinks(topology, l -> !switchOn.test(l.nodeA()) || !switchOn.test(l.nodeB()) || !linkUp.test(l));
    }

    /** Both directions of the switch-to-switch links of the topology that {@code which} takes, as LLDP finds them. */
    private static Set<dev.flowlab.controller.api.Link> switchLinks(Topology topology, Predicate<Link> which) {
        Set<dev.flowlab.controller.api.Link> links = new HashSet<>();
        for (Link l : topology.links()) {
            var a = topology.switchNamed(l.nodeA());
            var b = topology.switchNamed(l.nodeB());
            if (a.isPresent() && b.isPresent() && which.test(l)) {
                var link = new dev.flowlab.controller.api.Link(DatapathId.of(a.get().dpid()), OFPort.of(l.portA()),
                        DatapathId.of(b.get().dpid()), OFPort.of(l.portB()));
                links.add(link);
                links.add(link.reversed());
            }
        }
        return links;
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
