/**
 * The {@code router} app: IPv4 routing between subnets with controller-answered gateway addresses
 * (ARP and ping), MAC rewrite and TTL decrement in flow entries, and static routes from its config file.
 */
package dev.flowlab.apps.router;
