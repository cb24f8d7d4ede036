package dev.flowlab.topologies;

/** A host or a switch of a {@link Topology}; its name is unique in the topology. */
public sealed interface Node permits Host, Switch {
    String name();
}
