/**
 * Traffic as the lab presents it: hosts by the names the user knows, flow tables as text. The
 * measurements themselves (pingall, iperf, host commands) are the dataplane's operations on the
 * lab's network.
 */
package dev.flowlab.lab.traffic;
