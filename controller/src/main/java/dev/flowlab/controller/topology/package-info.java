/**
 * The core services behind {@link dev.flowlab.controller.api.TopologyService} and {@link
 * dev.flowlab.controller.api.HostService}: link discovery by LLDP, the switch graph it builds
 * (shortest paths, broadcast tree, edge ports), and the host tracker. They run as the first apps
 * of the packet-in chain, so LLDP frames never reach ordinary apps.
 */
package dev.flowlab.controller.topology;
