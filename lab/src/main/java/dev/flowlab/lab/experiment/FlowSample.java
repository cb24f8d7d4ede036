package dev.flowlab.lab.experiment;

import java.util.List;

/**
 * A switch's flow table at one moment, as {@code ovs-ofctl -O OpenFlow13 dump-flows} printed it.
 *
 * @param at     Unix epoch seconds
 * @param flows  one line per entry (the table-miss entry included)
 */
public record FlowSample(double at, String switchName, int count, List<String> flows) {
}
