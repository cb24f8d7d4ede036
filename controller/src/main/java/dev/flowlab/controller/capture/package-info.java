/**
 * The OpenFlow control channel as a pcap file Wireshark decodes: every message between the controller
 * and its switches, wrapped in synthetic Ethernet/IPv4/TCP headers with the controller on TCP port
 * 6653 (the port Wireshark's OpenFlow dissector listens for), written off the I/O threads.
 */
package dev.flowlab.controller.capture;
