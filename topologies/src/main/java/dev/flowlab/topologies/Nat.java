package dev.flowlab.topologies;

/**
 * Makes a host a NAT gateway, as done by hand with {@code ip netns} and iptables: it forwards IPv4
 * between its interfaces and masquerades what leaves on the outside one, so hosts behind it (whose
 * gateway is its address) reach the outside network with its outside address as their source.
 * The host's own {@code ip} stays on its first interface, the inside; the outside interface is its
 * link to {@code outside}, which must not be its first link.
 *
 * @param outside the neighbour (usually a switch) its outside link goes to
 * @param ip      its address on the outside link, with prefix length, e.g. {@code 192.168.7.1/24}
 * @param gateway next hop of its default route on the outside, or null for none
 */
public record Nat(String outside, String ip, String gateway) {
    public Nat {
        if (outside == null || outside.isBlank()) {
            throw new TopologyException("nat: 'outside' must name the node its outside link goes to, like s9");
        }
        int prefix = ip == null ? -1 : Ipv4.prefixLength(ip);
        if (prefix < 0) {
            throw new TopologyException("nat: outside address '" + ip
                    + "' is not an IPv4 address with prefix length, like 192.168.7.1/24");
        }
        if (gateway != null) {
            long gw = Ipv4.parse(gateway);
            long mask = Ipv4.mask(prefix);
            if (gw < 0 || (gw & mask) != (Ipv4.parse(ip.substring(0, ip.indexOf('/'))) & mask)) {
                throw new TopologyException("nat: outside gateway '" + gateway + "' is not an address in "
                        + ip + "'s subnet");
            }
        }
    }

    /** The outside address without its prefix length. */
    public String address() {
        return ip.substring(0, ip.indexOf('/'));
    }
}
