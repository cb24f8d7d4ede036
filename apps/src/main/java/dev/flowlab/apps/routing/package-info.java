/**
 * Shortest-path forwarding ({@code --apps routing}): unicast to a known host gets flows along a
 * shortest path, ARP is answered from the host tracker, broadcasts go from the controller to every edge port, and
 * routes over a link that goes down are withdrawn so the next packet takes another path.
 */
package dev.flowlab.apps.routing;
