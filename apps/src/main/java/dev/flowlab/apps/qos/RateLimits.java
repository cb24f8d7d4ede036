package dev.flowlab.apps.qos;

import dev.flowlab.controller.api.HostService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.action.OFActionMeter;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionMeter;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/** The configured limits, and which of them a flow entry's match is about (pure; the hosts only resolve IPs). */
final class RateLimits {
    private final List<HostLimit> all;
    private final Map<MacAddress, HostLimit> byMac = new HashMap<>();
    private final Map<IPv4Address, HostLimit> byIp = new HashMap<>();

    RateLimits(List<HostLimit> limits) {
        this.all = List.copyOf(limits);
        for (HostLimit l : all) {
            if (l.mac() != null) {
                byMac.put(MacAddress.of(l.mac()), l);
            } else {
                byIp.put(IPv4Address.of(l.ip()), l);
            }
        }
    }

    List<HostLimit> all() {
        return all;
    }

    /**
     * The limit of the host whose traffic {@code match} selects: its source MAC exactly (a host limited by IP
     * counts when the controller saw that MAC use the IP), or its source IPv4 address exactly; else null.
     */
    HostLimit of(Match match, HostService hosts) {
        if (match.supports(MatchField.ETH_SRC) && match.isExact(MatchField.ETH_SRC)) {
            MacAddress mac = match.get(MatchField.ETH_SRC);
            HostLimit l = byMac.get(mac);
            if (l != null || byIp.isEmpty()) {
                return l;
            }
            l = hosts.hostByMac(mac).flatMap(h -> h.ips().stream().map(byIp::get).filter(x -> x != null).findFirst())
                    .orElse(null);
            if (l != null) {
                return l;
            }
        }
        if (!byIp.isEmpty() && match.supports(MatchField.IPV4_SRC) && match.isExact(MatchField.IPV4_SRC)) {
            return byIp.get(match.get(MatchField.IPV4_SRC));
        }
        return null;
    }

    /** Whether the entry already goes through a meter (its app chose one): then it is left as it is. */
    static boolean metered(OFFlowMod mod) {
        for (OFInstruction i : mod.getInstructions()) {
            if (i instanceof OFInstructionMeter
                    || i instanceof OFInstructionApplyActions a && a.getActions().stream().anyMatch(OFActionMeter.class::isInstance)) {
                return true;
            }
        }
        return false;
    }
}
