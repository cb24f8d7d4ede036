package dev.flowlab.topologies;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Gives every host its own name service view: a hostname (its own UTS namespace, so {@code hostname}
 * inside it prints its name), an {@code /etc/hosts} listing every host by name (so {@code ping h2} works
 * inside hosts), and, when name servers are given, a {@code resolv.conf}. Files go to
 * {@code /etc/netns/<host>/}, where {@code ip netns exec} finds them; the real {@code /etc} is untouched.
 *
 * @param domain      DNS domain: hosts are listed as {@code h1.domain} too; null for none
 * @param nameservers addresses for the hosts' {@code resolv.conf}; empty for no resolv.conf
 * @param search      search domains for {@code resolv.conf}
 */
public record Identity(String domain, List<String> nameservers, List<String> search) {
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    /** Hostnames and hosts files, no domain, no resolv.conf. */
    public static final Identity HOSTNAMES = new Identity(null, List.of(), List.of());

    public Identity {
        nameservers = nameservers == null ? List.of() : List.copyOf(nameservers);
        search = search == null ? List.of() : List.copyOf(search);
        if (domain != null && !DOMAIN.matcher(domain).matches()) {
            throw new TopologyException("identity: domain '" + domain + "' is not a DNS name like lab.example");
        }
        for (String ns : nameservers) {
            if (Ipv4.parse(ns) < 0) {
                throw new TopologyException("identity: name server '" + ns + "' is not an IPv4 address like 10.0.0.53");
            }
        }
        for (String s : search) {
            if (!DOMAIN.matcher(s).matches()) {
                throw new TopologyException("identity: search domain '" + s + "' is not a DNS name like lab.example");
            }
        }
        if (!search.isEmpty() && nameservers.isEmpty()) {
            throw new TopologyException("identity: search domains go into resolv.conf, which needs nameservers too");
        }
    }

    /** True when hosts get a {@code resolv.conf}. */
    public boolean hasResolvConf() {
        return !nameservers.isEmpty();
    }
}
