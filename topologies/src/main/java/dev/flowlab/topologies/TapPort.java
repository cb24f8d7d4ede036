package dev.flowlab.topologies;

/**
 * A switch port backed by a TAP device, {@code s1-tap3} for port 3 of s1, so that a virtual machine
 * ({@code qemu -netdev tap,ifname=s1-tap3,script=no,downscript=no}) or any program that opens
 * {@code /dev/net/tun} with that name joins the network at that port. Until something opens it,
 * the port has no carrier and frames sent to it are dropped.
 *
 * @param switchName the switch it is a port of
 * @param port       its OpenFlow port number; 0 when added to a builder means the next free one
 */
public record TapPort(String switchName, int port) {
    public TapPort {
        if (port < 0) {
            throw new TopologyException(switchName, "tap on " + switchName + ": switch ports start at 1, not " + port);
        }
    }

    /** The TAP device's name: {@code s1-tap3}. */
    public String interfaceName() {
        return switchName + "-tap" + port;
    }

    /** How errors name it: {@code tap s1-tap3}. */
    public String label() {
        return "tap " + interfaceName();
    }
}
