/**
 * The model of an emulated network, independent of how it is run: {@link dev.flowlab.topologies.Topology}
 * (hosts, switches, links with shaping parameters), built with {@link dev.flowlab.topologies.TopologyBuilder},
 * the Mininet-style generators in {@link dev.flowlab.topologies.Topologies}, spec strings
 * ({@link dev.flowlab.topologies.TopologySpec}) or YAML/JSON files ({@link dev.flowlab.topologies.TopologyFiles});
 * {@link dev.flowlab.topologies.TopologySource} takes either. Beyond one veth per host: VLAN roles of switch
 * ports ({@link dev.flowlab.topologies.PortVlan}), host sub-interfaces ({@link dev.flowlab.topologies.HostVlan}),
 * NAT gateways ({@link dev.flowlab.topologies.Nat}), TAP ports ({@link dev.flowlab.topologies.TapPort}),
 * tunnels ({@link dev.flowlab.topologies.Tunnel}) and host identity ({@link dev.flowlab.topologies.Identity}).
 * Paths through a running network are the controller's business (its switch graph), not the model's.
 * Pure Java: nothing here touches the machine.
 */
package dev.flowlab.topologies;
