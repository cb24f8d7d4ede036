/**
 * {@code load-balancer}: a virtual IP answered by the controller, each new TCP connection to it sent to
 * the next server of a pool, with the replies' source rewritten back to the virtual IP.
 */
package dev.flowlab.apps.loadbalancer;
