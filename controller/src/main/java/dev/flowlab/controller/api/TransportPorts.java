package dev.flowlab.controller.api;

import org.projectfloodlight.openflow.types.TransportPort;

/** Source and destination port of a TCP or UDP segment. */
public record TransportPorts(TransportPort source, TransportPort destination) {
}
