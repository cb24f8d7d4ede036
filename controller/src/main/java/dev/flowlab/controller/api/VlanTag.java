package dev.flowlab.controller.api;

/**
 * The outermost 802.1Q tag of a frame.
 *
 * @param vid      VLAN id, 0-4095
 * @param priority PCP, 0-7
 */
public record VlanTag(int vid, int priority) {
}
