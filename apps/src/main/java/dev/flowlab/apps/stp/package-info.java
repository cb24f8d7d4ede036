/**
 * {@code stp}: a spanning tree over the discovered switch graph; inter-switch ports off the tree drop
 * what they receive (LLDP excepted), so flooding apps (learning-switch, hub) work on looped topologies.
 */
package dev.flowlab.apps.stp;
