package dev.flowlab.controller;

import dev.flowlab.controller.api.Link;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * What the controller must see before a network is ready for traffic: these switches connected
 * (handshake done), each reporting at least these ports, and link discovery having found these
 * inter-switch links. A port a switch does not report yet drops traffic (the userspace datapath
 * attaches ports some time after the bridge exists); until link discovery is done an app such as
 * routing takes a link's port for a host's.
 *
 * @param ports every expected switch and the ports it must report (may be empty for a switch)
 * @param links directed links, as LLDP finds them: give both directions of a cable
 */
public record ExpectedNetwork(Map<DatapathId, Set<OFPort>> ports, Set<Link> links) {
    public ExpectedNetwork {
        ports = ports.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        links = Set.copyOf(links);
    }

    /** The switches that must be connected. */
    public Set<DatapathId> switches() {
        return ports.keySet();
    }
}
