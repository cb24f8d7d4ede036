package dev.flowlab.dataplane;

import dev.flowlab.topologies.Switch;

import java.util.List;

/** A switch of a running {@link Network}: an Open vSwitch bridge named after it. */
public final class OvsBridge {
    private final Switch sw;
    private final List<String> ports;
    private final List<String> controllers;

    OvsBridge(Switch sw, List<String> ports, List<String> controllers) {
        this.sw = sw;
        this.ports = List.copyOf(ports);
        this.controllers = List.copyOf(controllers);
    }

    /** Its name, which is also the OVS bridge's name. */
    public String name() {
        return sw.name();
    }

    /** OpenFlow datapath id. */
    public long dpid() {
        return sw.dpid();
    }

    /** Datapath id as 16 hex digits, as OVS and ovs-ofctl show it. */
    public String dpidHex() {
        return sw.dpidHex();
    }

    /** Its ports' interface names in OpenFlow port order ({@code s1-eth1} is port 1). */
    public List<String> ports() {
        return ports;
    }

    /** Controller targets it was given (empty when none). */
    public List<String> controllers() {
        return controllers;
    }

    @Override
    public String toString() {
        return name() + " dpid=" + dpidHex() + " ports=" + ports;
    }
}
