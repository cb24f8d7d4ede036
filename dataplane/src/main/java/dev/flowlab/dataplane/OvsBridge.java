package dev.flowlab.dataplane;

import dev.flowlab.topologies.Switch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A switch of a running {@link Network}: an Open vSwitch bridge named after it. Its flow table and
 * controller settings are read from OVS itself, so they show what the switch holds whoever its
 * controller is (or while it has none).
 */
public final class OvsBridge {
    private final Switch sw;
    private final List<String> ports;
    private final List<String> controllers;
    private final List<OpenFlowVersion> protocols;
    private final Predicate<String> portLinkUp;
    /** Controller targets taken away by {@link #stop()}, given back by {@link #start()}; null while running. */
    private List<String> targetsWhileStopped;

    /**
     * @param portLinkUp whether the link on a port is up: {@link #start()} leaves ports of links the user
     *                   took down as they are
     */
    OvsBridge(Switch sw, List<String> ports, List<String> controllers, List<OpenFlowVersion> protocols,
              Predicate<String> portLinkUp) {
        this.sw = sw;
        this.ports = List.copyOf(ports);
        this.controllers = List.copyOf(controllers);
        this.protocols = List.copyOf(protocols);
        this.portLinkUp = portLinkUp;
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

    /** Controller targets it was built with (empty when none); {@link #controllerTargets()} has the current ones. */
    public List<String> controllers() {
        return controllers;
    }

    /** The OpenFlow versions it offers (OVS {@code protocols}), lowest first. */
    public List<OpenFlowVersion> protocols() {
        return protocols;
    }

    /** Its flow entries as {@code ovs-ofctl -O PROTOCOLS dump-flows} prints them (in its newest version), one line each. */
    public List<String> flows() {
        return OvsControl.flows(name(), protocols);
    }

    /** Deletes the flow entries that {@code match} selects, e.g. {@code cookie=0x1/0xff} ({@code ovs-ofctl del-flows}). */
    public void deleteFlows(String match) {
        OvsControl.ofctl(protocols, "del-flows", name(), match);
    }

    /** The controller targets OVS has for it now, e.g. {@code tcp:127.0.0.1:6653}; empty when none. */
    public List<String> controllerTargets() {
        return OvsControl.vsctl("get-controller", name()).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Points it at these controllers ({@code ovs-vsctl set-controller}); an empty list removes them all. */
    public void setControllerTargets(List<String> targets) {
        if (targets.isEmpty()) {
            OvsControl.vsctl("del-controller", name());
        } else {
            List<String> args = new ArrayList<>(List.of("set-controller", name()));
            args.addAll(targets);
            OvsControl.vsctl(args.toArray(String[]::new));
        }
    }

    /** How OVS watches its controller connections: probe interval and reconnection backoff (of the first, as all are alike). */
    public ControllerTuning controllerTuning() {
        List<String> records = OvsControl.controllerRecords(List.of(name())).byBridge().get(name());
        if (records.isEmpty()) {
            throw new IllegalStateException(name() + " has no controller");
        }
        // Every controller of the bridge is tuned alike (see Network#tuneControllers): the first speaks for all.
        List<String> values = OvsControl.vsctl("get", "Controller", records.get(0), "inactivity_probe", "max_backoff")
                .lines().toList();
        return ControllerTuning.parse(values.get(0), values.get(1));
    }

    /**
     * Switches it off as far as the network can tell: every port down and its controller connection
     * closed (targets remembered for {@link #start()}). OVS keeps the flow table, as a switch that lost
     * power briefly and kept its configuration would not; the hosts see dead links either way.
     *
     * @throws IllegalStateException when it is already stopped
     */
    public synchronized void stop() {
        if (targetsWhileStopped != null) {
            throw new IllegalStateException(name() + " is already stopped");
        }
        List<String> targets = controllerTargets();
        setControllerTargets(List.of());
        targetsWhileStopped = targets;
        setPorts(ports, false);
    }

    /**
     * Switches it on again: ports up (except those of links taken down on purpose), controller targets back.
     *
     * @throws IllegalStateException when it is not stopped
     */
    public synchronized void start() {
        if (targetsWhileStopped == null) {
            throw new IllegalStateException(name() + " is not stopped");
        }
        setPorts(ports.stream().filter(portLinkUp).toList(), true);
        if (!targetsWhileStopped.isEmpty()) {
            setControllerTargets(targetsWhileStopped);
        }
        targetsWhileStopped = null;
    }

    /** True between {@link #stop()} and {@link #start()}. */
    public synchronized boolean isStopped() {
        return targetsWhileStopped != null;
    }

    /** Switch ports live in the default namespace, where this thread is: one netlink socket for all. */
    private static void setPorts(List<String> interfaces, boolean up) {
        try (Rtnetlink nl = new Rtnetlink()) {
            interfaces.forEach(i -> nl.setUp(i, up));
        }
    }

    @Override
    public String toString() {
        return name() + " dpid=" + dpidHex() + " ports=" + ports + (isStopped() ? " (stopped)" : "");
    }
}
