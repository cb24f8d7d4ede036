/**
 * Builds a {@link dev.flowlab.topologies.Topology} on this machine and tears it down, leaving nothing:
 * a network namespace per host (named after it), a veth pair per link, an Open vSwitch bridge per switch.
 *
 * <p>Entry points: {@link dev.flowlab.dataplane.Network#start} (with {@link dev.flowlab.dataplane.NetworkOptions})
 * and {@link dev.flowlab.dataplane.Cleanup#sweep} for what crashed runs left. Everything a run makes is
 * recorded before it is made (a run file under {@code /run/flowlab/runs}, the OVS tag
 * {@code external_ids:flowlab-run}, an interface group on root-namespace veths), and only what carries
 * the run's mark is ever removed.
 *
 * <p>Speed comes from batching: namespaces made from JVM threads, one {@code ip -batch} for all veths, one
 * ovs-vsctl transaction for all bridges, one OVSDB transaction sent straight to ovsdb-server for all veth
 * ports ({@link dev.flowlab.dataplane.Ovsdb}), and host set-up (addresses, routes, IPv6 off, checksum offload
 * off) from JVM threads that enter each namespace with setns(2) and speak rtnetlink, instead of a process
 * per host. Package-private classes do the work; the public ones are the API.
 */
package dev.flowlab.dataplane;
