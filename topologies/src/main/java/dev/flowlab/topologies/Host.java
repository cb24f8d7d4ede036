package dev.flowlab.topologies;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An end host: becomes a network namespace named {@link #name()}. Checked on construction: a valid
 * name, an IPv4 address with prefix length, a unicast MAC, and a gateway inside the host's subnet.
 *
 * @param name    unique node name, e.g. {@code h1}
 * @param ip      address with prefix length on its first interface, e.g. {@code 10.0.0.1/8}
 * @param mac     MAC address of its first interface (stored lower case), or null to let the kernel pick one
 * @param gateway default route's next hop, e.g. {@code 10.0.0.254}, or null for no default route
 * @param aliases more addresses with prefix length on its first interface (IP aliases); may be empty
 * @param vlans   tagged sub-interfaces of its first interface, each with its own address; may be empty
 * @param nat     makes it a NAT gateway ({@link Nat}), or null
 */
public record Host(String name, String ip, String mac, String gateway, List<String> aliases, List<HostVlan> vlans,
                   Nat nat) implements Node {
    private static final Pattern MAC = Pattern.compile("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}");

    /** A host with one address on one interface: no aliases, VLANs or NAT. */
    public Host(String name, String ip, String mac, String gateway) {
        this(name, ip, mac, gateway, List.of(), List.of(), null);
    }

    public Host {
        Names.check("host", name);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        vlans = vlans == null ? List.of() : List.copyOf(vlans);
        HostAddressCheck.check(name, ip, aliases, vlans);
        Objects.requireNonNull(ip, "host ip");
        int prefix = Ipv4.prefixLength(ip);
        if (prefix < 0) {
            throw new TopologyException(name, "host " + name + ": address '" + ip
                    + "' is not an IPv4 address with prefix length, like 10.0.0.1/8");
        }
        long address = Ipv4.parse(ip.substring(0, ip.indexOf('/')));
        long mask = Ipv4.mask(prefix);
        long hostPart = address & ~mask & 0xffffffffL;
        if (prefix <= 30 && (hostPart == 0 || hostPart == (~mask & 0xffffffffL))) {
            throw new TopologyException(name, "host " + name + ": " + ip
                    + " is the network or broadcast address of its subnet; pick a host address inside it");
        }
        if (mac != null) {
            if (!MAC.matcher(mac).matches()) {
                throw new TopologyException(name, "host " + name + ": MAC '" + mac + "' is not like 00:00:00:00:00:01");
            }
            if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0) {
                throw new TopologyException(name, "host " + name + ": MAC " + mac
                        + " is a multicast address (odd first octet); use a unicast one like 00:00:00:00:00:01");
            }
            mac = mac.toLowerCase(Locale.ROOT);
        }
        if (gateway != null) {
            long gw = Ipv4.parse(gateway);
            if (gw < 0) {
                throw new TopologyException(name, "host " + name + ": gateway '" + gateway
                        + "' is not an IPv4 address like 10.0.0.254");
            }
            if ((gw & mask) != (address & mask)) {
                throw new TopologyException(name, "host " + name + ": gateway " + gateway + " is outside its subnet "
                        + Ipv4.format(address & mask) + "/" + prefix + "; pick a gateway in the host's subnet");
            }
            if (gw == address) {
                throw new TopologyException(name, "host " + name + ": gateway " + gateway
                        + " is the host's own address; pick another address in its subnet");
            }
        }
    }

    /** A copy with this MAC on its first interface. */
    public Host withMac(String newMac) {
        return new Host(name, ip, newMac, gateway, aliases, vlans, nat);
    }

    /** A copy with these extra addresses (with prefix length) on its first interface. */
    public Host withAliases(String... addresses) {
        return new Host(name, ip, mac, gateway, List.of(addresses), vlans, nat);
    }

    /** A copy with these tagged sub-interfaces on its first interface. */
    public Host withVlans(HostVlan... subInterfaces) {
        return new Host(name, ip, mac, gateway, aliases, List.of(subInterfaces), nat);
    }

    /** A copy that is a NAT gateway to the outside described by {@code gatewayTo}. */
    public Host withNat(Nat gatewayTo) {
        return new Host(name, ip, mac, gateway, aliases, vlans, gatewayTo);
    }

    /** A copy renamed (the name prefix of concurrent runs); everything else stays, NAT's outside node renamed too. */
    Host renamed(String prefix) {
        Nat n = nat == null ? null : new Nat(prefix + nat.outside(), nat.ip(), nat.gateway());
        return new Host(prefix + name, ip, mac, gateway, aliases, vlans, n);
    }

    /** The address without its prefix length: {@code 10.0.0.1}. */
    public String address() {
        int slash = ip.indexOf('/');
        return slash < 0 ? ip : ip.substring(0, slash);
    }

    /** The prefix length of {@link #ip()}: {@code 8} for {@code 10.0.0.1/8}. */
    public int prefixLength() {
        return Ipv4.prefixLength(ip);
    }
}
