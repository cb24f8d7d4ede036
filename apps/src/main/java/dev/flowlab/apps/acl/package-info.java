/**
 * The {@code acl} app: allow/deny rules on Ethernet, IPv4 and TCP/UDP fields, from a config file
 * and REST, enforced as flow entries on every switch and on packet-ins.
 */
package dev.flowlab.apps.acl;
