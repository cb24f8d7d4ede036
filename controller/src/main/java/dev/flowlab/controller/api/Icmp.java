package dev.flowlab.controller.api;

/** Type and code of an ICMP (in IPv4) or ICMPv6 (in IPv6) message; echo request is 8 or 128. */
public record Icmp(int type, int code) {
}
