/**
 * The model of an emulated network, independent of how it is run: {@link dev.flowlab.topologies.Topology}
 * (hosts, switches, links with shaping parameters), built with {@link dev.flowlab.topologies.TopologyBuilder},
 * the Mininet-style generators in {@link dev.flowlab.topologies.Topologies}, spec strings
 * ({@link dev.flowlab.topologies.TopologySpec}) or YAML/JSON files ({@link dev.flowlab.topologies.TopologyFiles});
 * {@link dev.flowlab.topologies.TopologySource} takes either. Graph queries live in
 * {@link dev.flowlab.topologies.TopologyGraph}. Pure Java: nothing here touches the machine.
 */
package dev.flowlab.topologies;
