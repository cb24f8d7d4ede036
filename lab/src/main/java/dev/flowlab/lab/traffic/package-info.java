/**
 * Traffic between emulated hosts, measured the way a user reads it: pingall matrices, iperf3
 * throughput, flow tables as text. Works on any namespaces, flowlab-built or not.
 */
package dev.flowlab.lab.traffic;
