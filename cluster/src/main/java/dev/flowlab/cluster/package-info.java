/**
 * A cluster of flowlab controllers on Apache Ratis (embedded Raft, in each controller's process):
 * {@link dev.flowlab.cluster.ClusterMember} runs one member, which elects one master for every
 * switch with strictly increasing generation ids and replicates the run-time configuration store.
 * {@link dev.flowlab.cluster.ClusterState} is the state every member applies from the log.
 */
package dev.flowlab.cluster;
