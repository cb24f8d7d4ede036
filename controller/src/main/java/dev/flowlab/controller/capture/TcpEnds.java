package dev.flowlab.controller.capture;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The two ends of one switch connection as they appear in the capture: the switch's real IPv4
 * address and port, the controller's real IPv4 address on port 6653 whatever port it listens on
 * (so Wireshark picks its OpenFlow dissector without "Decode As"). Non-IPv4 ends become 127.0.0.1.
 */
record TcpEnds(byte[] switchIp, int switchPort, byte[] controllerIp) {
    /** The port Wireshark's OpenFlow dissector listens for (IANA's OpenFlow port). */
    static final int OPENFLOW_PORT = 6653;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    static TcpEnds of(SocketAddress switchAddress, SocketAddress controllerAddress) {
        return new TcpEnds(ipv4(switchAddress), port(switchAddress), ipv4(controllerAddress));
    }

    private static byte[] ipv4(SocketAddress a) {
        return a instanceof InetSocketAddress i && i.getAddress() instanceof Inet4Address v4 ? v4.getAddress() : LOOPBACK;
    }

    private static int port(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getPort() : 0;
    }
}
